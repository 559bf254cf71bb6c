package com.northbridge.assistant.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of this request. A customer's id is the token's subject and nothing else: no request
 * body, path or model argument can name a different customer.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        return token.getName();
    }

    /** The name to show for this user (a staff member's reply is signed with it): the token's name claim, else the id. */
    public String name() {
        Object name = token.getClaim("name");
        String text = name instanceof jakarta.json.JsonString json ? json.getString().strip() : name == null ? "" : name.toString().strip();
        return text.isEmpty() ? id() : text;
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean is(String role) {
        return roles() != null && roles().contains(role);
    }

    /** The customer this user banks as: a customer's own id, or the customer record of a member of staff. */
    public Optional<String> customerId() {
        if (is(Roles.CUSTOMER)) {
            return Optional.of(id());
        }
        Object linked = token.getClaim("customer_id");
        return Optional.ofNullable(linked).map(Object::toString).map(s -> s.replace("\"", ""));
    }
}
