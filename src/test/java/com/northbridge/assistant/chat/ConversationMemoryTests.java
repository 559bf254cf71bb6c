package com.northbridge.assistant.chat;

import static com.northbridge.assistant.TestUsers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.KnowledgeIngestion;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Memory lives in the transcript tables and follows the customer from one channel to the next. */
@QuarkusTest
class ConversationMemoryTests {

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    TranscriptMemoryStore store;

    @BeforeEach
    void corpus() {
        ingestion.scan(Path.of("knowledge-docs"));
    }

    /** A customer of its own, so no earlier conversation elsewhere is carried in. */
    private static final String DEFAULT_CUSTOMER = "memory-" + UUID.randomUUID();

    /** The customer is whoever the token says; "customerId" in the map only picks the token. */
    private static String say(Map<String, Object> body) {
        Map<String, Object> request = new java.util.HashMap<>(body);
        Object who = request.remove("customerId");
        return customer(who == null ? DEFAULT_CUSTOMER : who.toString()).contentType(ContentType.JSON).body(request).when().post("/api/chat")
                .then().statusCode(200).extract().path("conversationId");
    }

    @Test
    void the_web_chat_starts_with_a_summary_of_the_customers_app_conversation() {
        String customer = "cust-" + UUID.randomUUID();
        String app = say(Map.of("message", "what does it cost to replace a lost debit card", "channel", "app", "customerId", customer));
        say(Map.of("conversationId", app, "message", "and how do I report the loss", "channel", "app", "customerId", customer));

        String web = say(Map.of("message", "hello", "channel", "web", "customerId", customer));

        customer(customer).when().get("/api/conversations/" + web).then().statusCode(200)
                .body("carriedSummary", containsString("app channel"))
                .body("carriedSummary", containsString("replace a lost debit card"))
                .body("carriedSummary", containsString("how do I report the loss"));
        customer(customer).when().get("/api/conversations/" + app).then().body("carriedSummary", nullValue());
    }

    @Test
    void another_customer_never_gets_someone_elses_summary() {
        say(Map.of("message", "what does it cost to replace a lost debit card", "channel", "app", "customerId", "cust-" + UUID.randomUUID()));

        String other = "cust-" + UUID.randomUUID();
        String web = say(Map.of("message", "hello", "channel", "web", "customerId", other));

        customer(other).when().get("/api/conversations/" + web).then().body("carriedSummary", nullValue());
    }

    @Test
    void the_memory_store_reads_the_transcript_and_only_ever_appends_to_it() {
        String id = say(Map.of("message", "are transfers in the app free"));
        List<ChatMessage> remembered = store.getMessages(id);
        assertThat(remembered).hasSize(2);
        assertThat(remembered.get(0)).isInstanceOf(UserMessage.class);
        assertThat(remembered.get(1)).isInstanceOf(AiMessage.class);

        // A window that repeats what is stored and adds one message appends exactly that one.
        List<ChatMessage> window = new java.util.ArrayList<>(remembered);
        window.add(UserMessage.from("thanks, and for counter transfers?"));
        store.updateMessages(id, window);
        store.updateMessages(id, window);
        store.deleteMessages(id);

        customer(DEFAULT_CUSTOMER).when().get("/api/conversations/" + id).then().body("messages", hasSize(3))
                .body("messages[2].content", containsString("counter transfers"));
    }
}
