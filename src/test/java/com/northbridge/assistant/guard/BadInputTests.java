package com.northbridge.assistant.guard;

import static com.northbridge.assistant.TestUsers.customer;
import static com.northbridge.assistant.TestUsers.engineer;
import static com.northbridge.assistant.TestUsers.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every kind of bad input at every endpoint: a 4xx with a message a person understands and the field at
 * fault, never a 500, and nothing stored half-way.
 */
@QuarkusTest
class BadInputTests {

    @Inject
    DataSource dataSource;

    private long messages() throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM chat_message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void bad_chat_bodies_get_a_clear_400_and_store_nothing() throws Exception {
        long before = messages();
        List<Object> bodies = List.of("{", "[]", "\"just a string\"", "{\"message\": 42}", "{\"message\": [\"a\"]}", "{\"message\": null}",
                "{\"message\": \"   \"}", "{\"message\": \"" + "x".repeat(2001) + "\"}", "{\"message\": \"hi\\u0000there\"}",
                "{\"message\": \"bell\\u0007\"}", "{\"message\": \"broken \\ud83d\"}", "{\"message\": \"hi\", \"conversationId\": \"nope\"}",
                "{\"message\": \"hi\", \"channel\": \"NOT A CHANNEL!\"}", "{\"message\": \"hi\", \"conversationId\": 7}");
        for (Object body : bodies) {
            var response = customer("c015").contentType(ContentType.JSON).body(body).when().post("/api/chat");
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).as(body.toString()).contains("json");
            assertThat(response.jsonPath().getString("message")).as(body.toString()).isNotBlank();
        }
        customer("c015").contentType(ContentType.JSON).body(Map.of("message", "hi", "conversationId", UUID.randomUUID().toString())).when()
                .post("/api/chat").then().statusCode(404).body("error", equalTo("conversation_not_found"));
        customer("c015").contentType("text/plain").body("hello").when().post("/api/chat").then().statusCode(415);
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void invalid_utf8_is_refused_as_malformed() throws Exception {
        long before = messages();
        byte[] bytes = "{\"message\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1); // a lone 0xE9 is not UTF-8
        customer("c015").contentType("application/json; charset=utf-8").body(bytes).when().post("/api/chat").then().statusCode(400)
                .body("message", notNullValue());
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void the_error_names_the_field_at_fault() {
        customer("c015").contentType(ContentType.JSON).body(Map.of("message", "")).when().post("/api/chat").then().body("field", equalTo("message"));
        customer("c015").contentType(ContentType.JSON).body(Map.of("message", "hi", "channel", "Web Chat")).when().post("/api/chat").then()
                .body("field", equalTo("channel"));
        customer("c015").contentType(ContentType.JSON).body(Map.of("message", "a\u0000b")).when().post("/api/chat").then()
                .body("field", equalTo("message"));
    }

    @Test
    void bad_ids_and_queries_on_every_other_endpoint_are_4xx() {
        customer("c015").when().get("/api/conversations/12345").then().statusCode(400).body("field", equalTo("id"));
        customer("c015").when().get("/api/transfers/123").then().statusCode(400).body("field", equalTo("id"));
        reviewer("r001").when().get("/api/review/cases?page=-1").then().statusCode(400).body("field", equalTo("page"));
        reviewer("r001").when().get("/api/review/cases?size=abc").then().statusCode(400).body("field", equalTo("size"));
        reviewer("r001").contentType(ContentType.JSON).body("{").when().post("/api/review/cases/" + UUID.randomUUID() + "/approve").then().statusCode(400);
        reviewer("r001").contentType(ContentType.JSON).body(Map.of("comment", "x".repeat(2001))).when()
                .post("/api/review/cases/" + UUID.randomUUID() + "/approve").then().statusCode(400).body("field", equalTo("comment"));
        reviewer("r001").when().get("/api/audit").then().statusCode(400).body("field", equalTo("subjectType"));
        engineer().contentType(ContentType.JSON).body("{\"repeat\": \"often\"}").when().post("/api/evals/runs").then().statusCode(400);
        engineer().when().get("/api/knowledge/search?q=" + "x".repeat(3000)).then().statusCode(400).body("field", equalTo("q"));
    }

    @Test
    void a_customer_sending_too_fast_gets_429_with_retry_after_and_the_message_is_not_taken() throws Exception {
        String fast = "fast-" + UUID.randomUUID();
        int limit = 30;
        for (int i = 0; i < limit; i++) {
            customer(fast).contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/chat").then().statusCode(200);
        }
        long before = messages();
        customer(fast).contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/chat").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("error", equalTo("rate_limited"));
        assertThat(messages()).isEqualTo(before);
        customer("other-" + UUID.randomUUID()).contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/chat").then()
                .statusCode(200);
    }
}
