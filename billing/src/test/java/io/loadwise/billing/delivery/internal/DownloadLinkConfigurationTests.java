package io.loadwise.billing.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.billing.StripeProperties;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DownloadLinkConfigurationTests {

    @Test
    void with_a_stripe_key_the_application_refuses_to_start_without_a_download_link_secret() {
        assertThatThrownBy(() -> DownloadLinkConfiguration.key(properties("sk_live_123", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOADWISE_DOWNLOAD_LINK_SECRET");
        assertThatThrownBy(() -> DownloadLinkConfiguration.key(properties("sk_test_123", "  ")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> DownloadLinkConfiguration.key(properties("sk_test_123", "short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void a_configured_secret_signs_links_that_survive_a_restart() {
        String secret = "a-download-link-secret-of-at-least-32-bytes";
        assertThat(DownloadLinkConfiguration.key(properties("sk_test_123", secret)))
                .isEqualTo(DownloadLinkConfiguration.key(properties("sk_test_123", secret)));
    }

    @Test
    void in_sandbox_mode_each_process_gets_its_own_random_key() {
        byte[] first = DownloadLinkConfiguration.key(properties(null, null));
        byte[] second = DownloadLinkConfiguration.key(properties(null, null));

        assertThat(first).hasSize(32).isNotEqualTo(second);
    }

    private static StripeProperties properties(@Nullable String secretKey, @Nullable String downloadLinkSecret) {
        return new StripeProperties(
                secretKey,
                "http://localhost:12111",
                null,
                null,
                Duration.ofMinutes(5),
                downloadLinkSecret,
                Duration.ofMinutes(15),
                URI.create("http://localhost:8080"));
    }
}
