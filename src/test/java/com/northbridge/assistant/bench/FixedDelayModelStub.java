package com.northbridge.assistant.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.northbridge.assistant.chat.StubOpenAiServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible endpoint for benchmarks: it answers every request, after a fixed delay that can be
 * changed between runs, with a short answer citing the first passage it was given. Unlike
 * {@link StubOpenAiServer} it needs no script, and it serves any number of requests at once, so the model
 * never queues requests that the service sends in parallel.
 */
public final class FixedDelayModelStub implements AutoCloseable {

    public static final String MODEL = "stub-model";
    private static final String ANSWER = "You can find this in our documents. [%s]";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile long delayMillis;

    public FixedDelayModelStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Time from a request's arrival to the whole answer (a streamed answer comes in one piece after it). */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay); // the stub plays a model that takes this long
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String answer = ANSWER.formatted(StubOpenAiServer.firstSource(body));
        boolean streaming = StubOpenAiServer.streamRequested(body);
        byte[] bytes = (streaming ? StubOpenAiServer.streamOf(answer) : StubOpenAiServer.completion(answer)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", streaming ? "text/event-stream" : "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (time-out): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
