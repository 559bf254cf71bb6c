package com.northbridge.assistant.review;

import java.util.Optional;

/**
 * The member of staff acting: their id, the name customers see on their replies, and the customer record they
 * bank under, if any (four eyes).
 */
public record Reviewer(String id, String name, Optional<String> customerId) {

    /** Whether this member of staff is the customer in question, under their staff id or their own customer record. */
    public boolean is(String customer) {
        return customer != null && (customer.equals(id) || customerId.map(customer::equals).orElse(false));
    }
}
