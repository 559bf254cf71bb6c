package com.northbridge.assistant.tools;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks 18-character mainland China resident identity numbers (GB 11643).
 *
 * <p>Rule: a 6-digit area code whose first digit is 1–8, the birth date as {@code yyyyMMdd} (a real calendar
 * date, not before 1900-01-01 and not after today), a 3-digit sequence number, and an ISO 7064 MOD 11-2 check
 * character, {@code 0}–{@code 9} or {@code X} (a lower-case {@code x} is accepted).
 */
public final class ResidentId {

    private static final Pattern SHAPE = Pattern.compile("[1-8]\\d{16}[0-9X]");
    private static final Pattern PAYLOAD = Pattern.compile("\\d{17}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Indexed by the weighted sum modulo 11. */
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** STRICT with {@code uuuu} so that 20010229 is rejected instead of being moved to 28 February. */
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** The IDs are Chinese, so "today" is today in China, whatever zone the server runs in. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ResidentId() {
    }

    /** Whether the ID is valid today (China time). */
    public static boolean valid(String id) {
        return valid(id, todayInChina());
    }

    public static boolean valid(String id, LocalDate today) {
        return birthDate(id, today).isPresent();
    }

    /** Everything but the check character is right: tells a mistyped digit apart from something that is no ID at all. */
    public static boolean wellFormed(String id, LocalDate today) {
        return birthDateIgnoringCheck(id, today).isPresent();
    }

    /** The birth date of a valid ID (valid today, China time); empty for an invalid one. */
    public static Optional<LocalDate> birthDate(String id) {
        return birthDate(id, todayInChina());
    }

    public static Optional<LocalDate> birthDate(String id, LocalDate today) {
        return birthDateIgnoringCheck(id, today).filter(date -> {
            String normalized = normalize(id);
            return normalized.charAt(17) == checkCharacter(normalized.substring(0, 17));
        });
    }

    /**
     * The MOD 11-2 check character for the first 17 digits of an ID.
     *
     * @throws IllegalArgumentException unless {@code first17Digits} is exactly 17 digits
     */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || !PAYLOAD.matcher(first17Digits).matches()) {
            throw new IllegalArgumentException("the first 17 characters of a resident ID are digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static Optional<LocalDate> birthDateIgnoringCheck(String id, LocalDate today) {
        if (id == null) {
            return Optional.empty();
        }
        String normalized = normalize(id);
        if (!SHAPE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(normalized.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(birth);
    }

    private static String normalize(String id) {
        return id.trim().toUpperCase(Locale.ROOT);
    }

    private static LocalDate todayInChina() {
        return LocalDate.now(CHINA);
    }
}
