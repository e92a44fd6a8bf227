package io.loadwise.privacy;

import java.nio.charset.StandardCharsets;

/** A file of a data export besides {@code data.json}, e.g. {@code messages.csv}. */
public record ExportFile(String name, byte[] content) {

    public static ExportFile text(String name, String text) {
        return new ExportFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
