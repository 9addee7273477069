package org.roundtable.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One address in front of several instances of an application, as a load balancer puts them in a real deployment:
 * each TCP connection accepted on the address goes to the next instance in turn that accepts a connection, and
 * stays with it to its end. An instance that is down is passed over; a connection open to an instance that dies ends,
 * and the client's next connection goes to another.
 */
public final class LoopbackBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final List<Integer> instancePorts;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private LoopbackBalancer(String name, ServerSocket server, List<Integer> instancePorts) {
        this.name = name;
        this.server = server;
        this.instancePorts = List.copyOf(instancePorts);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "balancer-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newCachedThreadPool(daemons);
        threads.execute(this::accept);
    }

    /**
     * @param address       where it listens: loopback, or every interface for the platform's one door in
     * @param port          the address's port
     * @param instancePorts the instances' ports on 127.0.0.1
     */
    public static LoopbackBalancer start(String name, InetAddress address, int port, List<Integer> instancePorts) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 256);
            return new LoopbackBalancer(name, server, instancePorts);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not listen on " + address.getHostAddress() + ":" + port + " for " + name, failure);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException stopped) {
                return;
            }
            threads.execute(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        Socket instance = connect();
        if (instance == null) {
            closeQuietly(client);
            return;
        }
        threads.execute(() -> pipe(instance, client));
        pipe(client, instance);
    }

    /** The next instance in turn that accepts a connection, or null when none does. */
    private Socket connect() {
        int first = Math.floorMod(next.getAndIncrement(), instancePorts.size());
        for (int tried = 0; tried < instancePorts.size(); tried++) {
            int port = instancePorts.get((first + tried) % instancePorts.size());
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
                return socket;
            } catch (IOException down) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction until it ends, then ends both sockets so the other direction ends too. */
    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // a side closed or died: the connection is over
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing what is already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return name + " on " + server.getLocalPort() + " -> " + instancePorts;
    }
}
