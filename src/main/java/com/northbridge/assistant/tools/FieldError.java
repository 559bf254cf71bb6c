package com.northbridge.assistant.tools;

import java.util.Objects;

/**
 * One problem with one field of a form: the field's key, a stable machine code ({@code required}, {@code format},
 * {@code checksum}, {@code too_small}, {@code too_large}, {@code not_allowed}, {@code mismatch}, {@code past_date},
 * {@code too_far}) and a message for the customer that names the field in words.
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
