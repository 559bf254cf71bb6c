package com.northbridge.assistant.chat;

import static com.northbridge.assistant.TestUsers.customer;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.text.Language;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The chat turn end to end on the offline engine, against the real corpus in PostgreSQL. */
@QuarkusTest
class ChatApiTests {

    private static final String CUSTOMER = "c004";

    @Inject
    PromptLibrary prompts;

    @Inject
    KnowledgeIngestion ingestion;

    @BeforeEach
    void corpus() {
        ingestion.scan(Path.of("knowledge-docs")); // unchanged files cost a hash each
    }

    private static ValidatableResponse send(Map<String, Object> body) {
        return customer(CUSTOMER).contentType(ContentType.JSON).body(body).when().post("/api/chat").then();
    }

    @Test
    void answers_a_chinese_question_in_chinese_with_citations() {
        send(Map.of("message", "新加的收款人当天最多能转多少钱", "channel", "app")).statusCode(200)
                .body("language", equalTo("zh"))
                .body("answer", containsString("5,000"))
                .body("citations", not(hasSize(0)))
                .body("citations[0].citationId", notNullValue())
                .body("citations[0].documentTitle", notNullValue())
                .body("intent", equalTo("product_question"))
                .body("handedOff", equalTo(false))
                .body("model", equalTo(OfflineChatModel.MODEL_NAME));
    }

    @Test
    void answers_an_english_question_in_english_and_cites_only_given_passages() {
        send(Map.of("message", "how much does it cost to replace a lost debit card")).statusCode(200)
                .body("language", equalTo("en"))
                .body("answer", containsString("5 yuan"))
                .body("citations", not(hasSize(0)))
                .body("citations.sourcePath", everyItem(anyOf(containsString("card"), containsString("fee"))));
    }

    @Test
    void says_it_does_not_know_and_hands_over_after_repeated_failures() {
        String id = send(Map.of("message", "can I rent a safe deposit box at your branch")).statusCode(200)
                .body("answer", containsString("colleague"))
                .body("citations", hasSize(0))
                .body("handedOff", equalTo(false))
                .extract().path("conversationId");
        send(Map.of("conversationId", id, "message", "do you sell gold bars then")).statusCode(200)
                .body("handedOff", equalTo(true));
        customer(CUSTOMER).when().get("/api/conversations/" + id).then().statusCode(200).body("state", equalTo("handed_off"));
    }

    @Test
    void a_possible_scam_victim_hears_the_fixed_safety_advice_first_and_staff_get_a_case() {
        send(Map.of("message", "a man who says he is from your anti-fraud team wants the code that just came to my phone, should I give it?"))
                .statusCode(200)
                .body("answer", startsWith(prompts.get("fraud-guidance").in(Language.EN)))
                .body("answer", not(containsString("I don't know")))
                .body("riskLevel", equalTo("red"))
                .body("riskReasons", hasItem("fraud_report"));
    }

    @Test
    void a_change_of_mobile_number_is_answered_with_the_rule_that_follows_it() {
        send(Map.of("message", "need to update my mobile to 13698765432 and my email to new.me@mail.example"))
                .statusCode(200)
                .body("riskLevel", equalTo("red"))
                .body("answer", containsString("48"))
                .body("citations", not(hasSize(0)));
    }

    @Test
    void a_request_for_a_person_hands_the_conversation_over() {
        String id = send(Map.of("message", "转人工")).statusCode(200)
                .body("handedOff", equalTo(true))
                .body("answer", containsString("人工"))
                .extract().path("conversationId");
        customer(CUSTOMER).when().get("/api/conversations/" + id).then().statusCode(200).body("state", equalTo("handed_off"));
        // From now on a person answers: the assistant acknowledges, it does not answer over their head.
        send(Map.of("conversationId", id, "message", "新加的收款人当天最多能转多少钱")).statusCode(200)
                .body("answer", equalTo(prompts.get("with-colleague").in(Language.ZH)))
                .body("citations", hasSize(0))
                .body("handedOff", equalTo(true));
    }

    @Test
    void strong_anger_is_answered_calmly_and_handed_to_a_person() {
        String id = send(Map.of("message", "你们这什么垃圾服务，转账三天还没到账，气死我了！！！")).statusCode(200)
                .body("handedOff", equalTo(true))
                .body("riskLevel", equalTo("yellow"))
                .body("riskReasons", hasItem("negative_emotion"))
                .body("answer", containsString("人工"))
                .extract().path("conversationId");
        customer(CUSTOMER).when().get("/api/review/handoffs").then().statusCode(403);
        customer(CUSTOMER).when().get("/api/conversations/" + id).then().statusCode(200).body("state", equalTo("handed_off"));
    }

    @Test
    void a_follow_up_question_uses_the_earlier_turn() {
        String id = send(Map.of("message", "how much can I transfer per day in the app with the text message code")).statusCode(200)
                .extract().path("conversationId");
        send(Map.of("conversationId", id, "message", "and with the U-Key?")).statusCode(200)
                .body("answer", containsString("1,000,000"));
    }

    @Test
    void the_transcript_keeps_every_message_and_what_made_each_answer() {
        String id = send(Map.of("message", "are transfers in the app free", "channel", "web")).statusCode(200)
                .extract().path("conversationId");

        customer(CUSTOMER).when().get("/api/conversations/" + id).then().statusCode(200)
                .body("channel", equalTo("web"))
                .body("messages", hasSize(2))
                .body("messages[0].role", equalTo("customer"))
                .body("messages[0].content", equalTo("are transfers in the app free"))
                .body("messages[0].model", nullValue())
                .body("messages[1].role", equalTo("assistant"))
                .body("messages[1].model", equalTo(OfflineChatModel.MODEL_NAME))
                .body("messages[1].prompts", equalTo("system@1,answer-with-sources@1"))
                .body("messages[1].inputTokens", greaterThan(0))
                .body("messages[1].latencyMs", notNullValue())
                .body("messages[1].citations", not(hasSize(0)));
    }

    @Test
    void bad_input_is_refused_with_the_field_at_fault_and_nothing_stored() {
        send(Map.of("message", "   ")).statusCode(400).body("field", equalTo("message"));
        send(Map.of("message", "x".repeat(2001))).statusCode(400).body("field", equalTo("message"))
                .body("message", containsString("2000"));
        send(Map.of("message", "hello", "channel", "Carrier Pigeon!")).statusCode(400).body("field", equalTo("channel"));
        send(Map.of("message", "hello", "conversationId", "00000000-0000-0000-0000-000000000000")).statusCode(404)
                .body("error", equalTo("conversation_not_found"));
        customer(CUSTOMER).contentType(ContentType.JSON).body("{\"message\": ").when().post("/api/chat").then().statusCode(400)
                .body("error", equalTo("malformed_json"));
        customer(CUSTOMER).contentType(ContentType.JSON).body("{\"message\": \"hi\", \"conversationId\": \"not-a-uuid\"}").when()
                .post("/api/chat").then().statusCode(400);
        customer(CUSTOMER).when().get("/api/conversations/not-a-uuid").then().statusCode(400).body("field", equalTo("id"));
        customer(CUSTOMER).when().get("/api/conversations/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void the_stream_sends_the_answer_in_pieces_then_the_whole_reply() throws Exception {
        String body = customer(CUSTOMER).contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("message", "新加的收款人当天最多能转多少钱"))
                .when().post("/api/chat/stream").then().statusCode(200).extract().asString();

        StringBuilder streamed = new StringBuilder();
        com.fasterxml.jackson.databind.JsonNode reply = null;
        String event = null;
        int tokens = 0;
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                com.fasterxml.jackson.databind.JsonNode data = mapper.readTree(line.substring(5).strip());
                if ("token".equals(event)) {
                    streamed.append(data.get("text").asText());
                    tokens++;
                } else if ("final".equals(event)) {
                    reply = data;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(tokens).isGreaterThan(5);
        org.assertj.core.api.Assertions.assertThat(reply).isNotNull();
        org.assertj.core.api.Assertions.assertThat(streamed.toString()).isEqualTo(reply.get("answer").asText()).contains("5,000");
        org.assertj.core.api.Assertions.assertThat(reply.get("citations").size()).isPositive();
        org.assertj.core.api.Assertions.assertThat(reply.get("conversationId").asText()).isNotBlank();
    }

    @Test
    void the_stream_refuses_bad_input_with_a_json_error_before_it_starts() {
        customer(CUSTOMER).contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("message", ""))
                .when().post("/api/chat/stream").then().statusCode(400).body("field", equalTo("message"));
    }
}
