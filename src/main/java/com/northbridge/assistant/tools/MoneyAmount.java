package com.northbridge.assistant.tools;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts and currency codes as customers type them into forms.
 *
 * <p>Amount rule: digits, optionally grouped by thousands with commas ({@code 12,345}), with at most two
 * decimals, optionally marked as yuan with {@code ¥}, {@code ￥} or {@code CNY} in front or {@code 元} or
 * {@code CNY} behind. No sign: a form amount is never negative. Currency rule: any ISO 4217 code is understood,
 * but the bank only handles CNY, USD, EUR, HKD, GBP and JPY.
 */
public final class MoneyAmount {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[¥￥]|CNY)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{1,2})?\\s*(?:元|CNY)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    /** The currencies the bank keeps accounts in and pays out. */
    public static final Set<Currency> HANDLED_CURRENCIES = Set.of(
            Currency.getInstance("CNY"), Currency.getInstance("USD"), Currency.getInstance("EUR"),
            Currency.getInstance("HKD"), Currency.getInstance("GBP"), Currency.getInstance("JPY"));

    private MoneyAmount() {
    }

    /** The exact amount, or empty when the text is not an amount of the form above. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AMOUNT.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String whole = matcher.group(1).replace(",", "");
        String fraction = matcher.group(2) == null ? "" : matcher.group(2);
        return Optional.of(new BigDecimal(whole + fraction));
    }

    /** The ISO 4217 currency for a code such as {@code usd}; {@code RMB}, the everyday name, is read as CNY. */
    public static Optional<Currency> currency(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("RMB")) {
            normalized = "CNY";
        }
        if (!CURRENCY_CODE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(normalized));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean handledByBank(Currency currency) {
        return HANDLED_CURRENCIES.contains(currency);
    }
}
