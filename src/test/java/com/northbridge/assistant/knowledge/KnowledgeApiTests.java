package com.northbridge.assistant.knowledge;

import static com.northbridge.assistant.TestUsers.engineer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class KnowledgeApiTests {

    private static final String NAME = "api-test-harbour-card.md";

    @Inject
    KnowledgeIngestion ingestion;

    @AfterEach
    void removeUploads() {
        ingestion.deleteUnder(KnowledgeIngestion.UPLOAD_PREFIX + "api-test-");
    }

    private static io.restassured.response.Response upload(String name, byte[] content, String kind) {
        var request = engineer().multiPart("file", name, content);
        if (kind != null) {
            request = request.multiPart("kind", kind);
        }
        return request.when().post("/api/knowledge/documents");
    }

    @Test
    void an_upload_is_ingested_then_unchanged_then_replaced() {
        byte[] first = DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD);
        upload(NAME, first, "product").then().statusCode(201)
                .body("outcome", equalTo("ingested"))
                .body("document.title", equalTo("Harbour Card Limits"))
                .body("document.sourcePath", equalTo("uploads/" + NAME))
                .body("document.kind", equalTo("product"))
                .body("document.chunkCount", equalTo(2));
        upload(NAME, first, "product").then().statusCode(200).body("outcome", equalTo("unchanged"));
        upload(NAME, DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD.replace("7,300", "8,800")), "product")
                .then().statusCode(200).body("outcome", equalTo("replaced"));

        engineer().when().get("/api/knowledge/documents").then().statusCode(200)
                .body("sourcePath", hasItem("uploads/" + NAME))
                .body("find { it.sourcePath == 'uploads/" + NAME + "' }.chunkCount", equalTo(2));
    }

    @Test
    void search_returns_citable_passages() {
        upload(NAME, DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), "product").then().statusCode(201);

        engineer().queryParam("q", "what is the daily cash withdrawal limit of the Harbour card").queryParam("k", 3)
                .when().get("/api/knowledge/search")
                .then().statusCode(200)
                .body("query", notNullValue())
                .body("hits.size()", greaterThan(0))
                .body("hits[0].sourcePath", equalTo("uploads/" + NAME))
                .body("hits[0].citationId", notNullValue())
                .body("hits[0].documentTitle", equalTo("Harbour Card Limits"))
                .body("hits[0].section", equalTo("1. Daily withdrawal"))
                .body("hits[0].citation", equalTo("Harbour Card Limits § 1. Daily withdrawal"))
                .body("hits[0].snippet", containsString("7,300"))
                .body("hits[0].score", greaterThan(0f));
    }

    @Test
    void a_cited_passage_opens_in_full_for_the_customer() {
        upload(NAME, DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), "product").then().statusCode(201);
        String citationId = engineer().queryParam("q", "what is the daily cash withdrawal limit of the Harbour card").queryParam("k", 10)
                .when().get("/api/knowledge/search").then().statusCode(200)
                .extract().path("hits.find { it.section == '1. Daily withdrawal' && it.sourcePath == 'uploads/" + NAME + "' }.citationId");

        com.northbridge.assistant.TestUsers.customer("c001").when().get("/api/knowledge/passages/" + citationId).then().statusCode(200)
                .body("citationId", equalTo(citationId))
                .body("documentTitle", equalTo("Harbour Card Limits"))
                .body("section", equalTo("1. Daily withdrawal"))
                .body("citation", equalTo("Harbour Card Limits § 1. Daily withdrawal"))
                .body("text", containsString("7,300"));
        engineer().when().get("/api/knowledge/passages/K000000000000").then().statusCode(404).body("error", equalTo("passage_not_found"));
        engineer().when().get("/api/knowledge/passages/not-a-citation").then().statusCode(400).body("field", equalTo("citationId"));
        io.restassured.RestAssured.given().when().get("/api/knowledge/passages/" + citationId).then().statusCode(401);
    }

    @Test
    void search_filters_by_kind_and_language() {
        upload(NAME, DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), "product").then().statusCode(201);

        engineer().queryParam("q", "Harbour card").queryParam("kind", "regulation").queryParam("k", 10)
                .when().get("/api/knowledge/search").then().statusCode(200)
                .body("hits.kind", everyItem(equalTo("regulation")));
        engineer().queryParam("q", "Harbour card").queryParam("lang", "zh").queryParam("k", 10)
                .when().get("/api/knowledge/search").then().statusCode(200)
                .body("hits.language", everyItem(equalTo("zh")));
    }

    @Test
    void bad_search_parameters_name_the_field_at_fault() {
        engineer().when().get("/api/knowledge/search").then().statusCode(400).body("field", equalTo("q"));
        engineer().queryParam("q", "  ").when().get("/api/knowledge/search").then().statusCode(400).body("field", equalTo("q"));
        engineer().queryParam("q", "fees").queryParam("k", 0).when().get("/api/knowledge/search").then().statusCode(400)
                .body("field", equalTo("k")).body("message", containsString("between 1 and"));
        engineer().queryParam("q", "fees").queryParam("k", "many").when().get("/api/knowledge/search").then().statusCode(400);
        engineer().queryParam("q", "fees").queryParam("kind", "novel").when().get("/api/knowledge/search").then().statusCode(400)
                .body("field", equalTo("kind"));
        engineer().queryParam("q", "fees").queryParam("lang", "fr").when().get("/api/knowledge/search").then().statusCode(400)
                .body("field", equalTo("lang"));
        engineer().queryParam("q", "fees").queryParam("mode", "psychic").when().get("/api/knowledge/search").then().statusCode(400)
                .body("field", equalTo("mode"));
        engineer().queryParam("q", "x".repeat(2001)).when().get("/api/knowledge/search").then().statusCode(400)
                .body("field", equalTo("q"));
    }

    @Test
    void bad_uploads_are_refused_with_a_reason_and_store_nothing() {
        upload("api-test-photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'}, "product")
                .then().statusCode(415).body("field", equalTo("file")).body("message", containsString("image/png"));
        upload("api-test-empty.md", new byte[0], "product").then().statusCode(422).body("error", equalTo("empty"));
        byte[] pdf = DocumentFiles.pdf(KnowledgeIngestionTests.LIMITS_MD, Optional.empty());
        upload("api-test-broken.pdf", java.util.Arrays.copyOf(pdf, 300), "product").then().statusCode(422)
                .body("error", equalTo("corrupt")).body("message", containsString("damaged"));
        upload("api-test-doc.md", DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), null).then().statusCode(400)
                .body("field", equalTo("kind"));
        upload("api-test-doc.md", DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), "poetry").then().statusCode(400)
                .body("field", equalTo("kind"));
        engineer().multiPart("kind", "product").when().post("/api/knowledge/documents").then().statusCode(400)
                .body("field", equalTo("file"));

        engineer().when().get("/api/knowledge/documents").then().statusCode(200)
                .body("sourcePath", org.hamcrest.Matchers.not(hasItem(containsString("api-test-"))));
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_413() {
        byte[] big = new byte[20 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        upload("api-test-big.txt", big, "product").then().statusCode(413)
                .body("field", equalTo("file")).body("message", containsString("limit is 20 MB"));
    }

    @Test
    void a_document_can_be_deleted_once() {
        String id = upload(NAME, DocumentFiles.utf8(KnowledgeIngestionTests.LIMITS_MD), "product")
                .then().statusCode(201).extract().path("document.id");

        engineer().when().delete("/api/knowledge/documents/" + id).then().statusCode(204);
        engineer().when().delete("/api/knowledge/documents/" + id).then().statusCode(404).body("error", equalTo("document_not_found"));
        engineer().when().delete("/api/knowledge/documents/not-a-uuid").then().statusCode(400).body("field", equalTo("id"));
    }

    @Test
    void unknown_addresses_answer_with_a_json_error() {
        engineer().when().get("/api/knowledge/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("message", notNullValue());
    }
}
