package io.loadwise.web;

import java.net.URI;

/** Problem type URIs: stable identifiers API clients can switch on. */
public final class Problems {

    private static final String BASE = "https://loadwise.io/problems/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
