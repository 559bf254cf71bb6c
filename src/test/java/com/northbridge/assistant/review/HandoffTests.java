package com.northbridge.assistant.review;

import static com.northbridge.assistant.TestUsers.customer;
import static com.northbridge.assistant.TestUsers.engineer;
import static com.northbridge.assistant.TestUsers.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.audit.AuditChain;
import com.northbridge.assistant.security.DemoTokens;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The human-agent queue: a customer who asks for a person is answered by a named member of staff, in person and
 * without any model; the reply reaches the customer's transcript; closing the hand-over takes the conversation
 * out of the queue; every step is audited with the staff member's id, and every bad request is a clear 4xx.
 */
@QuarkusTest
class HandoffTests {

    private static JsonPath say(String customerId, String message, String conversationId) {
        Map<String, Object> body = conversationId == null ? Map.of("message", message) : Map.of("message", message, "conversationId", conversationId);
        return customer(customerId).contentType(ContentType.JSON).body(body).when().post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    /** A conversation the customer has handed to a person. */
    private static String handedOff(String customerId) {
        JsonPath first = say(customerId, "What is the daily limit for a new payee?", null);
        JsonPath reply = say(customerId, "I want a human", first.getString("conversationId"));
        assertThat(reply.getBoolean("handedOff")).isTrue();
        return reply.getString("conversationId");
    }

    /** A staff member signed in as the demo sign-in does it, so the token carries their real name. */
    private static RequestSpecification staff(String id) {
        return given().auth().oauth2(Arc.container().instance(DemoTokens.class).get().mint(id).orElseThrow().token());
    }

    private static RequestSpecification replyAs(RequestSpecification who, Object body) {
        return who.contentType(ContentType.JSON).body(body);
    }

    @Test
    void a_member_of_staff_answers_a_handed_off_customer_by_name_and_closes_the_hand_over() {
        String conversation = handedOff("c009");
        reviewer("r001").when().get("/api/review/handoffs").then().statusCode(200)
                .body("conversationId", hasItem(conversation)).body("find { it.conversationId == '" + conversation + "' }.customerId", equalTo("c009"));
        reviewer("r001").when().get("/api/review/handoffs/" + conversation).then().statusCode(200)
                .body("handoff.state", equalTo("handed_off"))
                .body("transcript.messages.content", hasItem("I want a human"));

        String text = "Hello, this is Zhou Min from Northbridge Bank. I can explain the limits for new payees.";
        JsonPath stored = replyAs(staff("r001"), Map.of("message", "  " + text + "\n")).when().post("/api/review/handoffs/" + conversation + "/reply")
                .then().statusCode(201).extract().jsonPath();
        assertThat(stored.getString("role")).isEqualTo("agent");
        assertThat(stored.getString("content")).isEqualTo(text);
        assertThat(stored.getString("author")).isEqualTo("周敏"); // r001's name in the demo bank
        assertThat(stored.getString("authorId")).isEqualTo("r001");
        assertThat(stored.getString("model")).isNull(); // written by a person: no model, no prompts
        assertThat(stored.getString("prompts")).isNull();

        // The customer reads it in their own transcript, under the staff member's name (not their staff id).
        JsonPath transcript = customer("c009").when().get("/api/conversations/" + conversation).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> messages = transcript.getList("messages");
        Map<String, Object> last = messages.get(messages.size() - 1);
        assertThat(last).containsEntry("role", "agent").containsEntry("content", text).containsEntry("author", "周敏");
        assertThat(last.get("authorId")).isNull();

        // Closing: the conversation leaves the queue, and the trail names who replied and who closed it.
        JsonPath closed = reviewer("r003").contentType(ContentType.JSON).body(Map.of("note", "Limits explained.")).when()
                .post("/api/review/handoffs/" + conversation + "/close").then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("handoff.state")).isEqualTo("closed");
        List<Map<String, Object>> audit = closed.getList("audit");
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("action", "conversation.agent_replied").containsEntry("actor", "r001")
                .satisfies(x -> assertThat((String) x.get("detail")).contains(stored.getString("id")).contains(AuditChain.sha256(text))));
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("action", "conversation.handoff_closed").containsEntry("actor", "r003")
                .satisfies(x -> assertThat((String) x.get("detail")).contains("Limits explained.")));
        assertThat(audit).anySatisfy(e -> assertThat(e).containsEntry("action", "conversation.viewed").containsEntry("actor", "r001"));
        reviewer("r001").when().get("/api/review/handoffs").then().statusCode(200).body("conversationId", not(hasItem(conversation)));
        customer("c009").when().get("/api/conversations/" + conversation).then().body("state", equalTo("closed"));

        // A closed hand-over takes no more replies, and is not closed twice.
        replyAs(reviewer("r001"), Map.of("message", "One more thing")).when().post("/api/review/handoffs/" + conversation + "/reply").then()
                .statusCode(409).body("error", equalTo("handoff_closed"));
        reviewer("r001").contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/review/handoffs/" + conversation + "/close").then().statusCode(409).body("error", equalTo("handoff_closed"));

        // Asking for a person again puts the conversation back in the queue.
        say("c009", "I want to talk to a person again", conversation);
        reviewer("r001").when().get("/api/review/handoffs").then().body("conversationId", hasItem(conversation));
    }

    @Test
    void bad_replies_get_a_clear_4xx_with_the_field_and_store_nothing() {
        String conversation = handedOff("c010");
        String reply = "/api/review/handoffs/" + conversation + "/reply";
        List<Object> bodies = List.of(Map.of(), Map.of("message", ""), Map.of("message", "   \n "), Map.of("message", "x".repeat(2001)),
                Map.of("message", "hello\u0000there"), "{\"message\": 42}", "{\"message\": [\"a\"]}", "{\"message\": \"broken \\ud83d\"}");
        for (Object body : bodies) {
            var response = replyAs(reviewer("r001"), body).when().post(reply);
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(response.jsonPath().getString("field")).as(body.toString()).isEqualTo("message");
            assertThat(response.jsonPath().getString("message")).as(body.toString()).isNotBlank();
        }
        reviewer("r001").contentType(ContentType.JSON).body("{").when().post(reply).then().statusCode(400).body("error", equalTo("malformed_json"));
        reviewer("r001").contentType("text/plain").body("hello").when().post(reply).then().statusCode(415);
        replyAs(reviewer("r001"), Map.of("message", "x".repeat(2000))).when().post(reply).then().statusCode(201); // the limit itself is fine
        customer("c010").when().get("/api/conversations/" + conversation).then()
                .body("messages.findAll { it.role == 'agent' }.size()", equalTo(1));

        replyAs(reviewer("r001"), Map.of("message", "hi")).when().post("/api/review/handoffs/not-a-uuid/reply").then().statusCode(400)
                .body("field", equalTo("id"));
        replyAs(reviewer("r001"), Map.of("message", "hi")).when().post("/api/review/handoffs/" + UUID.randomUUID() + "/reply").then().statusCode(404)
                .body("error", equalTo("conversation_not_found"));
        reviewer("r001").when().get("/api/review/handoffs/" + UUID.randomUUID()).then().statusCode(404);
        reviewer("r001").contentType(ContentType.JSON).body(Map.of("note", "n".repeat(2001))).when()
                .post("/api/review/handoffs/" + conversation + "/close").then().statusCode(400).body("field", equalTo("note"));

        // A conversation the assistant is still answering is not staff's to answer or close here.
        String active = say("c010", "What is the daily limit for a new payee?", null).getString("conversationId");
        replyAs(reviewer("r001"), Map.of("message", "hi")).when().post("/api/review/handoffs/" + active + "/reply").then().statusCode(409)
                .body("error", equalTo("not_handed_off")).body("message", org.hamcrest.Matchers.containsString("not handed"));
        reviewer("r001").contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/review/handoffs/" + active + "/close").then().statusCode(409).body("error", equalTo("not_handed_off"));
        reviewer("r001").when().get("/api/review/handoffs/" + active).then().statusCode(409);
        customer("c010").when().get("/api/conversations/" + active).then().body("messages.role", not(hasItem("agent")));
    }

    @Test
    void only_staff_who_are_not_the_customer_answer_a_hand_over() {
        String conversation = handedOff("c003"); // r002 is a reviewer who banks with us as c003
        String reply = "/api/review/handoffs/" + conversation + "/reply";
        replyAs(reviewer("r002", "c003"), Map.of("message", "Answering myself")).when().post(reply).then().statusCode(403)
                .body("error", equalTo("four_eyes"));
        reviewer("r002", "c003").contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/review/handoffs/" + conversation + "/close").then().statusCode(403);
        replyAs(customer("c003"), Map.of("message", "I am staff now")).when().post(reply).then().statusCode(403);
        replyAs(engineer(), Map.of("message", "hi")).when().post(reply).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post(reply).then().statusCode(401);
        customer("c003").when().get("/api/conversations/" + conversation).then().body("messages.role", not(hasItem("agent")));
        replyAs(reviewer("r001"), Map.of("message", "A colleague answers.")).when().post(reply).then().statusCode(201)
                .body("authorId", equalTo("r001")).body("seq", not(nullValue()));
    }

    @Test
    void staff_replies_and_customer_turns_at_the_same_moment_each_get_their_own_place() throws Exception {
        String conversation = handedOff("c011");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                Callable<Integer> call = n % 2 == 0
                        ? () -> replyAs(reviewer(n % 4 == 0 ? "r001" : "r003"), Map.of("message", "Staff reply " + n)).when()
                                .post("/api/review/handoffs/" + conversation + "/reply").then().extract().statusCode()
                        : () -> customer("c011").contentType(ContentType.JSON).body(Map.of("message", "Are you there? " + n, "conversationId", conversation))
                                .when().post("/api/chat").then().extract().statusCode();
                results.add(pool.submit(call));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 200, 201, 200, 201, 200);
        } finally {
            pool.shutdown();
        }
        List<Integer> seqs = customer("c011").when().get("/api/conversations/" + conversation).then().extract().jsonPath().getList("messages.seq",
                Integer.class);
        assertThat(seqs).doesNotHaveDuplicates().hasSize(4 + 3 + 3 * 2); // two turns, three replies, three more turns with their answers
    }
}
