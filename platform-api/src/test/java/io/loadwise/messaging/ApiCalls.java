package io.loadwise.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the API under test, with a bearer token, the way any API client makes them. */
public final class ApiCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public ApiCalls(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public HttpResponse<String> post(String token, String path, @Nullable Object body) {
        return send(token, "POST", path, body, Map.of());
    }

    public HttpResponse<String> put(String token, String path, Object body, Map<String, String> headers) {
        return send(token, "PUT", path, body, headers);
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    public HttpResponse<String> send(
            String token, String method, String path, @Nullable Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
