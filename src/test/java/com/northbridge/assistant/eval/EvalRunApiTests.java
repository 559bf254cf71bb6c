package com.northbridge.assistant.eval;

import static com.northbridge.assistant.TestUsers.customer;
import static com.northbridge.assistant.TestUsers.engineer;
import static com.northbridge.assistant.TestUsers.reviewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An engineer starts a run over REST, follows it to the end, and reads its reports; bad requests are 4xx. */
@QuarkusTest
class EvalRunApiTests {

    @Test
    void an_engineer_runs_a_suite_and_reads_its_reports() throws Exception {
        String id = engineer().contentType(ContentType.JSON).body(Map.of("suites", List.of("handoff-greeting"), "concurrency", 2))
                .when().post("/api/evals/runs").then().statusCode(202).body("status", equalTo("running")).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String status = "running";
        while (status.equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // polling the run the way a client would
            status = engineer().when().get("/api/evals/runs").then().statusCode(200).extract()
                    .path("find { it.id == '" + id + "' }.status");
        }
        engineer().when().get("/api/evals/runs/" + id).then().statusCode(200).body("runId", equalTo(id))
                .body("metrics.cases", equalTo(10)).body("gates", notNullValue());
        engineer().when().get("/api/evals/runs/" + id + "/report.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<svg"));
        engineer().when().get("/api/evals/runs/" + id + "/report.md").then().statusCode(200).body(containsString("# Evaluation run"));
        engineer().when().get("/api/evals/compare?before=" + id + "&after=" + id).then().statusCode(200).body("regressions.size()", equalTo(0));
        engineer().when().get("/api/evals/runs").then().body("id", hasItem(id));
        // The run's conversations stay out of the reviewers' queue.
        reviewer("r001").when().get("/api/review/cases?size=200&sort=-created").then().statusCode(200);
    }

    @Test
    void bad_run_requests_are_refused() {
        engineer().contentType(ContentType.JSON).body(Map.of("suites", List.of("no-such-suite"))).when().post("/api/evals/runs").then()
                .statusCode(400).body("field", equalTo("suites")).body("message", containsString("no such suite"));
        engineer().contentType(ContentType.JSON).body(Map.of("repeat", 0)).when().post("/api/evals/runs").then().statusCode(400)
                .body("field", equalTo("repeat"));
        engineer().contentType(ContentType.JSON).body(Map.of("concurrency", 100)).when().post("/api/evals/runs").then().statusCode(400)
                .body("field", equalTo("concurrency"));
        engineer().when().get("/api/evals/runs/not-a-uuid").then().statusCode(400);
        engineer().when().get("/api/evals/runs/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        customer("c001").when().get("/api/evals/runs").then().statusCode(403);
        reviewer("r001").contentType(ContentType.JSON).body(Map.of()).when().post("/api/evals/runs").then().statusCode(403);
    }
}
