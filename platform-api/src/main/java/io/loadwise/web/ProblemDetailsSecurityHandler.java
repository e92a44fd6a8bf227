package io.loadwise.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 and 403 on the API as RFC 9457 problem details (with the {@code WWW-Authenticate}
 * header RFC 6750 asks for), instead of an empty body.
 */
@Component
class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemDetailsSecurityHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        String detail = failure instanceof InvalidBearerTokenException
                ? failure.getMessage()
                : tokenSent
                        ? "The bearer token was not accepted."
                        : "This endpoint needs a bearer token from Keycloak.";
        String challenge = tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"" + detail.replace("\"", "'") + "\""
                : "Bearer";
        response.setHeader("WWW-Authenticate", challenge);
        write(response, request, HttpStatus.UNAUTHORIZED, "Authentication required", detail, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, "Access denied", "Your account may not do this.", "forbidden");
    }

    private void write(
            HttpServletResponse response,
            HttpServletRequest request,
            HttpStatus status,
            String title,
            String detail,
            String type)
            throws IOException {
        ProblemDetail problem = Problems.of(status, title, detail, type);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
