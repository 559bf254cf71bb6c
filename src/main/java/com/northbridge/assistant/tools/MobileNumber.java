package com.northbridge.assistant.tools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks mainland China mobile numbers.
 *
 * <p>Rule: 11 digits starting with {@code 13}–{@code 19}, optionally after a {@code +86}, {@code 0086} or
 * {@code 86} country prefix; spaces and hyphens anywhere are ignored ({@code +86 138-0013-8000}).
 */
public final class MobileNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern SHAPE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9]\\d{9})");

    private MobileNumber() {
    }

    public static boolean valid(String number) {
        return normalize(number).isPresent();
    }

    /** The bare 11 digits, without country prefix or separators; empty if the number is not a mainland mobile. */
    public static Optional<String> normalize(String number) {
        if (number == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(SEPARATORS.matcher(number.trim()).replaceAll(""));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
