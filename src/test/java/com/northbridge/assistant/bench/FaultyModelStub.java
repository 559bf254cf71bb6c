package com.northbridge.assistant.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.northbridge.assistant.chat.StubOpenAiServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OpenAI-compatible model for the load-and-faults benchmark that fails the way hosted models fail: while
 * faults are switched on, a share of requests gets 429, a share 500, and a share is answered only after the
 * service's model time-out (bench.faults.rate-429, rate-500, rate-timeout; defaults 10 %, 10 %, 5 %). The rest
 * are answered after bench.faults.model-ms (default 200 ms), streamed when asked, like a model that can use the
 * tools: it asks for request_transfer when the customer asks for one of the benchmark's transfers ("Please
 * transfer 120 yuan to Li Lei", "请给李雷转账120元"), for lookup_balance on a balance question, and after a tool
 * result, or for anything else, answers in a sentence citing the first passage it was given.
 */
public class FaultyModelStub implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "stub-model";
    /** The service's model time-out in the benchmark profile; a slow answer comes this much later. */
    static final long SERVICE_TIMEOUT_MS = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUESTION = Pattern.compile("The customer asks: (.*)\\z", Pattern.DOTALL);
    private static final Pattern TRANSFER_EN = Pattern.compile("^Please transfer (\\d+) yuan to (.+)$");
    private static final Pattern TRANSFER_ZH = Pattern.compile("^请给(.+)转账(\\d+)元$");
    private static final Pattern BALANCE = Pattern.compile("balance|余额", Pattern.CASE_INSENSITIVE);
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean faulty;

    private static final double RATE_429 = Double.parseDouble(System.getProperty("bench.faults.rate-429", "0.10"));
    private static final double RATE_500 = Double.parseDouble(System.getProperty("bench.faults.rate-500", "0.10"));
    private static final double RATE_TIMEOUT = Double.parseDouble(System.getProperty("bench.faults.rate-timeout", "0.05"));
    private static final long DELAY_MS = Long.getLong("bench.faults.model-ms", 200);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    /** Faults on or off: the benchmark's baseline runs without them. */
    public static void faults(boolean on) {
        faulty = on;
    }

    /** Requests so far by outcome (answered, tool_call, 429, 500, timeout), and resets the counts. */
    public static Map<String, Long> takeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.forEach((k, v) -> counts.put(k, v.getAndSet(0)));
        return counts;
    }

    /** The fault rates and delays of a run, for the benchmark's results. */
    public record Settings(double rate429, double rate500, double rateTimeout, long modelMs, long serviceModelTimeoutMs) {
    }

    public static Settings settings() {
        return new Settings(RATE_429, RATE_500, RATE_TIMEOUT, DELAY_MS, SERVICE_TIMEOUT_MS);
    }

    @Override
    public Map<String, String> start() {
        // Any number of requests at once: the model never queues what the service sends in parallel.
        server = StubOpenAiServer.serve(this::handle, threads);
        return StubOpenAiServer.modelAt(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        boolean streaming = request.path("stream").asBoolean(false);
        double draw = ThreadLocalRandom.current().nextDouble();
        if (faulty && draw < RATE_429 + RATE_500) {
            int status = draw < RATE_429 ? 429 : 500;
            count(String.valueOf(status));
            StubOpenAiServer.send(exchange, status, "application/json", "{\"error\": {\"message\": \"injected " + status + "\", \"type\": \"bench\"}}");
            return;
        }
        boolean late = faulty && draw < RATE_429 + RATE_500 + RATE_TIMEOUT;
        pause(late ? SERVICE_TIMEOUT_MS + 1_000 : DELAY_MS); // the stub plays a model that takes this long
        ArrayNode messages = (ArrayNode) request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        String toolCall = "tool".equals(last.path("role").asText()) ? null : toolCallFor(last.path("content").asText(""));
        count(late ? "timeout" : toolCall != null ? "tool_call" : "answered");
        if (toolCall != null) {
            String name = toolCall.substring(0, toolCall.indexOf(' '));
            String arguments = toolCall.substring(toolCall.indexOf(' ') + 1);
            StubOpenAiServer.send(exchange, 200, streaming ? "text/event-stream" : "application/json",
                    streaming ? streamedToolCall(name, arguments) : StubOpenAiServer.Reply.toolCall(name, arguments).body());
            return;
        }
        String answer = "tool".equals(last.path("role").asText())
                ? "Done: what our systems returned is shown above, and a transfer only moves money after our staff approve it."
                : "You can find this in our documents. [" + StubOpenAiServer.firstSource(request.toString()) + "]";
        StubOpenAiServer.send(exchange, 200, streaming ? "text/event-stream" : "application/json",
                streaming ? StubOpenAiServer.streamOf(answer) : StubOpenAiServer.completion(answer));
    }

    /** "name {arguments}" when the customer's question is one of the benchmark's transfers or a balance question. */
    private static String toolCallFor(String userPrompt) {
        Matcher q = QUESTION.matcher(userPrompt);
        if (!q.find()) {
            return null;
        }
        String question = q.group(1).strip();
        Matcher en = TRANSFER_EN.matcher(question);
        Matcher zh = TRANSFER_ZH.matcher(question);
        ObjectNode args = JSON.createObjectNode();
        if (en.matches() || zh.matches()) {
            args.put("payeeName", en.matches() ? en.group(2) : zh.group(1));
            args.put("amount", Integer.parseInt(en.matches() ? en.group(1) : zh.group(2)));
            args.put("currency", "CNY");
            return "request_transfer " + args;
        }
        return BALANCE.matcher(question).find() ? "lookup_balance " + args : null;
    }

    /** A tool call as OpenAI streams it: the call's id and name, its arguments, then the finish reason. */
    private static String streamedToolCall(String name, String arguments) {
        ObjectNode first = chunk();
        ObjectNode call = ((ObjectNode) first.at("/choices/0/delta")).put("role", "assistant").putArray("tool_calls").addObject();
        call.put("index", 0).put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        ObjectNode second = chunk();
        ObjectNode more = ((ObjectNode) second.at("/choices/0/delta")).putArray("tool_calls").addObject();
        more.put("index", 0).putObject("function").put("arguments", arguments);
        ObjectNode end = chunk();
        ((ObjectNode) end.at("/choices/0")).put("finish_reason", "tool_calls");
        end.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 20).put("total_tokens", 320);
        return "data: " + first + "\n\ndata: " + second + "\n\ndata: " + end + "\n\ndata: [DONE]\n\n";
    }

    private static ObjectNode chunk() {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-b").put("object", "chat.completion.chunk").put("created", 1700000000)
                .put("model", MODEL);
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta");
        return chunk;
    }

    private static void count(String outcome) {
        COUNTS.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }
}
