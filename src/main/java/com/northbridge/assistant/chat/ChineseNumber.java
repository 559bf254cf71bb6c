package com.northbridge.assistant.chat;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads Chinese numerals as customers write them: "五千" 5000, "两万" 20000, "三千五百" 3500, and the
 * spoken shorthand where a trailing digit counts in the next lower unit: "一万二" 12000, "三千五" 3500.
 */
final class ChineseNumber {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumber() {
    }

    static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;      // completed 万/亿 sections
        long section = 0;    // below 万
        long digit = -1;     // pending digit
        long lastUnit = 1;   // the unit the pending digit would take when written without one
        boolean zero = false; // "一百零五": after a zero the last digit counts as units
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = c == '两' ? 2 : c == '〇' ? 0 : DIGITS.indexOf(c);
            if (d >= 0) {
                zero |= d == 0;
                digit = d;
                any = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            any = true;
            if (unit >= 10_000) {
                section += Math.max(digit, 0);
                total = (total + (section == 0 ? 1 : section)) * unit;
                section = 0;
                lastUnit = unit / 10;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
                lastUnit = unit / 10;
            }
            digit = -1;
            zero = false;
        }
        if (!any) {
            return Optional.empty();
        }
        if (digit >= 0) {
            // "一万二" = 12000, "三千五" = 3500: a final bare digit takes the unit below the last one.
            section += digit * (!zero && (total > 0 || section > 0) ? lastUnit : 1);
        }
        return Optional.of(BigDecimal.valueOf(total + section));
    }
}
