package io.loadwise.web;

import io.loadwise.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency over HTTP: a resource's row version is its (strong) ETag, and updates
 * must send it back in {@code If-Match}. A missing If-Match is refused (428) so that no client
 * can overwrite someone else's change by accident; a stale one fails with 412 through {@link
 * StaleVersionException}.
 */
public final class Etags {

    private Etags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when absent, 412 when unreadable. */
    public static int requireVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Send the ETag you read in an If-Match header, so that a concurrent change is not overwritten.");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StaleVersionException("resource", -1, -1);
        }
    }
}
