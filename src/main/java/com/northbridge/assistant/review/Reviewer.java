package com.northbridge.assistant.review;

import java.util.Optional;

/** The member of staff deciding a case, and the customer record they bank under, if any (four eyes). */
public record Reviewer(String id, Optional<String> customerId) {
}
