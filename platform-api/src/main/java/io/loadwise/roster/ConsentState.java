package io.loadwise.roster;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether the client's consent to record their menopausal status is active, and what they agreed
 * to: the wording shown when they granted it, or (when not granted) the wording they would agree to.
 */
public record ConsentState(
        boolean granted,
        String wording,
        @Nullable Instant grantedAt,
        @Nullable Instant withdrawnAt) {

    /**
     * The words a client agrees to. Stored with each consent as shown, so changing this text later
     * does not change what anyone agreed to.
     */
    public static final String MENOPAUSAL_STATUS_WORDING = "I agree that my coaching business records my"
            + " menopausal status so that my coaches can take it into account in my training. Only my coaches"
            + " see it. I can withdraw this consent at any time; my recorded status is then deleted.";
}
