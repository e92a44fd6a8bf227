package io.loadwise.ui.roster;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.function.Function;

/** Small helpers shared by the roster's forms. */
final class Forms {

    /** What a coach or client sees when someone else saved first. */
    static final String CONFLICT = "This was changed by someone else — reloaded with their changes; apply yours again.";

    private Forms() {}

    /**
     * A Binder validator from one of {@link io.loadwise.roster.ProfileRules}' checks, so forms show
     * the same message inline that the API answers with.
     */
    static <T> Validator<T> rule(Function<T, ?> check) {
        return (value, context) -> {
            try {
                check.apply(value);
                return ValidationResult.ok();
            } catch (IllegalArgumentException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    static void conflict() {
        Notification shown = Notification.show(CONFLICT, 8000, Notification.Position.MIDDLE);
        shown.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    static void error(String message) {
        Notification shown = Notification.show(message, 6000, Notification.Position.MIDDLE);
        shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void saved(String message) {
        Notification shown = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        shown.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
