package com.northbridge.assistant.tools;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the format of SWIFT BIC codes (ISO 9362); whether the bank exists is for the payment network to say.
 *
 * <p>Rule: 4 letters for the bank, 2 letters for the country, 2 letters or digits for the location, and
 * optionally 3 letters or digits for the branch: 8 or 11 characters in all. Lower case is accepted.
 */
public final class Bic {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?");

    private Bic() {
    }

    public static boolean valid(String bic) {
        return bic != null && SHAPE.matcher(bic.trim().toUpperCase(Locale.ROOT)).matches();
    }
}
