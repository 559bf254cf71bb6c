package com.northbridge.assistant.tools;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks International Bank Account Numbers (ISO 13616).
 *
 * <p>Rule: a country code, two check digits and a national account part of letters and digits, with the total
 * length the IBAN registry fixes for that country; moving the first four characters to the end and reading
 * letters as 10–35 gives a number whose remainder modulo 97 is 1. Spaces are ignored and letters may be
 * lower-case. Countries missing from the table are rejected, because their length cannot be checked.
 */
public final class Iban {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+");
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern START = Pattern.compile("[A-Z]{2}\\d{2}");

    /** Lengths from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21),
            Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18),
            Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("XK", 20));

    private Iban() {
    }

    public static boolean valid(String iban) {
        return normalize(iban).isPresent();
    }

    /** Known country and the right length, whatever the check digits: tells a typo apart from something that is no IBAN. */
    public static boolean wellFormed(String iban) {
        if (iban == null) {
            return false;
        }
        String compact = compact(iban);
        if (!SHAPE.matcher(compact).matches()) {
            return false;
        }
        Integer length = LENGTHS.get(compact.substring(0, 2));
        return length != null && length == compact.length();
    }

    /**
     * Whether the text starts like an IBAN (country letters, then check digits), so that a form can tell a
     * mistyped IBAN from a card number or from text that is neither.
     */
    public static boolean looksLikeIban(String account) {
        return account != null && START.matcher(compact(account)).lookingAt();
    }

    /** The IBAN in its electronic form, upper-case without spaces; empty if it is not valid. */
    public static Optional<String> normalize(String iban) {
        if (!wellFormed(iban)) {
            return Optional.empty();
        }
        String compact = compact(iban);
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1 ? Optional.of(compact) : Optional.empty();
    }

    /** Digit by digit, so that the 30-odd-digit number never has to be built. */
    private static int mod97(String rearranged) {
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder;
    }

    private static String compact(String iban) {
        return SEPARATORS.matcher(iban.trim()).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
