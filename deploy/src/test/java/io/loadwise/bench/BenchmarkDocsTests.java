package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDocsTests {

    @TempDir
    Path docs;

    @Test
    void a_run_replaces_its_own_entries_and_keeps_the_other_benchmarks() throws Exception {
        BenchmarkDocs.writeEntries(docs, "GET /api/v1/clients", List.of(Map.of("name", "GET /api/v1/clients, old")));
        BenchmarkDocs.writeEntries(docs, "Plan engine", List.of(Map.of("name", "Plan engine, old")));

        BenchmarkDocs.writeEntries(docs, "Plan engine", List.of(Map.of("name", "Plan engine, new")));

        String json = Files.readString(docs.resolve("benchmarks.json"));
        assertThat(json)
                .contains("GET /api/v1/clients, old", "Plan engine, new")
                .doesNotContain("Plan engine, old");
    }

    @Test
    void each_benchmark_has_its_own_section_on_the_page() throws Exception {
        BenchmarkDocs.writeSection(docs, "<!-- a -->", "<!-- end a -->", "first a\n");
        BenchmarkDocs.writeSection(docs, "<!-- b -->", "<!-- end b -->", "first b\n");
        BenchmarkDocs.writeSection(docs, "<!-- a -->", "<!-- end a -->", "second a\n");

        assertThat(Files.readString(docs.resolve("benchmarks.md")))
                .isEqualTo(
                        "# Benchmarks\n\n<!-- a -->\nsecond a\n<!-- end a -->\n\n<!-- b -->\nfirst b\n<!-- end b -->\n");
    }
}
