package io.loadwise.notifications;

import java.util.List;

/** A notification can't be rendered: no retry helps, so it goes to the dead letters for admins. */
public class TemplateVariableMissingException extends RuntimeException {

    private final List<String> missing;

    public TemplateVariableMissingException(NotificationType type, List<String> missing) {
        super("The " + type.key() + " template needs " + String.join(", ", missing) + ", which the notification lacks");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
