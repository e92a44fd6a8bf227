package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeepAliveHttpTests {

    private final KeepAliveHttp http = new KeepAliveHttp(URI.create("http://localhost:1/api/v1/clients"));

    @Test
    void reads_chunked_and_sized_answers_back_to_back_from_one_connection() throws IOException {
        InputStream in = stream("HTTP/1.1 200 \r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n3;ext=1\r\n1}\n\r\n0\r\n\r\n"
                + "HTTP/1.1 401 \r\nContent-Length: 4\r\n\r\nnope"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(http.readResponse(in)).isEqualTo(200);
        assertThat(http.readResponse(in)).isEqualTo(401);
        assertThat(http.readResponse(in)).isEqualTo(200);
        assertThat(in.read()).isEqualTo(-1);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
