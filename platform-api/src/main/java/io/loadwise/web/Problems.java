package io.loadwise.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem type URIs: stable identifiers API clients can switch on. */
public final class Problems {

    private static final String BASE = "https://loadwise.io/problems/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** An RFC 9457 problem with a stable type ({@code slug}), a short title and what went wrong. */
    public static ProblemDetail of(HttpStatus status, String title, String detail, String slug) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type(slug));
        return problem;
    }
}
