package com.northbridge.assistant.security;

/** The three kinds of user, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String REVIEWER = "reviewer";
    public static final String ENGINEER = "engineer";

    private Roles() {
    }
}
