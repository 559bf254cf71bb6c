package com.northbridge.assistant.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.northbridge.assistant.banking.AccountView;
import com.northbridge.assistant.banking.BankingConfig;
import com.northbridge.assistant.banking.PayeeView;
import com.northbridge.assistant.banking.TransferHistory;

/**
 * The transfer risk check: pure rules over one request and the customer's history, so every rule has its
 * own unit test. The numbers come from {@link BankingConfig.Rules} and the account's own limits.
 */
public final class TransferRiskCheck {

    public static final int FLAG_SCORE = 50;
    /** "Far above history": this many times the largest transfer of the last twelve months ... */
    private static final BigDecimal TIMES_MAX = new BigDecimal("3");
    /** ... and at least this much, so a first-ever 300 yuan transfer is not alarming. */
    private static final BigDecimal FAR_ABOVE_FLOOR = new BigDecimal("5000");
    private static final int VELOCITY_PER_HOUR = 3;
    /** A large transfer within this many days of a contact change is the classic account-takeover pattern. */
    private static final int CONTACT_CHANGE_DAYS = 30;

    /** Everything the rules look at. {@code savedPayee} is empty when the payee is not among the customer's payees. */
    public record Input(BigDecimal amount, AccountView from, Optional<PayeeView> savedPayee, boolean watchListed,
                        TransferHistory history, Instant contactChangedAt, ZonedDateTime now) {
    }

    public record Assessment(int score, boolean flagged, List<TransferRule> rules) {

        public List<String> codes() {
            return rules.stream().map(TransferRule::code).toList();
        }
    }

    private TransferRiskCheck() {
    }

    public static Assessment assess(Input in, BankingConfig.Rules rules) {
        List<TransferRule> hits = new ArrayList<>();
        BigDecimal amount = in.amount();
        TransferHistory h = in.history();
        if (amount.compareTo(in.from().singleLimit()) > 0) {
            hits.add(TransferRule.OVER_SINGLE_LIMIT);
        }
        if (h.outgoingToday().add(amount).compareTo(in.from().dailyLimit()) > 0) {
            hits.add(TransferRule.OVER_DAILY_LIMIT);
        }
        if (h.countToday() >= rules.maxTransfersPerDay()) {
            hits.add(TransferRule.TOO_MANY_TODAY);
        }
        if (amount.compareTo(in.from().balance()) > 0) {
            hits.add(TransferRule.INSUFFICIENT_FUNDS);
        }
        if (in.watchListed()) {
            hits.add(TransferRule.WATCHLISTED_PAYEE);
        }
        Instant now = in.now().toInstant();
        boolean newPayee = in.savedPayee().map(p -> p.addedAt().plus(rules.newPayeeWindow()).isAfter(now)).orElse(true);
        if (newPayee) {
            hits.add(TransferRule.NEW_PAYEE);
            if (amount.compareTo(rules.newPayeeCap()) > 0) {
                hits.add(TransferRule.NEW_PAYEE_CAP);
            }
        }
        if (h.countLastHour() >= VELOCITY_PER_HOUR) {
            hits.add(TransferRule.VELOCITY);
        }
        if (in.now().getHour() < 6 && amount.compareTo(rules.unusualHourAmount()) > 0) {
            hits.add(TransferRule.UNUSUAL_HOUR);
        }
        if (amount.compareTo(FAR_ABOVE_FLOOR) >= 0 && amount.compareTo(h.max12Months().multiply(TIMES_MAX)) > 0) {
            hits.add(TransferRule.FAR_ABOVE_HISTORY);
        }
        if (structuring(amount, h, rules.reportingThreshold())) {
            hits.add(TransferRule.STRUCTURING);
        }
        if (in.contactChangedAt() != null && in.contactChangedAt().plus(java.time.Duration.ofDays(CONTACT_CHANGE_DAYS)).isAfter(now)) {
            boolean withinCap = in.contactChangedAt().plus(rules.contactChangeWindow()).isAfter(now)
                    && h.outgoingToday().add(amount).compareTo(rules.contactChangeDailyCap()) > 0;
            boolean firstLarge = amount.compareTo(rules.unusualHourAmount()) >= 0 && amount.compareTo(h.largestSinceContactChange()) > 0;
            if (withinCap || firstLarge) {
                hits.add(TransferRule.AFTER_CONTACT_CHANGE);
            }
        }
        int score = Math.min(100, hits.stream().mapToInt(TransferRule::points).sum());
        return new Assessment(score, score >= FLAG_SCORE, List.copyOf(hits));
    }

    /**
     * Just under the threshold (the top tenth below it) and either a round amount or the latest of several
     * such transfers: splitting to stay under the reporting line is itself suspicious.
     */
    static boolean structuring(BigDecimal amount, TransferHistory h, BigDecimal threshold) {
        boolean justUnder = amount.compareTo(threshold) < 0 && amount.compareTo(threshold.multiply(new BigDecimal("0.9"))) >= 0;
        boolean round = amount.remainder(new BigDecimal("500")).signum() == 0;
        return justUnder && (round || h.justUnderThreshold30Days() >= 2);
    }
}
