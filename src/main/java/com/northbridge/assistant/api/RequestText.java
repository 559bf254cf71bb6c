package com.northbridge.assistant.api;

/**
 * Text a person sends in a request body (a chat message, a staff reply, a note): stripped, plain text, not too long;
 * anything else is the caller's 400 naming the field.
 */
public final class RequestText {

    private RequestText() {
    }

    /** The stripped text; empty is refused. {@code noun} is how the message names it ("message", "reply"). */
    public static String required(String value, String field, String noun, int maxLength) {
        String text = optional(value, field, noun, maxLength);
        if (text.isEmpty()) {
            throw ApiException.badRequest(field, "The " + noun + " is empty.");
        }
        return text;
    }

    /** The stripped text, possibly empty (null is empty). */
    public static String optional(String value, String field, String noun, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (!isPlain(text)) {
            throw ApiException.badRequest(field, "The " + noun + " contains control characters or broken text; send plain text.");
        }
        if (text.length() > maxLength) {
            throw ApiException.badRequest(field, "The " + noun + " is longer than " + maxLength + " characters.");
        }
        return text;
    }

    /** No control characters but line breaks and tabs, no replacement characters, no lone halves of a surrogate pair. */
    private static boolean isPlain(String s) {
        if (s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t')
                || s.indexOf('\uFFFD') >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
