package io.loadwise.notifications.delivery;

import io.loadwise.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the test SMTP server that a test can switch off: while off it accepts
 * connections and hangs up at once (and cuts open ones), as a failing mail server does. The
 * application under test sends to the relay's port.
 */
public final class SmtpSwitch {

    private static final SmtpSwitch INSTANCE = new SmtpSwitch();

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    private SmtpSwitch() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().name("smtp-switch").start(this::accept);
    }

    public static SmtpSwitch instance() {
        return INSTANCE;
    }

    public int port() {
        return server.getLocalPort();
    }

    public void down() {
        up = false;
        for (Socket socket : open) {
            close(socket);
        }
    }

    public void up() {
        up = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    close(client);
                    continue;
                }
                Socket smtp = new Socket(
                        InetAddress.getLoopbackAddress(),
                        TestInfrastructure.mail().smtpPort());
                open.add(client);
                open.add(smtp);
                Thread.ofVirtual().start(() -> pipe(client, smtp));
                Thread.ofVirtual().start(() -> pipe(smtp, client));
            } catch (IOException e) {
                // one connection failed; keep accepting
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // closed: the other direction ends too
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
