package com.northbridge.assistant.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
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
    private HttpServer server;
    /** "assistant" (default): the service's chat model; "judge": the evaluation's faithfulness judge. */
    private String serves = "assistant";

    public static void script(Reply... replies) {
        SCRIPT.clear();
        SCRIPT.addAll(List.of(replies));
        REQUESTS.clear();
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
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
        if (serves.equals("judge")) {
            return Map.of(
                    "eval.judge.base-url", baseUrl(),
                    "eval.judge.api-key", "judge-key",
                    "eval.judge.model-name", "judge-model",
                    "eval.judge.max-retries", "0");
        }
        return Map.of(
                "assistant.model.provider", "openai",
                "assistant.model.base-url", baseUrl(),
                "assistant.model.api-key", "test-key",
                "assistant.model.model-name", "stub-model");
    }

    /** The OpenAI-style base URL of this stub once started. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(body);
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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", streaming ? "text/event-stream" : "application/json");
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (time-out): nothing to answer.
        }
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
                    .append(piece.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}, \"finish_reason\": null}]}\n\n");
        }
        sse.append("data: {\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1700000000,"
                + " \"model\": \"stub-model\", \"choices\": [{\"index\": 0, \"delta\": {}, \"finish_reason\": \"stop\"}],"
                + " \"usage\": {\"prompt_tokens\": 321, \"completion_tokens\": 42, \"total_tokens\": 363}}\n\n");
        return sse.append("data: [DONE]\n\n").toString();
    }

    public static String completion(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1700000000, \"model\": \"stub-model\","
                + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"" + escaped + "\"},"
                + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 321, \"completion_tokens\": 42, \"total_tokens\": 363}}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
