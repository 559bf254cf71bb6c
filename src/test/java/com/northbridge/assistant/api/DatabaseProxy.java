package com.northbridge.assistant.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP relay between the service and its test database that a test can cut and restore. Cut closes every
 * open connection and turns new ones away, as a stopped or unreachable PostgreSQL does to the service; the
 * database itself, which other tests share, is never touched.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean cut;

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "database-proxy");
        t.setDaemon(true);
        return t;
    });
    private ServerSocket server;

    /** From now on the database is unreachable: open connections break, new ones are refused. */
    public static void cut() {
        cut = true;
        OPEN.forEach(DatabaseProxy::close);
    }

    public static void restore() {
        cut = false;
    }

    @Override
    public Map<String, String> start() {
        // jdbc:postgresql://host:port/database?parameters, as the test profile (or its environment) sets it
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        URI target = URI.create(url.substring("jdbc:".length()));
        try {
            server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads.execute(() -> relay(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort()));
        String rest = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + rest);
    }

    private void relay(String host, int port) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close(); // the driver sees its connection attempt fail (SQLSTATE 08001)
                    continue;
                }
                Socket upstream = new Socket(host, port);
                OPEN.add(client);
                OPEN.add(upstream);
                threads.execute(() -> pump(client, upstream));
                threads.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                // the server socket was closed at the end, or one connection failed to open: keep serving
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // cut, or the other side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        OPEN.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        OPEN.forEach(DatabaseProxy::close);
        threads.shutdownNow();
    }
}
