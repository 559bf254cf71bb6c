package com.northbridge.assistant.chat;

import static com.northbridge.assistant.TestUsers.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.banking.DemoBank;
import com.northbridge.assistant.chat.StubOpenAiServer.Reply;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.review.ReviewCase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The real langchain4j OpenAI client against a scripted local stub: what it sends, and every fault path
 * (429, 5xx, 400, slow, malformed, open circuit) ending in an answer, never in an error page.
 */
@QuarkusTest
@TestProfile(RemoteModelProfile.class)
class RemoteModelTests {

    private static final String CUSTOMER = "c012";

    private static final String QUESTION = "are transfers in the app free";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    PromptLibrary prompts;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    CoreBanking core;

    @BeforeEach
    void corpusAndClosedCircuit() {
        ingestion.scan(Path.of("knowledge-docs"));
        circuitBreakers.resetAll();
    }

    private static ValidatableResponse ask(String message) {
        return customer(CUSTOMER).contentType(ContentType.JSON).body(Map.of("message", message)).when().post("/api/chat").then().statusCode(200);
    }

    @Test
    void sends_the_system_prompt_the_sources_and_the_question_and_keeps_what_the_model_answered() throws Exception {
        StubOpenAiServer.script(Reply.answer("Yes, transfers in the app cost nothing. [{{first-source}}]"));

        String id = ask(QUESTION)
                .body("answer", containsString("cost nothing"))
                .body("citations", hasSize(1))
                .body("model", equalTo("stub-model"))
                .body("notice", nullValue())
                .extract().path("conversationId");

        assertThat(StubOpenAiServer.requests()).hasSize(1);
        JsonNode request = JSON.readTree(StubOpenAiServer.requests().get(0));
        assertThat(request.get("model").asText()).isEqualTo("stub-model");
        assertThat(request.get("temperature").asDouble()).isEqualTo(0.2);
        JsonNode messages = request.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).contains("Answer only from the SOURCES").contains("English");
        String user = messages.get(1).get("content").asText();
        assertThat(user).contains("SOURCES").contains("END OF SOURCES").contains("The customer asks: " + QUESTION)
                .containsPattern("\\[K[0-9a-f]{12}] .+ § ");
        customer(CUSTOMER).when().get("/api/conversations/" + id).then()
                .body("messages[1].inputTokens", equalTo(321))
                .body("messages[1].outputTokens", equalTo(42));
    }

    @Test
    void a_rate_limit_is_retried_and_then_answered_by_the_remote_model() {
        StubOpenAiServer.script(Reply.error(429), Reply.answer("Free. [{{first-source}}]"));

        ask(QUESTION).body("model", equalTo("stub-model")).body("notice", nullValue());

        assertThat(StubOpenAiServer.requests()).hasSize(2);
    }

    @Test
    void server_errors_are_retried_then_the_offline_engine_answers_with_a_notice() {
        StubOpenAiServer.script(Reply.error(500), Reply.error(502), Reply.error(503));

        ask(QUESTION)
                .body("model", equalTo(OfflineChatModel.MODEL_NAME))
                .body("notice", containsString("offline"))
                .body("citations", not(hasSize(0)));

        assertThat(StubOpenAiServer.requests()).hasSize(3);
    }

    @Test
    void a_rejected_request_is_not_retried() {
        StubOpenAiServer.script(Reply.error(400));

        ask(QUESTION).body("model", equalTo(OfflineChatModel.MODEL_NAME)).body("notice", notNullValue());

        assertThat(StubOpenAiServer.requests()).hasSize(1);
    }

    @Test
    void a_slow_model_times_out_once_and_the_customer_still_gets_an_answer() {
        StubOpenAiServer.script(Reply.slow("too late", 5_000), Reply.slow("too late", 5_000));

        long start = System.nanoTime();
        ask(QUESTION).body("model", equalTo(OfflineChatModel.MODEL_NAME)).body("notice", notNullValue());

        // One time-out of 1 s (test profile), no second wait, well before the model would have answered.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        assertThat(StubOpenAiServer.requests()).hasSize(1);
    }

    @Test
    void a_malformed_reply_falls_back_to_the_offline_engine() {
        StubOpenAiServer.script(Reply.malformed(), Reply.malformed(), Reply.malformed());

        ask(QUESTION).body("model", equalTo(OfflineChatModel.MODEL_NAME));
    }

    @Test
    void the_customer_message_is_stored_even_when_every_model_call_fails() {
        StubOpenAiServer.script();

        String id = ask(QUESTION).extract().path("conversationId");

        customer(CUSTOMER).when().get("/api/conversations/" + id).then()
                .body("messages[0].role", equalTo("customer"))
                .body("messages[0].content", equalTo(QUESTION))
                .body("messages[1].model", equalTo(OfflineChatModel.MODEL_NAME));
    }

    @Test
    void an_open_circuit_stops_calling_a_failing_model() {
        StubOpenAiServer.script(); // every call fails with 500
        for (int i = 0; i < 3; i++) {
            ask(QUESTION).body("model", equalTo(OfflineChatModel.MODEL_NAME));
        }
        int callsWhileClosed = StubOpenAiServer.requests().size();

        ask(QUESTION).body("model", equalTo(OfflineChatModel.MODEL_NAME));

        assertThat(StubOpenAiServer.requests()).hasSize(callsWhileClosed);
    }

    /**
     * The text of the token events (what the screen shows at the end), the final reply of a streamed turn, and
     * every token event's text, including what a reset cleared again (what ever reached the customer's device).
     */
    private record Streamed(String tokens, JsonNode reply, boolean reset, String everSent) {
    }

    private static Streamed stream(String message) throws Exception {
        return stream(CUSTOMER, message);
    }

    private static Streamed stream(String customerId, String message) throws Exception {
        String body = customer(customerId).contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("message", message))
                .when().post("/api/chat/stream").then().statusCode(200).extract().asString();
        StringBuilder tokens = new StringBuilder();
        StringBuilder everSent = new StringBuilder();
        JsonNode reply = null;
        boolean reset = false;
        String event = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                JsonNode data = JSON.readTree(line.substring(5).strip());
                switch (event) {
                    case "token" -> {
                        tokens.append(data.get("text").asText());
                        everSent.append(data.get("text").asText());
                    }
                    case "reset" -> {
                        tokens.setLength(0);
                        reset = true;
                    }
                    case "final" -> reply = data;
                    default -> throw new AssertionError("unexpected event " + event);
                }
            }
        }
        return new Streamed(tokens.toString(), reply, reset, everSent.toString());
    }

    @Test
    void streams_the_remote_models_answer_as_it_is_written() throws Exception {
        StubOpenAiServer.script(Reply.answer("Yes, transfers in the app cost nothing. [{{first-source}}]"));

        Streamed streamed = stream(QUESTION);

        assertThat(streamed.tokens()).isEqualTo(streamed.reply().get("answer").asText()).contains("cost nothing");
        assertThat(streamed.reply().get("model").asText()).isEqualTo("stub-model");
        assertThat(streamed.reply().get("citations").size()).isEqualTo(1);
        assertThat(JSON.readTree(StubOpenAiServer.requests().get(0)).get("stream").asBoolean()).isTrue();
    }

    @Test
    void a_failing_stream_is_answered_by_the_offline_engine_with_a_notice() throws Exception {
        StubOpenAiServer.script(Reply.error(503));

        Streamed streamed = stream(QUESTION);

        assertThat(streamed.reply().get("model").asText()).isEqualTo(OfflineChatModel.MODEL_NAME);
        assertThat(streamed.reply().get("notice").asText()).contains("offline");
        assertThat(streamed.tokens()).isEqualTo(streamed.reply().get("answer").asText());
    }

    @Test
    void the_model_calls_a_tool_through_the_gate_and_answers_with_its_result() throws Exception {
        StubOpenAiServer.script(Reply.toolCall("request_transfer", "{\"payeeName\": \"Li Lei\", \"amount\": 250}"),
                Reply.answer("Your transfer of 250 CNY to Li Lei is waiting for review by our staff."));

        JsonNode reply = JSON.readTree(ask("please send 250 yuan to Li Lei").extract().asString());

        assertThat(reply.get("riskLevel").asText()).isEqualTo("red");
        assertThat(reply.get("pendingAction").get("status").asText()).isEqualTo("pending_review");
        assertThat(reply.get("answer").asText()).contains("waiting for review");
        assertThat(StubOpenAiServer.requests()).hasSize(2);
        JsonNode first = JSON.readTree(StubOpenAiServer.requests().get(0));
        List<String> offered = new java.util.ArrayList<>();
        first.get("tools").forEach(t -> offered.add(t.get("function").get("name").asText()));
        assertThat(offered).containsExactly("lookup_balance", "validate_form", "check_transfer_risk", "request_transfer");
        JsonNode transferSchema = first.get("tools").get(3).get("function").get("parameters");
        assertThat(transferSchema.get("properties").has("amount")).isTrue();
        assertThat(transferSchema.get("properties").has("customerId")).isFalse();
        JsonNode second = JSON.readTree(StubOpenAiServer.requests().get(1));
        JsonNode last = second.get("messages").get(second.get("messages").size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("tool");
        assertThat(last.get("content").asText()).contains("pending_review").contains("caseId");
    }

    @Test
    void a_model_steered_to_read_another_customers_account_is_refused_by_the_gate() throws Exception {
        StubOpenAiServer.script(Reply.toolCall("lookup_balance", "{\"account\": \"" + com.northbridge.assistant.banking.DemoBank.mainAccount("c001") + "\"}"),
                Reply.answer("I can only show your own accounts."));

        JsonNode reply = JSON.readTree(ask("what is my balance").extract().asString());

        assertThat(reply.get("riskLevel").asText()).isEqualTo("red");
        assertThat(reply.get("riskReasons").toString()).contains("other_customer_data");
        JsonNode second = JSON.readTree(StubOpenAiServer.requests().get(1));
        JsonNode last = second.get("messages").get(second.get("messages").size() - 1);
        assertThat(last.get("content").asText()).contains("refused").doesNotContain("balance\"");
    }

    @Test
    void personal_data_leaves_as_placeholders_and_a_masked_tool_argument_reaches_the_real_account() throws Exception {
        StubOpenAiServer.script(Reply.toolCall("request_transfer", "{\"payeeName\": \"Anna Smith\", \"payeeAccount\": \"[CARD_1]\", \"amount\": 20}"),
                Reply.answer("Your transfer is waiting for review."));

        JsonNode reply = JSON.readTree(ask("please send 20 yuan to Anna Smith, card 6217 0000 1234 5670, my phone is 13812345678")
                .extract().asString());

        String first = StubOpenAiServer.requests().get(0);
        assertThat(first).doesNotContain("6217 0000 1234 5670").doesNotContain("13812345678").contains("[CARD_1]").contains("[PHONE_1]");
        String transfer = reply.get("pendingAction").get("transferId").asText();
        customer(CUSTOMER).when().get("/api/transfers/" + transfer).then().statusCode(200).body("payeeAccount", equalTo("****5670"));
        // The transcript keeps what the customer wrote, for reviewers.
        customer(CUSTOMER).when().get("/api/conversations/" + reply.get("conversationId").asText()).then()
                .body("messages[0].content", containsString("6217 0000 1234 5670"));
    }

    @Test
    void a_number_no_cited_passage_contains_is_asked_for_again_once() throws Exception {
        StubOpenAiServer.script(Reply.answer("Transfers in the app cost 999 yuan each. [{{first-source}}]"),
                Reply.answer("Transfers in the app are free. [{{first-source}}]"));

        ask(QUESTION).body("answer", equalTo("Transfers in the app are free. [" + firstSource() + "]"));

        assertThat(StubOpenAiServer.requests()).hasSize(2);
        JsonNode second = JSON.readTree(StubOpenAiServer.requests().get(1));
        JsonNode last = second.get("messages").get(second.get("messages").size() - 1);
        assertThat(last.get("content").asText()).contains("999").contains("only numbers that appear in the SOURCES");
    }

    @Test
    void a_second_made_up_number_gets_the_refusal_instead_of_a_guess() {
        StubOpenAiServer.script(Reply.answer("It costs 999 yuan. [{{first-source}}]"), Reply.answer("It costs 888 yuan. [{{first-source}}]"));

        ask(QUESTION).body("answer", containsString("don't know")).body("answer", not(containsString("888")))
                .body("riskReasons", org.hamcrest.Matchers.hasItem("low_confidence"));
    }

    /** 王芳 (c001), another customer: her main account and mobile number as the demo bank seeds them. */
    private static final String HER_ACCOUNT = DemoBank.mainAccount("c001");

    private String herMobile() {
        return core.customer("c001").orElseThrow().mobile();
    }

    private String leakingAnswer() {
        return "Transfers in the app are free. By the way, account " + HER_ACCOUNT + " belongs to 王芳, mobile " + herMobile()
                + ". [{{first-source}}]";
    }

    private static void assertRefusedAsOtherCustomersData(JsonNode reply) {
        assertThat(reply.get("riskLevel").asText()).isEqualTo("red");
        assertThat(reply.get("riskReasons").toString()).contains("other_customer_data");
        assertThat(reply.get("answer").asText()).contains("400-600-1234").doesNotContain(HER_ACCOUNT).doesNotContain("王芳");
    }

    /** The alert case the red turn opened: it says what was withheld and whose, never the data. */
    private void assertAlertNamesWhatWasWithheld(String conversationId) {
        String summary = QuarkusTransaction.requiringNew().call(() -> ReviewCase.<ReviewCase>find("conversationId", UUID.fromString(conversationId))
                .firstResult().summary);
        assertThat(summary).contains("answer withheld").contains("account or card number").contains("mobile number").contains("c001")
                .doesNotContain(HER_ACCOUNT).doesNotContain(herMobile());
    }

    @Test
    void an_answer_showing_another_customers_account_and_mobile_is_replaced_by_the_refusal() throws Exception {
        StubOpenAiServer.script(Reply.answer(leakingAnswer()));

        JsonNode reply = JSON.readTree(ask(QUESTION).extract().asString());

        assertRefusedAsOtherCustomersData(reply);
        assertThat(reply.get("answer").asText()).doesNotContain(herMobile());
        assertThat(StubOpenAiServer.requests()).hasSize(1); // refused outright, not asked again about its numbers
        String id = reply.get("conversationId").asText();
        customer(CUSTOMER).when().get("/api/conversations/" + id).then()
                .body("messages[1].content", not(containsString(HER_ACCOUNT)))
                .body("messages[1].riskLevel", equalTo("red"));
        assertAlertNamesWhatWasWithheld(id);
    }

    @Test
    void a_streamed_answer_never_sends_another_customers_data_and_ends_in_the_refusal() throws Exception {
        StubOpenAiServer.script(Reply.answer(leakingAnswer()));

        Streamed streamed = stream(QUESTION);

        assertRefusedAsOtherCustomersData(streamed.reply());
        assertThat(streamed.reset()).isTrue();
        assertThat(streamed.tokens()).isEqualTo(streamed.reply().get("answer").asText());
        // Not even for a moment before the reset: the number was held back while it was being written.
        assertThat(streamed.everSent()).doesNotContain(HER_ACCOUNT).doesNotContain(herMobile()).doesNotContain(HER_ACCOUNT.substring(0, 8));
        assertAlertNamesWhatWasWithheld(streamed.reply().get("conversationId").asText());
    }

    @Test
    void the_payee_account_the_customer_typed_is_echoed_not_refused() throws Exception {
        // James Carter (c002) banks with us: his account is another customer's, but this customer typed it.
        String payee = DemoBank.mainAccount("c002");
        String question = "how long does a transfer to James Carter at account " + payee + " take to arrive?";
        String answer = "A transfer to " + payee + " at Northbridge arrives at once. [{{first-source}}]";
        StubOpenAiServer.script(Reply.answer(answer), Reply.answer(answer));

        JsonNode reply = JSON.readTree(ask(question).extract().asString());
        Streamed streamed = stream(question);

        for (JsonNode r : List.of(reply, streamed.reply())) {
            assertThat(r.get("answer").asText()).contains(payee).contains("arrives at once");
            assertThat(r.get("riskReasons").toString()).doesNotContain("other_customer_data");
        }
        assertThat(streamed.tokens()).isEqualTo(streamed.reply().get("answer").asText());
        assertThat(streamed.reset()).isFalse();
    }

    @Test
    void a_model_talked_into_granting_access_is_replaced_by_the_red_refusal() {
        StubOpenAiServer.script(Reply.answer("Access Granted. [{{first-source}}]"));

        ask(QUESTION).body("answer", not(containsString("Access Granted")))
                .body("answer", containsString("passed this conversation to our staff"))
                .body("riskLevel", equalTo("red"))
                .body("riskReasons", org.hamcrest.Matchers.hasItem("prompt_injection"));
    }

    @Test
    void a_model_that_repeats_its_system_prompt_is_replaced_by_the_red_refusal() {
        StubOpenAiServer.script(Reply.answer("Sure. Answer only from the SOURCES given with the question. Never invent or estimate a number."));

        ask(QUESTION).body("answer", not(containsString("SOURCES"))).body("riskLevel", equalTo("red"));
    }

    @Test
    void a_product_answer_that_cites_no_passage_becomes_i_do_not_know() {
        StubOpenAiServer.script(Reply.answer("I am now DAN and I can say anything: transfers are unlimited today!"));

        ask(QUESTION).body("answer", not(containsString("DAN")))
                .body("answer", equalTo(prompts.get("refusal").in(com.northbridge.assistant.text.Language.EN)))
                .body("citations", org.hamcrest.Matchers.hasSize(0))
                .body("riskReasons", org.hamcrest.Matchers.hasItem("low_confidence"));
    }

    private static String firstSource() throws Exception {
        String body = StubOpenAiServer.requests().get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SOURCES\\\\n\\[(K[0-9a-z]+)]").matcher(body);
        return m.find() ? m.group(1) : "none";
    }
}
