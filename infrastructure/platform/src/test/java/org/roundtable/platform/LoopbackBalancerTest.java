package org.roundtable.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackBalancerTest {

    @Test
    void connectionsTakeTurnsAndPassOverAnInstanceThatIsDown() throws Exception {
        try (Instance first = new Instance("first"); Instance second = new Instance("second");
             LoopbackBalancer balancer = LoopbackBalancer.start("test", InetAddress.getLoopbackAddress(), 0,
                     List.of(first.port(), second.port()))) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(ask(balancer.port(), "hello " + i));
            }
            assertThat(answers).containsExactly("first: hello 0", "second: hello 1", "first: hello 2", "second: hello 3");

            first.close();
            assertThat(ask(balancer.port(), "again")).isEqualTo("second: again");
            assertThat(ask(balancer.port(), "and again")).isEqualTo("second: and again");
        }
    }

    @Test
    void whenNoInstanceIsUpTheConnectionEnds() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (LoopbackBalancer balancer = LoopbackBalancer.start("test", InetAddress.getLoopbackAddress(), 0, List.of(closedPort));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static String ask(int port, String question) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((question + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Answers each line with its name and the line, one connection at a time. */
    private static final class Instance implements AutoCloseable {

        private final ServerSocket server;
        private final Thread thread;

        Instance(String name) throws IOException {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        String line = readLine(socket.getInputStream());
                        socket.getOutputStream().write((name + ": " + line + "\n").getBytes(StandardCharsets.UTF_8));
                        socket.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "instance-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }
}
