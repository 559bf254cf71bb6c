package com.northbridge.assistant.banking;

import java.time.Instant;

/** A customer as the assistant may know them. {@code contactChangedAt} drives the 48-hour transfer cap. */
public record CustomerProfile(String id, String name, String language, String mobile, String email, Instant contactChangedAt) {
}
