package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void a_new_run_replaces_only_the_generated_section_of_the_page() {
        String page = "# Benchmarks\n\nWhy and how.\n\n" + Report.BEGIN + "\nold figures\n" + Report.END
                + "\n\n## Notes\nkept\n";

        String updated = Report.replaceSection(page, Report.BEGIN + "\nnew figures\n" + Report.END + "\n");

        assertThat(updated)
                .isEqualTo("# Benchmarks\n\nWhy and how.\n\n" + Report.BEGIN + "\nnew figures\n" + Report.END
                        + "\n\n## Notes\nkept\n");
    }

    @Test
    void a_page_without_results_gets_them_appended() {
        assertThat(Report.replaceSection("# Benchmarks\n", "S\n")).isEqualTo("# Benchmarks\n\nS\n");
    }
}
