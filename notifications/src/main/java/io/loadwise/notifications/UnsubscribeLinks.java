package io.loadwise.notifications;

import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe links (RFC 8058): the token names the business, the address and the
 * notification type, with an HMAC-SHA256 over them, so the link works without signing in and
 * can't be turned against another address or type. They don't expire: a mail read a year later
 * must still unsubscribe.
 */
public final class UnsubscribeLinks {

    /** The public path; the token is its {@code token} query parameter. */
    public static final String PATH = "/notifications/unsubscribe";

    /** What a valid token names. */
    public record Target(TenantId tenantId, String email, NotificationType type) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final NotificationsProperties properties;

    UnsubscribeLinks(byte[] key, NotificationsProperties properties) {
        this.key = key.clone();
        this.properties = properties;
    }

    /** The absolute unsubscribe address for one recipient and type. */
    public String url(TenantId tenant, String email, NotificationType type) {
        return properties.link(PATH + "?token=" + token(tenant, email, type));
    }

    public String token(TenantId tenant, String email, NotificationType type) {
        byte[] payload = (tenant.value() + "\n" + email + "\n" + type.key()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** @return the target of a token signed with this key; empty when tampered or malformed */
    public Optional<Target> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(
                    new Target(new TenantId(UUID.fromString(parts[0])), parts[1], NotificationType.fromKey(parts[2])));
        } catch (IllegalArgumentException e) {
            // bad base64, UUID or type: a damaged link, treated like a tampered one
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
