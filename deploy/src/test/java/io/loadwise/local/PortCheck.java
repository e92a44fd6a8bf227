package io.loadwise.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds configured ports that something else already listens on, before anything starts. */
final class PortCheck {

    private PortCheck() {}

    static List<String> busy(Map<String, Integer> ports) {
        List<String> problems = new ArrayList<>();
        ports.forEach((setting, port) -> {
            if (!free(port)) {
                problems.add("Port " + port + " is already in use (set by " + setting + "). Stop what uses it,"
                        + " or choose another port, e.g. " + setting + "=" + (port + 1) + " ./mvnw -Prun");
            }
        });
        return problems;
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
