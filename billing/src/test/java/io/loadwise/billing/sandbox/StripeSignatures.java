package io.loadwise.billing.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook payloads exactly as Stripe does, for tests that post events themselves. */
public final class StripeSignatures {

    private StripeSignatures() {}

    /** @return the {@code Stripe-Signature} header: {@code t=<unix>,v1=<hex HMAC-SHA256("t.payload")>} */
    public static String sign(String payload, String secret, long epochSeconds) {
        return "t=" + epochSeconds + ",v1=" + hmac(epochSeconds + "." + payload, secret);
    }

    static String hmac(String message, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
