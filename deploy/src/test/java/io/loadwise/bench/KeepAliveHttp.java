package io.loadwise.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that sends GETs and reads the answers, nothing more.
 *
 * <p>The load driver shares the machine's cores with the application and PostgreSQL; the JDK's
 * {@code HttpClient} costs several milliseconds of CPU per request there (its selector and
 * executor hand every request between threads), CPU the application then lacks. pgbench's client
 * costs a tenth of a millisecond per transaction; this comes closer to that. Not a general
 * client: no redirects, no TLS, the body is read and discarded.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final URI target;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(URI target) {
        this.target = target;
    }

    /** @return the status code; the body is consumed so the connection can carry the next request */
    int get(String bearerToken) throws IOException {
        boolean reused = socket != null;
        try {
            return send(bearerToken);
        } catch (IOException e) {
            if (!reused) {
                throw e;
            }
            // The server may have closed an idle connection since its last use: one fresh try.
            return send(bearerToken);
        }
    }

    /**
     * POSTs {@code body} to the target's path with the given headers (e.g. a webhook and its
     * signature); @return the status code, the body consumed like {@link #get}'s.
     */
    int post(String contentType, Map<String, String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return sendPost(contentType, headers, body);
        } catch (IOException e) {
            if (!reused) {
                throw e;
            }
            return sendPost(contentType, headers, body);
        }
    }

    private int sendPost(String contentType, Map<String, String> headers, byte[] body) throws IOException {
        connect();
        StringBuilder head = new StringBuilder("POST ")
                .append(target.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(target.getHost())
                .append(':')
                .append(target.getPort())
                .append("\r\nContent-Type: ")
                .append(contentType)
                .append("\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readResponse(in);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(target.getHost(), target.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private int send(String bearerToken) throws IOException {
        connect();
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                            + "\r\nAccept: application/json\r\nAuthorization: Bearer " + bearerToken + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse(in);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Reads one response from {@code in}; closes the connection afterwards when the server asks to. */
    int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header; !(header = line(in)).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";", 2)[0].trim(), 16)) > 0; ) {
                skip(in, size);
                line(in);
            }
            // Trailers, if any, end with an empty line.
            while (!line(in).isEmpty()) {}
        } else if (length > 0) {
            skip(in, length);
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("Connection closed inside a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken connection: nothing to do.
            }
            socket = null;
        }
    }
}
