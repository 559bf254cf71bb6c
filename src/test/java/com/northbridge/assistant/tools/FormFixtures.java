package com.northbridge.assistant.tools;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.northbridge.assistant.text.Language;

/** Made-up but valid identifiers for form tests; none belongs to a real person. */
final class FormFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);

    /** Luhn-valid card numbers in the shape Chinese banks issue (16 and 19 digits). */
    static final String CARD_16 = "6217000000000006";
    static final String CARD_19 = "6222021234567890128";
    static final String OTHER_CARD = "6214830000001239";

    /** The examples the IBAN registry itself publishes. */
    static final String IBAN_DE = "DE89 3704 0044 0532 0130 00";
    static final String IBAN_GB = "GB29 NWBK 6016 1331 9268 19";
    static final String IBAN_FR = "FR14 2004 1010 0505 0001 3M02 606";

    private FormFixtures() {
    }

    /** A resident ID from Beijing Dongcheng (110101) with the given birth date and sequence 123, check character computed. */
    static String residentIdBornOn(LocalDate birth) {
        return residentId(birth, 123);
    }

    static String residentId(LocalDate birth, int sequence) {
        String payload = "110101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return payload + ResidentId.checkCharacter(payload);
    }

    /** The same ID with a different, therefore wrong, check character. */
    static String withWrongCheck(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    static List<String> fieldsAndCodes(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    /** A copy of the form with one field set, or removed when the value is null. */
    static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> copy = new HashMap<>(form);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    static boolean containsHan(String text) {
        return text.codePoints().anyMatch(Language::isHan);
    }
}
