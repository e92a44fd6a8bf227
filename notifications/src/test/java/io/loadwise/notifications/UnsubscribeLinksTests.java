package io.loadwise.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTests {

    final NotificationsProperties properties =
            new NotificationsProperties(URI.create("https://app.loadwise.test/"), "no-reply@loadwise.test", null);
    final UnsubscribeLinks links = new UnsubscribeLinks(
            "a-secret-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8), properties);
    final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void aLinkNamesItsRecipientAndType() {
        String url = links.url(tenant, "jess@example.test", NotificationType.PLAN_ADJUSTED);

        assertThat(url).startsWith("https://app.loadwise.test/notifications/unsubscribe?token=");
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(links.verify(token))
                .contains(new UnsubscribeLinks.Target(tenant, "jess@example.test", NotificationType.PLAN_ADJUSTED));
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = links.token(tenant, "jess@example.test", NotificationType.PLAN_ADJUSTED);
        String otherType = links.token(tenant, "jess@example.test", NotificationType.NEW_MESSAGE);
        // Another address or type under the same signature
        String forged = otherType.substring(0, otherType.indexOf('.')) + token.substring(token.indexOf('.'));
        var otherKey = new UnsubscribeLinks(
                "another-secret-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8), properties);

        assertThat(links.verify(forged)).isEmpty();
        assertThat(links.verify(otherKey.token(tenant, "jess@example.test", NotificationType.PLAN_ADJUSTED)))
                .isEmpty();
        assertThat(links.verify("not-a-token")).isEmpty();
        assertThat(links.verify("%%%.###")).isEmpty();
        assertThat(links.verify(token + "x")).isEmpty();
    }
}
