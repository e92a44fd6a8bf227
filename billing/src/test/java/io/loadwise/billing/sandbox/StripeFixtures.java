package io.loadwise.billing.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Stripe's own example objects ({@code stripe/fixtures3.json}), the start of every answer. */
final class StripeFixtures {

    private static final JsonObject RESOURCES = load();

    private StripeFixtures() {}

    private static JsonObject load() {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/fixtures3.json")) {
            if (in == null) {
                throw new IllegalStateException("stripe/fixtures3.json is not on the class path");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .getAsJsonObject("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of Stripe's example {@code resource} to override fields on. */
    static JsonObject of(String resource) {
        JsonObject fixture = RESOURCES.getAsJsonObject(resource);
        if (fixture == null) {
            throw new IllegalArgumentException("No Stripe fixture " + resource);
        }
        return fixture.deepCopy();
    }
}
