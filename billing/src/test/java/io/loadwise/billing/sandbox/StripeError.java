package io.loadwise.billing.sandbox;

import com.google.gson.JsonObject;

/** An error Stripe would answer with: {@code {"error":{"type","code","message","param"}}}. */
final class StripeError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    StripeError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError invalid(String message, String param) {
        return new StripeError(400, "invalid_request_error", null, message, param);
    }

    static StripeError invalid(String code, String message, String param) {
        return new StripeError(400, "invalid_request_error", code, message, param);
    }

    static StripeError missing(String path) {
        String param = toParam(path);
        return new StripeError(
                400, "invalid_request_error", "parameter_missing", "Missing required param: " + param + ".", param);
    }

    static StripeError noSuch(String objectName, String id) {
        return new StripeError(
                404, "invalid_request_error", "resource_missing", "No such " + objectName + ": '" + id + "'", "id");
    }

    static StripeError unknownUrl(String method, String path) {
        return new StripeError(
                404,
                "invalid_request_error",
                null,
                "Unrecognized request URL (" + method + ": " + path + "). (Stripe sandbox)",
                null);
    }

    private static String toParam(String path) {
        String[] parts = path.split("\\.");
        StringBuilder param = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            param.append('[').append(parts[i]).append(']');
        }
        return param.toString();
    }

    String json() {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", getMessage());
        if (param != null) {
            error.addProperty("param", param);
        }
        error.addProperty("doc_url", "https://stripe.com/docs/error-codes" + (code == null ? "" : "/" + code));
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body.toString();
    }
}
