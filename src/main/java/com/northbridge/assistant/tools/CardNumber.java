package com.northbridge.assistant.tools;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks bank card numbers.
 *
 * <p>Rule: 16 to 19 digits (spaces and hyphens between groups are ignored) whose last digit is the Luhn check
 * digit of the others.
 */
public final class CardNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern SHAPE = Pattern.compile("\\d{16,19}");

    private CardNumber() {
    }

    public static boolean valid(String number) {
        return normalize(number).isPresent();
    }

    /** Right length and only digits, whatever the check digit: tells a typo apart from something that is no card number. */
    public static boolean wellFormed(String number) {
        return number != null && SHAPE.matcher(stripSeparators(number)).matches();
    }

    /** The bare digits of a valid card number; empty otherwise. */
    public static Optional<String> normalize(String number) {
        if (!wellFormed(number)) {
            return Optional.empty();
        }
        String digits = stripSeparators(number);
        return luhn(digits) ? Optional.of(digits) : Optional.empty();
    }

    /** The form customers and logs may see, {@code **** 1234}; the rest of the number never leaves the bank. */
    public static String masked(String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return digits.length() < 4 ? "****" : "**** " + digits.substring(digits.length() - 4);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String stripSeparators(String number) {
        return SEPARATORS.matcher(number.trim()).replaceAll("");
    }
}
