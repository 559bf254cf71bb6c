package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The risk signals in one customer message, Chinese, English or both mixed. Deterministic word-and-pattern
 * rules, no model: the same message always gives the same signals, in microseconds, and a reviewer can read
 * why from the cue. The table below says where each signal's rules are; all of them share one prefilter
 * pass over the message, so only the few rules whose words occur run their regex.
 */
public final class MessageSignals {

    private static final Map<Signal, List<Rule>> TABLE = new EnumMap<>(Signal.class);

    static {
        // PROMPT_INJECTION is InjectionDetector's: it also reads decoded and de-obfuscated text.
        TABLE.put(Signal.IMPERSONATION, ThirdPartyRequests.IMPERSONATION);
        TABLE.put(Signal.OTHER_CUSTOMER_DATA, ThirdPartyRequests.OTHER_CUSTOMER_DATA);
        TABLE.put(Signal.AUTHORITY_PRESSURE, ScamCues.AUTHORITY_PRESSURE);
        TABLE.put(Signal.FRAUD_REPORT, ScamCues.FRAUD_REPORT);
        TABLE.put(Signal.CONTACT_CHANGE, AccountChanges.CONTACT_CHANGE);
        TABLE.put(Signal.CREDENTIAL_CHANGE, AccountChanges.CREDENTIAL_CHANGE);
        TABLE.put(Signal.IDENTITY_VERIFICATION, AccountChanges.IDENTITY_VERIFICATION);
        TABLE.put(Signal.PRODUCT_ADVICE, AdviceRequests.PRODUCT_ADVICE);
    }

    private static final List<Rule> RULES = new ArrayList<>();
    private static final List<Signal> SIGNAL_OF_RULE = new ArrayList<>();

    static {
        TABLE.forEach((signal, rules) -> rules.forEach(rule -> {
            RULES.add(rule);
            SIGNAL_OF_RULE.add(signal);
        }));
    }

    private static final Prefilter PREFILTER = Prefilter.of(RULES.stream().map(Rule::pattern).toList());

    private MessageSignals() {
    }

    /** Every signal present, each once, in the order of {@link Signal}. */
    public static List<SignalHit> detect(String message) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        NormalisedText text = NormalisedText.of(message);
        Map<Signal, String> cues = new EnumMap<>(Signal.class);
        InjectionDetector.detect(text).ifPresent(cue -> cues.put(Signal.PROMPT_INJECTION, cue));
        String line = text.flat();
        BitSet candidates = PREFILTER.candidates(line);
        // Candidates come in table order, so within a signal the first rule listed wins.
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Signal signal = SIGNAL_OF_RULE.get(i);
            if (cues.containsKey(signal)) {
                continue;
            }
            Rule rule = RULES.get(i);
            Matcher m = rule.pattern().matcher(line);
            if (m.find() && (rule.unless() == null || !rule.unless().test(line))) {
                cues.put(signal, m.group().strip());
            }
        }
        List<SignalHit> hits = new ArrayList<>(cues.size());
        cues.forEach((signal, cue) -> hits.add(new SignalHit(signal, cue)));
        return List.copyOf(hits);
    }
}
