package io.loadwise.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long mailed account links stay valid.
 *
 * @param inviteLinkValidity a coach's or client's set-password link
 * @param verificationLinkValidity the signup's confirm-your-email link
 */
@ConfigurationProperties("loadwise.onboarding")
public record OnboardingProperties(
        @DefaultValue("7d") Duration inviteLinkValidity,
        @DefaultValue("7d") Duration verificationLinkValidity) {

    Duration validityOf(AccountLinkPurpose purpose) {
        return switch (purpose) {
            case INVITE -> inviteLinkValidity;
            case VERIFY_EMAIL -> verificationLinkValidity;
        };
    }
}
