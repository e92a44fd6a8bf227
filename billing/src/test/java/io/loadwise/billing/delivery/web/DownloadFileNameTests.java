package io.loadwise.billing.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadFileNameTests {

    @Test
    void the_guide_title_becomes_a_safe_file_name() {
        assertThat(DownloadController.fileName("Tendon Health: A Guide")).isEqualTo("Tendon Health A Guide.pdf");
        assertThat(DownloadController.fileName("../../etc/passwd\r\nX-Evil: 1"))
                .isEqualTo(".. .. etc passwd X-Evil 1.pdf");
        assertThat(DownloadController.fileName("\"\"")).isEqualTo("guide.pdf");
    }

    @Test
    void an_ascii_title_gets_a_plain_attachment_header() {
        assertThat(DownloadController.contentDisposition("Tendon Health Guide.pdf"))
                .isEqualTo("attachment; filename=\"Tendon Health Guide.pdf\"");
    }

    @Test
    void a_title_beyond_ascii_gets_an_encoded_name_and_a_plain_fallback() {
        assertThat(DownloadController.contentDisposition("Kräftig laufen.pdf"))
                .isEqualTo("attachment; filename=\"Kr_ftig laufen.pdf\"; filename*=UTF-8''Kr%C3%A4ftig%20laufen.pdf");
    }
}
