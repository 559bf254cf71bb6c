package com.northbridge.assistant;

import static io.restassured.RestAssured.given;

import java.util.Set;

import com.northbridge.assistant.security.DemoTokens;
import com.northbridge.assistant.security.Roles;

import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;

/** Requests as a signed-in user, with real tokens signed by the service's own key (tests run in its JVM). */
public final class TestUsers {

    private TestUsers() {
    }

    public static String token(String user, Set<String> roles, String customerId) {
        return Arc.container().instance(DemoTokens.class).get().sign(user, user, roles, customerId).token();
    }

    public static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(token(user, Set.of(role), null));
    }

    public static RequestSpecification customer(String id) {
        return as(id, Roles.CUSTOMER);
    }

    public static RequestSpecification reviewer(String id) {
        return as(id, Roles.REVIEWER);
    }

    /** A reviewer who is also a customer of the bank (four eyes). */
    public static RequestSpecification reviewer(String id, String customerId) {
        return given().auth().oauth2(token(id, Set.of(Roles.REVIEWER), customerId));
    }

    public static RequestSpecification engineer() {
        return as("e001", Roles.ENGINEER);
    }
}
