package io.loadwise.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void quoted_cells_keep_delimiters_quotes_and_line_breaks() {
        assertThat(Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n"))
                .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthere"));
    }

    @Test
    void semicolons_are_the_delimiter_when_the_header_uses_them_and_a_bom_is_ignored() {
        assertThat(Csv.parse("\uFEFFemail;name\nx@example.com;X, Y\n"))
                .containsExactly(List.of("email", "name"), List.of("x@example.com", "X, Y"));
    }

    @Test
    void blank_lines_are_skipped() {
        assertThat(Csv.parse("a\n\n  \nb\n")).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void cells_a_spreadsheet_would_evaluate_are_written_as_text_and_read_back_unchanged() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
            String line = Csv.row(List.of(formula));
            assertThat(line).startsWith("'").doesNotStartWith(formula);
            assertThat(Csv.unguard(Csv.parse(line).getFirst().getFirst())).isEqualTo(formula);
        }
        assertThat(Csv.row(List.of("plain", "it's"))).isEqualTo("plain,it's\r\n");
    }
}
