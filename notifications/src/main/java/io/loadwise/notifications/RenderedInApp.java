package io.loadwise.notifications;

import org.jspecify.annotations.Nullable;

/** An inbox entry's text, plain (the UI escapes it), and the absolute or app-relative link it opens. */
public record RenderedInApp(
        String title, String body, @Nullable String link) {}
