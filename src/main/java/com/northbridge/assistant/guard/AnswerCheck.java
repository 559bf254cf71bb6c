package com.northbridge.assistant.guard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer before the customer sees it: every number it states must appear in a passage it
 * cites (fees, limits and rates are never made up), it must not repeat the system prompt, and it must not
 * claim to grant access or to have confirmed someone's identity.
 */
public final class AnswerCheck {

    /** A number as written: 5,000 / 0.5 / 5万 / 1.35% ; citation ids ([Kabc123...]) are not numbers. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万|千|k\\b)?");
    private static final Pattern CITATION = Pattern.compile("\\[K[0-9a-z]{6,40}]");
    /** Small counting numbers ("2 options", "1. first") say nothing about fees or limits. */
    private static final BigDecimal TRIVIAL = new BigDecimal("10");
    private static final int LEAK_WORDS = 8;
    /**
     * The assistant grants no access and confirms nobody's identity (system prompt rule 5); an answer that says it
     * did was talked into it. Claims of an outcome, not mentions of the topic ("how do I verify my identity?").
     */
    private static final Pattern ACCESS_CLAIM = Pattern.compile("(?i)"
            + "\\baccess\\s+(?:has\\s+been\\s+)?granted\\b"
            + "|\\b(?:i have|i've)\\s+(?:now\\s+)?(?:verified|authenticated)\\s+(?:you|your identity)\\b"
            + "|(?<!\\b(?:once|after|when|until|if|before|unless)\\s)\\byour identity (?:is|has been) (?:now\\s+)?(?:verified|confirmed)\\b"
            + "|访问已(?:获)?(?:授权|批准)|授权成功|已(?:为您)?授予.{0,6}(?:访问|权限)"
            + "|身份(?:已|已经)(?:通过)?(?:验证|核实|认证|核验)|(?:我|已)(?:已经?)?为您(?:完成|通过)了?身份(?:验证|核实|认证)");
    private static final int LEAK_HAN = 16;

    private AnswerCheck() {
    }

    /** The numbers of the answer that none of the cited passages (nor the customer's own message) contains. */
    public static List<String> ungroundedNumbers(String answer, List<String> citedPassages, String question) {
        Set<BigDecimal> known = new LinkedHashSet<>();
        citedPassages.forEach(p -> known.addAll(numbers(p)));
        known.addAll(numbers(question));
        List<String> missing = new ArrayList<>();
        Matcher m = NUMBER.matcher(CITATION.matcher(answer).replaceAll(" "));
        while (m.find()) {
            BigDecimal value = value(m);
            if (value.compareTo(TRIVIAL) > 0 && known.stream().noneMatch(k -> k.compareTo(value) == 0)) {
                missing.add(m.group().strip());
            }
        }
        return missing;
    }

    static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(CITATION.matcher(text).replaceAll(" "));
        while (m.find()) {
            out.add(value(m));
        }
        return out;
    }

    private static BigDecimal value(Matcher m) {
        BigDecimal v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "万" -> v.multiply(BigDecimal.valueOf(10_000));
            case "千", "k" -> v.multiply(BigDecimal.valueOf(1_000));
            default -> v;
        };
    }

    /** True when the answer repeats a run of the system prompt long enough to be more than a coincidence. */
    public static boolean leaksPrompt(String answer, String systemPrompt) {
        String a = normal(answer);
        List<String> words = List.of(normal(systemPrompt).split(" "));
        for (int i = 0; i + LEAK_WORDS <= words.size(); i++) {
            if (a.contains(String.join(" ", words.subList(i, i + LEAK_WORDS)))) {
                return true;
            }
        }
        String han = systemPrompt.replaceAll("[^\\p{IsHan}]", "");
        String answerHan = answer.replaceAll("[^\\p{IsHan}]", "");
        for (int i = 0; i + LEAK_HAN <= han.length(); i += 4) {
            if (answerHan.contains(han.substring(i, i + LEAK_HAN))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The claims of granted access or confirmed identity in the answer that no cited passage makes (a passage
     * of the bank's own rules may describe what happens once a check has passed).
     */
    public static List<String> accessClaims(String answer, List<String> citedPassages) {
        List<String> claims = new ArrayList<>();
        Matcher m = ACCESS_CLAIM.matcher(answer);
        while (m.find()) {
            String claim = m.group();
            if (citedPassages.stream().noneMatch(p -> ACCESS_CLAIM.matcher(p).results().anyMatch(r -> r.group().equalsIgnoreCase(claim)))) {
                claims.add(claim);
            }
        }
        return claims;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
