package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.List;

import com.northbridge.assistant.chat.Intent;

/**
 * Decides which rows of {@link RiskReason} apply: to a customer's message (signals, emotion, intent), to a
 * tool call (what it touches), and to the finished answer (did it rest on evidence). Code, not the model:
 * a model's words are never an input here, only the customer's message and facts the tools established.
 */
public final class RiskGate {

    /** Tool names as the model sees them. */
    public static final String LOOKUP_BALANCE = "lookup_balance";
    public static final String VALIDATE_FORM = "validate_form";
    public static final String CHECK_TRANSFER_RISK = "check_transfer_risk";
    public static final String REQUEST_TRANSFER = "request_transfer";

    /** Facts a tool call established that the gate needs: whose data it reached, what the risk check said. */
    public record ToolFacts(boolean reachesOtherCustomer, boolean riskFlagged) {
        public static final ToolFacts NONE = new ToolFacts(false, false);
    }

    private RiskGate() {
    }

    public static RiskDecision message(String message, Intent intent) {
        List<RiskReason> reasons = new ArrayList<>();
        List<String> cues = new ArrayList<>();
        for (SignalHit hit : MessageSignals.detect(message)) {
            reasons.add(RiskReason.valueOf(hit.signal().name()));
            cues.add(hit.signal().name().toLowerCase() + ": " + hit.cue());
        }
        Emotion emotion = EmotionDetector.assess(message);
        if (emotion.strong()) {
            reasons.add(RiskReason.NEGATIVE_EMOTION);
            cues.add("emotion " + emotion.kind().name().toLowerCase() + " " + String.join(", ", emotion.cues()));
        }
        switch (intent) {
            case TRANSFER -> reasons.add(RiskReason.FUND_OPERATION);
            case BALANCE -> reasons.add(RiskReason.OWN_ACCOUNT_READ);
            case FORM_HELP -> reasons.add(RiskReason.FORM_HELP);
            default -> {
            }
        }
        return RiskDecision.of(reasons, cues);
    }

    /** Before a tool runs: the level of calling it. A red call is never executed as asked. */
    public static RiskDecision toolCall(String tool, ToolFacts facts) {
        List<RiskReason> reasons = new ArrayList<>();
        if (facts.reachesOtherCustomer()) {
            reasons.add(RiskReason.OTHER_CUSTOMER_DATA);
        }
        switch (tool) {
            case LOOKUP_BALANCE -> reasons.add(RiskReason.OWN_ACCOUNT_READ);
            case VALIDATE_FORM -> reasons.add(RiskReason.FORM_HELP);
            case CHECK_TRANSFER_RISK -> reasons.add(RiskReason.OWN_ACCOUNT_READ);
            case REQUEST_TRANSFER -> reasons.add(RiskReason.FUND_OPERATION);
            default -> reasons.add(RiskReason.PROMPT_INJECTION); // a tool we never offered: the model was steered
        }
        if (facts.riskFlagged()) {
            reasons.add(RiskReason.RISK_CHECK_FLAG);
        }
        return RiskDecision.of(reasons, List.of("tool " + tool));
    }

    /** After the answer: a product question the documents could not answer is low confidence. */
    public static RiskDecision answer(Intent intent, boolean answeredFromEvidence) {
        if (intent == Intent.PRODUCT_QUESTION && !answeredFromEvidence) {
            return RiskDecision.of(List.of(RiskReason.LOW_CONFIDENCE), List.of());
        }
        return RiskDecision.of(List.of(), List.of());
    }
}
