package io.loadwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/benchmarks.json} and {@code docs/benchmarks.md} are shared by every benchmark: each
 * run replaces its own entries (recognised by their name's prefix) and its own generated section,
 * and leaves the other benchmarks' figures as they were.
 */
final class BenchmarkDocs {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchmarkDocs() {}

    /** Writes {@code entries} over the entries whose name starts with {@code namePrefix}. */
    static void writeEntries(Path docs, String namePrefix, List<?> entries) throws IOException {
        Files.createDirectories(docs);
        Path file = docs.resolve("benchmarks.json");
        List<Object> all = new ArrayList<>();
        if (Files.exists(file)) {
            for (JsonNode entry : JSON.readTree(Files.readString(file))) {
                if (!entry.path("name").asString("").startsWith(namePrefix)) {
                    all.add(entry);
                }
            }
        }
        all.addAll(entries);
        Files.writeString(file, JSON.writeValueAsString(all) + "\n");
    }

    /** Writes {@code markdown} between {@code begin} and {@code end} in benchmarks.md. */
    static void writeSection(Path docs, String begin, String end, String markdown) throws IOException {
        Path page = docs.resolve("benchmarks.md");
        String existing = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n\n";
        Files.writeString(page, replaceSection(existing, begin, end, begin + "\n" + markdown + end + "\n"));
    }

    /** The page with the section between the markers replaced, or appended when it has none yet. */
    static String replaceSection(String page, String beginMarker, String endMarker, String section) {
        int begin = page.indexOf(beginMarker);
        int end = begin < 0 ? -1 : page.indexOf(endMarker, begin);
        if (begin < 0 || end < 0) {
            String gap = page.endsWith("\n\n") ? "" : page.endsWith("\n") ? "\n" : "\n\n";
            return page + gap + section;
        }
        int after = end + endMarker.length();
        if (after < page.length() && page.charAt(after) == '\n') {
            after++;
        }
        return page.substring(0, begin) + section + page.substring(after);
    }
}
