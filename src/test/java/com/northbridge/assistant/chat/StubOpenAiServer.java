package com.northbridge.assistant.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local OpenAI-compatible endpoint for tests, scripted per test: completions, HTTP errors, slow and
 * malformed replies. It records every request body so tests can assert what the real langchain4j client
 * sent. "{{first-source}}" in a scripted answer becomes the first citation id of the request's sources.
 */
public class StubOpenAiServer implements QuarkusTestResourceLifecycleManager {

    /** One scripted reply; {@code content} is set for answers, which are streamed when the client asks. */
    public record Reply(int status, String body, long delayMillis, String content) {

        public static Reply answer(String content) {
            return new Reply(200, completion(content), 0, content);
        }

        public static Reply error(int status) {
            return new Reply(status, "{\"error\": {\"message\": \"scripted failure " + status + "\", \"type\": \"stub\"}}", 0, null);
        }

        public static Reply slow(String content, long delayMillis) {
            return new Reply(200, completion(content), delayMillis, content);
        }

        /** The model asks for one tool call; arguments is the JSON object as text. Never streamed. */
        public static Reply toolCall(String name, String arguments) {
            String escaped = arguments.replace("\\", "\\\\").replace("\"", "\\\"");
            return new Reply(200, "{\"id\": \"chatcmpl-2\", \"object\": \"chat.completion\", \"created\": 1700000000, \"model\": \"stub-model\","
                    + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\","
                    + " \"type\": \"function\", \"function\": {\"name\": \"" + name + "\", \"arguments\": \"" + escaped + "\"}}]},"
                    + " \"finish_reason\": \"tool_calls\"}], \"usage\": {\"prompt_tokens\": 300, \"completion_tokens\": 20, \"total_tokens\": 320}}",
                    0, null);
        }

        public static Reply malformed() {
            return new Reply(200, "{\"id\": \"chatcmpl-x\", \"choices\": [ {\"message\": ", 0, null);
        }
    }

    private static final Pattern STREAM_REQUESTED = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern FIRST_SOURCE = Pattern.compile("\\[(K[0-9a-z]{6,40})]");
    private static final ConcurrentLinkedQueue<Reply> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    /** One permit per request received, so a test can act while the stub is still answering. */
    private static final Semaphore ARRIVED = new Semaphore(0);
    private HttpServer server;
    /** "assistant" (default): the service's chat model; "judge": the evaluation's faithfulness judge. */
    private String serves = "assistant";

    public static void script(Reply... replies) {
        SCRIPT.clear();
        SCRIPT.addAll(List.of(replies));
        REQUESTS.clear();
        ARRIVED.drainPermits();
    }

    /** Waits until the next request has reached the stub (its reply may still be delayed); false after the timeout. */
    public static boolean awaitRequest(Duration timeout) throws InterruptedException {
        return ARRIVED.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        serves = initArgs.getOrDefault("serves", "assistant");
    }

    @Override
    public Map<String, String> start() {
        server = serve(this::handle, Executors.newFixedThreadPool(4));
        if (serves.equals("judge")) {
            return Map.of(
                    "eval.judge.base-url", baseUrl(),
                    "eval.judge.api-key", "judge-key",
                    "eval.judge.model-name", "judge-model",
                    "eval.judge.max-retries", "0");
        }
        return modelAt(server);
    }

    /** A local endpoint serving /v1/chat/completions with the given handler, started. */
    public static HttpServer serve(HttpHandler completions, Executor threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(threads);
            server.createContext("/v1/chat/completions", completions);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's settings that put its chat model at a local endpoint. */
    public static Map<String, String> modelAt(HttpServer server) {
        return Map.of(
                "assistant.model.provider", "openai",
                "assistant.model.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "assistant.model.api-key", "test-key",
                "assistant.model.model-name", "stub-model");
    }

    /** The OpenAI-style base URL of this stub once started. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Sends a reply; a client that has already given up (its time-out) gets nothing. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // nothing to answer
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(body);
        ARRIVED.release();
        Reply reply = SCRIPT.poll();
        if (reply == null) {
            reply = Reply.error(500);
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis()); // the stub plays a slow model; the test itself never sleeps
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String firstSource = firstSource(body);
        String text = reply.body().replace("{{first-source}}", firstSource);
        boolean streaming = streamRequested(body) && reply.status() == 200 && reply.content() != null;
        if (streaming) {
            text = streamOf(reply.content().replace("{{first-source}}", firstSource));
        }
        send(exchange, reply.status(), streaming ? "text/event-stream" : "application/json", text);
    }

    /** The citation id of the first passage in a request's sources block, or "none" when it has none. */
    public static String firstSource(String requestBody) {
        // The system prompt shows an example id; the sources block starts "SOURCES", a newline, then "[K".
        int sources = requestBody.indexOf("SOURCES\\n[");
        Matcher source = FIRST_SOURCE.matcher(sources < 0 ? "" : requestBody.substring(sources));
        return source.find() ? source.group(1) : "none";
    }

    public static boolean streamRequested(String requestBody) {
        return STREAM_REQUESTED.matcher(requestBody).find();
    }

    /** The answer as OpenAI streams it: one chunk per word, a final chunk with usage, then [DONE]. */
    public static String streamOf(String content) {
        StringBuilder sse = new StringBuilder();
        for (String piece : content.split("(?<= )")) {
            sse.append("data: {\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1700000000,"
                    + " \"model\": \"stub-model\", \"choices\": [{\"index\": 0, \"delta\": {\"content\": \"")
                    .append(jsonText(piece)).append("\"}, \"finish_reason\": null}]}\n\n");
        }
        sse.append("data: {\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1700000000,"
                + " \"model\": \"stub-model\", \"choices\": [{\"index\": 0, \"delta\": {}, \"finish_reason\": \"stop\"}],"
                + " \"usage\": {\"prompt_tokens\": 321, \"completion_tokens\": 42, \"total_tokens\": 363}}\n\n");
        return sse.append("data: [DONE]\n\n").toString();
    }

    public static String completion(String content) {
        String escaped = jsonText(content);
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1700000000, \"model\": \"stub-model\","
                + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + escaped + "\"},"
                + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 321, \"completion_tokens\": 42, \"total_tokens\": 363}}";
    }

    /** The text as the inside of a JSON string: quotes, backslashes and every control character escaped. */
    private static String jsonText(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
