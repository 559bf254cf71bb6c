package com.northbridge.assistant.bench;

import java.io.IOException;
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

    public FixedDelayModelStub() {
        server = StubOpenAiServer.serve(this::handle, threads);
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
        StubOpenAiServer.send(exchange, 200, streaming ? "text/event-stream" : "application/json",
                streaming ? StubOpenAiServer.streamOf(answer) : StubOpenAiServer.completion(answer));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
