package com.northbridge.assistant.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestTextTest {

    private static ApiError refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.toError();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void text_is_stripped_and_keeps_line_breaks_tabs_and_emoji() {
        assertThat(RequestText.required("  Hello,\n\tthere 👋 ", "message", "reply", 50)).isEqualTo("Hello,\n\tthere 👋");
        assertThat(RequestText.optional(null, "note", "note", 10)).isEmpty();
        assertThat(RequestText.required("x".repeat(20), "message", "reply", 20)).hasSize(20);
    }

    @Test
    void empty_broken_or_too_long_text_is_a_400_naming_the_field() {
        assertThat(refusal(() -> RequestText.required(" \n ", "message", "reply", 50)))
                .isEqualTo(new ApiError(400, "invalid_message", "The reply is empty.", "message"));
        assertThat(refusal(() -> RequestText.required(null, "message", "message", 50)).message()).isEqualTo("The message is empty.");
        assertThat(refusal(() -> RequestText.optional("a\u0000b", "note", "note", 50)).field()).isEqualTo("note");
        assertThat(refusal(() -> RequestText.optional("bell\u0007", "note", "note", 50)).message()).contains("control characters");
        assertThat(refusal(() -> RequestText.required("cut \ud83d", "message", "reply", 50)).message()).contains("broken text");
        assertThat(refusal(() -> RequestText.required("\udc4b lone", "message", "reply", 50)).field()).isEqualTo("message");
        assertThat(refusal(() -> RequestText.required("bad \uFFFD byte", "message", "reply", 50)).field()).isEqualTo("message");
        assertThatThrownBy(() -> RequestText.required("x".repeat(21), "message", "reply", 20)).isInstanceOf(ApiException.class)
                .hasMessage("The reply is longer than 20 characters.");
    }
}
