package io.loadwise.billing.delivery.internal;

import io.loadwise.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks guide download tokens: {@code base64url(tenant id, entitlement id, expiry in
 * epoch seconds)} + "." + {@code base64url(HMAC-SHA256 over the first part)}.
 *
 * <p>The token carries no personal data, only ids, so a forwarded link reveals nothing by itself.
 * The MAC is checked (in constant time) before anything in the payload is believed, and an expired
 * token is told apart from a forged one only once its MAC is right.
 */
public final class DownloadTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;
    private static final int MAC_BYTES = 32;
    // Bounds the work done on whatever a stranger puts in the URL.
    private static final int MAX_TOKEN_LENGTH = 200;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public DownloadTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A download link key needs at least 32 bytes.");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String issue(TenantId tenant, UUID entitlementId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits())
                .putLong(entitlementId.getMostSignificantBits())
                .putLong(entitlementId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        String encoded = ENCODER.encodeToString(payload.array());
        return encoded + "." + ENCODER.encodeToString(mac(encoded));
    }

    public Verification verify(String token, Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Verification.Invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Verification.Invalid();
        }
        String encodedPayload = token.substring(0, dot);
        byte[] payload;
        byte[] presentedMac;
        try {
            payload = DECODER.decode(encodedPayload);
            presentedMac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new Verification.Invalid();
        }
        if (payload.length != PAYLOAD_BYTES || presentedMac.length != MAC_BYTES) {
            return new Verification.Invalid();
        }
        // Only the one canonical spelling is ours: padding or stray low bits in the last character
        // would otherwise let many different links carry the same signature.
        if (!ENCODER.encodeToString(presentedMac).equals(token.substring(dot + 1))
                || !ENCODER.encodeToString(payload).equals(encodedPayload)) {
            return new Verification.Invalid();
        }
        // Over the text as presented: a re-encoded payload (other padding, other alphabet) is refused.
        if (!MessageDigest.isEqual(mac(encodedPayload), presentedMac)) {
            return new Verification.Invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
        UUID entitlementId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (!now.isBefore(expiresAt)) {
            return new Verification.Expired(tenant, entitlementId, expiresAt);
        }
        return new Verification.Valid(tenant, entitlementId, expiresAt);
    }

    private byte[] mac(String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** What a presented token turned out to be. */
    public sealed interface Verification {

        /** Signed by us and still within its lifetime. */
        record Valid(TenantId tenant, UUID entitlementId, Instant expiresAt) implements Verification {}

        /** Signed by us, but too old: its rightful owner may get a fresh one. */
        record Expired(TenantId tenant, UUID entitlementId, Instant expiredAt) implements Verification {}

        /** Malformed, tampered with, or signed with another key: nothing in it can be believed. */
        record Invalid() implements Verification {}
    }
}
