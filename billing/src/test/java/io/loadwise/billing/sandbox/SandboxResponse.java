package io.loadwise.billing.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers an HTTP request with. */
record SandboxResponse(int status, String contentType, String body, Map<String, String> headers) {

    static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, "application/json", body, new LinkedHashMap<>());
    }

    static SandboxResponse html(int status, String body) {
        return new SandboxResponse(status, "text/html; charset=utf-8", body, new LinkedHashMap<>());
    }

    static SandboxResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new SandboxResponse(303, "text/plain; charset=utf-8", "", headers);
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, contentType, body, copy);
    }
}
