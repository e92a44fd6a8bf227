package io.loadwise.notifications.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the API under test with a bearer token, as any API client makes them. */
final class Http {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String token, String path) {
        return send(token, "GET", path);
    }

    HttpResponse<String> post(String token, String path) {
        return send(token, "POST", path);
    }

    JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
