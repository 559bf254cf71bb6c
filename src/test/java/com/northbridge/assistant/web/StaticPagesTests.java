package com.northbridge.assistant.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages are static files that anyone may load (the API behind them still asks for a token), and everything
 * they use comes from this service: no CDN, no other host.
 */
@QuarkusTest
class StaticPagesTests {

    static final List<String> FILES = List.of("/index.html", "/chat.html", "/console.html", "/app.css", "/js/api.js", "/js/chat.js",
            "/js/console.js", "/js/charts.js", "/js/dom.js", "/js/i18n.js", "/js/passage.js", "/js/signin.js");

    @Test
    void pages_scripts_and_styles_are_served_without_a_token() {
        given().when().get("/").then().statusCode(200).body(containsString("/js/signin.js"));
        for (String file : FILES) {
            given().when().get(file).then().statusCode(200);
        }
        given().when().get("/js/chat.js").then().contentType(containsString("javascript"));
        given().when().get("/api/review/cases").then().statusCode(401);
    }

    @Test
    void pages_load_nothing_from_another_host() {
        for (String file : FILES) {
            String text = given().when().get(file).then().statusCode(200).extract().asString();
            assertThat(text).as(file).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
                    .doesNotContainPattern("(from|import)\\s*\\(?\\s*[\"'](https?:)?//")
                    .doesNotContainPattern("url\\(\\s*[\"']?(https?:)?//");
        }
    }
}
