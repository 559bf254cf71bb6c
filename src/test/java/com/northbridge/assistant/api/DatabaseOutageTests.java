package com.northbridge.assistant.api;

import static com.northbridge.assistant.TestUsers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.chat.StubOpenAiServer;
import com.northbridge.assistant.chat.StubOpenAiServer.Reply;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The chat while the database cannot be reached (its connections cut by {@link DatabaseProxy}): a clean 503
 * with Retry-After and a JSON error, never a 500 with a stack trace or a broken stream; nothing half-written;
 * and the next turn after the database is back is answered.
 */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTests {

    private static final String QUESTION = "are transfers in the app free";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    DataSource dataSource;

    private Instant started;

    /** A slow reply in an earlier test (on a busy machine) must not leave the model's circuit open for the next. */
    @BeforeEach
    void closedCircuit() {
        circuitBreakers.resetAll();
        started = Instant.now();
    }

    @AfterEach
    void databaseBack() {
        DatabaseProxy.restore();
    }

    @Test
    void a_turn_while_the_database_is_unreachable_gets_503_with_retry_after_and_nothing_is_stored() throws Exception {
        StubOpenAiServer.script(Reply.answer("Free. [{{first-source}}]"));
        DatabaseProxy.cut();

        Response refused = customer("c013").contentType(ContentType.JSON).body(Map.of("message", QUESTION)).when().post("/api/chat");

        refused.then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body("error", equalTo("unavailable"))
                .body("message", containsString("send it again"))
                .body(not(containsString("Exception")));
        DatabaseProxy.restore();
        assertThat(customerMessages("c013")).isEmpty();

        customer("c013").contentType(ContentType.JSON).body(Map.of("message", QUESTION)).when().post("/api/chat")
                .then().statusCode(200).body("model", equalTo("stub-model"));
        assertThat(customerMessages("c013")).containsExactly(QUESTION);
    }

    @Test
    void a_stream_while_the_database_is_unreachable_gets_503_before_it_opens() {
        DatabaseProxy.cut();

        customer("c014").contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("message", QUESTION))
                .when().post("/api/chat/stream")
                .then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body("error", equalTo("unavailable"));
    }

    @Test
    void a_database_lost_while_the_model_answers_fails_the_turn_cleanly_and_keeps_the_customer_message() throws Exception {
        StubOpenAiServer.script(Reply.slow("Free. [{{first-source}}]", 1_000));

        CompletableFuture<Response> turn = CompletableFuture.supplyAsync(() ->
                customer("c015").contentType(ContentType.JSON).body(Map.of("message", QUESTION)).when().post("/api/chat"));
        assertThat(StubOpenAiServer.awaitRequest(Duration.ofSeconds(30))).as("the turn reached the model").isTrue();
        DatabaseProxy.cut();

        turn.get(30, TimeUnit.SECONDS).then().statusCode(503).body("error", equalTo("unavailable"));
        DatabaseProxy.restore();
        // The message was stored before the model was called, and stays; no answer, tool call or case was half-written.
        assertThat(customerMessages("c015")).containsExactly(QUESTION);
        assertThat(count("SELECT count(*) FROM chat_message m JOIN conversation c ON c.id = m.conversation_id"
                + " WHERE c.customer_id = 'c015' AND m.role = 'assistant' AND m.created_at >= ?")).isZero();
        assertThat(count("SELECT count(*) FROM review_case WHERE customer_id = 'c015' AND created_at >= ?")).isZero();
    }

    @Test
    void a_database_lost_during_a_stream_ends_it_with_an_error_event_instead_of_a_final_reply() throws Exception {
        StubOpenAiServer.script(Reply.slow("Free. [{{first-source}}]", 1_000));

        CompletableFuture<Response> turn = CompletableFuture.supplyAsync(() ->
                customer("c016").contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("message", QUESTION))
                        .when().post("/api/chat/stream"));
        assertThat(StubOpenAiServer.awaitRequest(Duration.ofSeconds(30))).isTrue();
        DatabaseProxy.cut();

        Response streamed = turn.get(30, TimeUnit.SECONDS);
        assertThat(streamed.statusCode()).isEqualTo(200); // the stream had opened before the database went
        Map<String, JsonNode> events = events(streamed.asString());
        assertThat(events).containsKeys("token", "error").doesNotContainKey("final");
        assertThat(events.get("error").get("status").asInt()).isEqualTo(503);
        assertThat(events.get("error").get("error").asText()).isEqualTo("unavailable");
    }

    /** The last data of each event name in a stream. */
    private static Map<String, JsonNode> events(String body) throws Exception {
        Map<String, JsonNode> events = new java.util.HashMap<>();
        String event = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.put(event, JSON.readTree(line.substring(5).strip()));
            }
        }
        return events;
    }

    /** What the customer sent since the test started, oldest first. */
    private List<String> customerMessages(String customerId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT m.content FROM chat_message m JOIN conversation c ON c.id = m.conversation_id"
                     + " WHERE c.customer_id = ? AND m.role = 'customer' AND m.created_at >= ? ORDER BY m.created_at")) {
            ps.setString(1, customerId);
            ps.setTimestamp(2, Timestamp.from(started));
            List<String> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(rs.getString(1));
                }
            }
            return messages;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(started));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
