package io.loadwise.billing.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.delivery.internal.DownloadTokens.Verification;
import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadTokensTests {

    static final byte[] KEY = "a-download-link-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    DownloadTokens tokens = new DownloadTokens(KEY);
    TenantId tenant = new TenantId(UUID.randomUUID());
    UUID entitlement = UUID.randomUUID();

    @Test
    void a_link_within_its_lifetime_names_its_tenant_entitlement_and_expiry() {
        String token = tokens.issue(tenant, entitlement, NOW.plusSeconds(900));

        assertThat(tokens.verify(token, NOW.plusSeconds(899)))
                .isEqualTo(new Verification.Valid(tenant, entitlement, NOW.plusSeconds(900)));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void a_link_past_its_expiry_is_recognised_as_ours_but_expired() {
        String token = tokens.issue(tenant, entitlement, NOW.plusSeconds(900));

        assertThat(tokens.verify(token, NOW.plusSeconds(900)))
                .isEqualTo(new Verification.Expired(tenant, entitlement, NOW.plusSeconds(900)));
    }

    @Test
    void changing_any_single_character_makes_the_link_invalid() {
        String token = tokens.issue(tenant, entitlement, NOW.plusSeconds(900));
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(tokens.verify(tampered, NOW))
                    .as("token changed at %d", i)
                    .isInstanceOf(Verification.Invalid.class);
        }
    }

    @Test
    void a_later_expiry_cannot_be_written_into_a_link() {
        String genuine = tokens.issue(tenant, entitlement, NOW.minusSeconds(1));
        String longer = tokens.issue(tenant, entitlement, NOW.plusSeconds(86_400));
        String forged = longer.substring(0, longer.indexOf('.')) + genuine.substring(genuine.indexOf('.'));

        assertThat(tokens.verify(forged, NOW)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void a_link_signed_with_another_key_is_invalid_even_when_expired() {
        DownloadTokens otherKey =
                new DownloadTokens("another-secret-that-is-also-32-bytes-long".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(otherKey.issue(tenant, entitlement, NOW.plusSeconds(900)), NOW))
                .isInstanceOf(Verification.Invalid.class);
        assertThat(tokens.verify(otherKey.issue(tenant, entitlement, NOW.minusSeconds(900)), NOW))
                .isInstanceOf(Verification.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ".",
                "abc",
                "abc.",
                ".abc",
                "a.b.c",
                "!!!!.????",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "%2e%2e%2f"
            })
    void malformed_links_are_invalid(String token) {
        assertThat(tokens.verify(token, NOW)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void only_the_canonical_spelling_of_a_link_is_accepted() {
        String token = tokens.issue(tenant, entitlement, NOW.plusSeconds(900));
        String mac = token.substring(token.indexOf('.') + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char last : alphabet.toCharArray()) {
            if (last == mac.charAt(mac.length() - 1)) {
                continue;
            }
            String respelled = token.substring(0, token.length() - 1) + last;
            assertThat(tokens.verify(respelled, NOW)).isInstanceOf(Verification.Invalid.class);
        }
    }

    @Test
    void a_padded_or_truncated_signature_is_invalid() {
        String token = tokens.issue(tenant, entitlement, NOW.plusSeconds(900));

        assertThat(tokens.verify(token + "=", NOW)).isInstanceOf(Verification.Invalid.class);
        assertThat(tokens.verify(token.substring(0, token.length() - 2), NOW)).isInstanceOf(Verification.Invalid.class);
        assertThat(tokens.verify(token + "A".repeat(300), NOW)).isInstanceOf(Verification.Invalid.class);
    }
}
