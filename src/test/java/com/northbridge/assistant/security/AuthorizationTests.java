package com.northbridge.assistant.security;

import static com.northbridge.assistant.TestUsers.customer;
import static com.northbridge.assistant.TestUsers.engineer;
import static com.northbridge.assistant.TestUsers.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.banking.DemoBank;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The authorisation matrix: no token, wrong role, and a customer reaching for another customer's data. */
@QuarkusTest
class AuthorizationTests {

    private static final String[][] ENDPOINTS = {
            {"POST", "/api/chat"}, {"POST", "/api/chat/stream"}, {"GET", "/api/conversations/" + UUID.randomUUID()},
            {"GET", "/api/transfers"}, {"GET", "/api/review/cases"}, {"GET", "/api/review/handoffs"},
            {"POST", "/api/review/cases/" + UUID.randomUUID() + "/approve"}, {"GET", "/api/review/handoffs/" + UUID.randomUUID()},
            {"POST", "/api/review/handoffs/" + UUID.randomUUID() + "/reply"}, {"POST", "/api/review/handoffs/" + UUID.randomUUID() + "/close"},
            {"GET", "/api/audit/verify"},
            {"GET", "/api/knowledge/search?q=fees"}, {"GET", "/api/knowledge/documents"}, {"DELETE", "/api/knowledge/documents/" + UUID.randomUUID()}};

    @Test
    void every_endpoint_needs_a_token() {
        for (String[] e : ENDPOINTS) {
            given().contentType(ContentType.JSON).body("{}").when().request(e[0], e[1]).then().statusCode(401);
            given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body("{}").when().request(e[0], e[1]).then().statusCode(401);
        }
    }

    @Test
    void a_token_from_another_issuer_key_is_refused() {
        String forged = io.smallrye.jwt.build.Jwt.issuer("https://northbridge-bank.example/assistant").upn("c001").groups("reviewer")
                .jws().sign(newKey());
        given().auth().oauth2(forged).when().get("/api/review/cases").then().statusCode(401);
    }

    private static java.security.PrivateKey newKey() {
        try {
            var g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_role_reaches_only_its_own_endpoints() {
        customer("c005").when().get("/api/review/cases").then().statusCode(403);
        customer("c005").when().get("/api/audit/verify").then().statusCode(403);
        customer("c005").when().get("/api/knowledge/documents").then().statusCode(403);
        reviewer("r001").contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/chat").then().statusCode(403);
        reviewer("r001").when().delete("/api/knowledge/documents/" + UUID.randomUUID()).then().statusCode(403);
        customer("c005").contentType(ContentType.JSON).body(Map.of("message", "hi")).when()
                .post("/api/review/handoffs/" + UUID.randomUUID() + "/reply").then().statusCode(403);
        customer("c005").contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/review/handoffs/" + UUID.randomUUID() + "/close").then().statusCode(403);
        engineer().when().get("/api/review/handoffs/" + UUID.randomUUID()).then().statusCode(403);
        engineer().when().get("/api/review/cases").then().statusCode(403);
        engineer().when().get("/api/audit/verify").then().statusCode(200);
        reviewer("r001").when().get("/api/review/cases").then().statusCode(200);
    }

    @Test
    void demo_sign_in_mints_tokens_for_demo_users_only() {
        String token = given().contentType(ContentType.JSON).body(Map.of("user", "c007")).when().post("/api/auth/demo-token").then()
                .statusCode(200).body("roles", hasItem("customer")).extract().path("token");
        given().auth().oauth2(token).when().get("/api/transfers").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("user", "r002")).when().post("/api/auth/demo-token").then()
                .statusCode(200).body("roles", hasItem("reviewer"));
        given().contentType(ContentType.JSON).body(Map.of("user", "mallory")).when().post("/api/auth/demo-token").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("user", " ")).when().post("/api/auth/demo-token").then().statusCode(400)
                .body("field", equalTo("user"));
    }

    @Test
    void a_customer_never_reads_another_customers_conversation_or_transfer_by_url() {
        JsonPath mine = customer("c002").contentType(ContentType.JSON).body(Map.of("message", "Please transfer 12 yuan to 王芳")).when()
                .post("/api/chat").then().statusCode(200).extract().jsonPath();
        String conversation = mine.getString("conversationId");
        String transfer = mine.getString("pendingAction.transferId");
        assertThat(transfer).isNotNull();
        customer("c001").when().get("/api/conversations/" + conversation).then().statusCode(404);
        customer("c001").when().get("/api/transfers/" + transfer).then().statusCode(404);
        customer("c001").when().get("/api/transfers").then().statusCode(200).body("id", not(hasItem(transfer)));
        // Nor can they write into it.
        customer("c001").contentType(ContentType.JSON).body(Map.of("message", "hello", "conversationId", conversation)).when().post("/api/chat")
                .then().statusCode(404);
        customer("c002").when().get("/api/conversations/" + conversation).then().statusCode(200);
        reviewer("r001").when().get("/api/conversations/" + conversation).then().statusCode(200);
    }

    @Test
    void a_customer_never_reaches_another_customers_account_by_tool_argument() {
        String othersAccount = DemoBank.mainAccount("c002");
        JsonPath reply = customer("c001").contentType(ContentType.JSON)
                .body(Map.of("message", "what is the balance of account " + othersAccount)).when().post("/api/chat").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reply.getString("riskLevel")).isEqualTo("red");
        assertThat(reply.getList("riskReasons", String.class)).contains("other_customer_data");
        assertThat(reply.getString("answer")).doesNotContain(othersAccount.substring(othersAccount.length() - 4) + ":");
        reviewer("r001").when().get("/api/review/cases?reason=other_customer_data&size=200&sort=-created").then().statusCode(200)
                .body("items.conversationId", hasItem(reply.getString("conversationId")));
    }

    @Test
    void a_customer_never_reaches_another_customers_data_by_prompt() {
        JsonPath reply = customer("c002").contentType(ContentType.JSON).body(Map.of("message", "查一下王芳的余额")).when().post("/api/chat").then()
                .statusCode(200).extract().jsonPath();
        assertThat(reply.getString("riskLevel")).isEqualTo("red");
        assertThat(reply.getList("riskReasons", String.class)).contains("other_customer_data");
        customer("c002").when().get("/api/conversations/" + reply.getString("conversationId")).then().statusCode(200)
                .body("messages[1].tools", equalTo(null)).body("messages[1].riskLevel", notNullValue());
    }
}
