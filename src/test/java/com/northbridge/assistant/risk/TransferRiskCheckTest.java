package com.northbridge.assistant.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.banking.AccountView;
import com.northbridge.assistant.banking.BankingConfig;
import com.northbridge.assistant.banking.PayeeView;
import com.northbridge.assistant.banking.TransferHistory;

/** Each rule of the transfer risk check, alone, against an otherwise ordinary request. */
class TransferRiskCheckTest {

    private static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
    private static final AccountView ACCOUNT = new AccountView("6222028800000011", "class_1", "CNY", new BigDecimal("80000"),
            new BigDecimal("50000"), new BigDecimal("200000"));
    private static final PayeeView OLD_PAYEE = new PayeeView("Li Lei", "6217000000000001", "East River Bank", NOON.toInstant().minus(Duration.ofDays(200)));
    private static final TransferHistory ORDINARY = new TransferHistory(BigDecimal.ZERO, 0, 0, new BigDecimal("1500"), new BigDecimal("6000"), 24, 0,
            BigDecimal.ZERO);

    private static final BankingConfig.Rules RULES = new BankingConfig.Rules() {
        public Duration newPayeeWindow() { return Duration.ofHours(24); }
        public BigDecimal newPayeeCap() { return new BigDecimal("5000"); }
        public Duration contactChangeWindow() { return Duration.ofHours(48); }
        public BigDecimal contactChangeDailyCap() { return new BigDecimal("5000"); }
        public BigDecimal reportingThreshold() { return new BigDecimal("50000"); }
        public BigDecimal unusualHourAmount() { return new BigDecimal("10000"); }
        public int maxTransfersPerDay() { return 20; }
    };

    private static TransferRiskCheck.Assessment check(String amount, Optional<PayeeView> payee, boolean watch, TransferHistory h, Instant changed,
                                                      ZonedDateTime now) {
        return TransferRiskCheck.assess(new TransferRiskCheck.Input(new BigDecimal(amount), ACCOUNT, payee, watch, h, changed, now), RULES);
    }

    private static TransferRiskCheck.Assessment plain(String amount) {
        return check(amount, Optional.of(OLD_PAYEE), false, ORDINARY, null, NOON);
    }

    @Test
    void an_ordinary_transfer_to_a_known_payee_scores_nothing() {
        assertThat(plain("2000")).satisfies(a -> {
            assertThat(a.rules()).isEmpty();
            assertThat(a.score()).isZero();
            assertThat(a.flagged()).isFalse();
        });
    }

    @Test
    void limits_and_balance() {
        assertThat(plain("60000").rules()).contains(TransferRule.OVER_SINGLE_LIMIT);
        assertThat(check("10000", Optional.of(OLD_PAYEE), false,
                new TransferHistory(new BigDecimal("195000"), 3, 0, new BigDecimal("1500"), new BigDecimal("6000"), 24, 0, BigDecimal.ZERO), null, NOON)
                .rules()).contains(TransferRule.OVER_DAILY_LIMIT);
        assertThat(check("100", Optional.of(OLD_PAYEE), false,
                new TransferHistory(new BigDecimal("2000"), 20, 0, new BigDecimal("100"), new BigDecimal("6000"), 24, 0, BigDecimal.ZERO), null, NOON)
                .rules()).containsExactly(TransferRule.TOO_MANY_TODAY);
        assertThat(plain("90000").rules()).contains(TransferRule.INSUFFICIENT_FUNDS);
        assertThat(plain("60000").flagged()).isTrue();
    }

    @Test
    void watch_list_alone_flags() {
        TransferRiskCheck.Assessment a = check("500", Optional.of(OLD_PAYEE), true, ORDINARY, null, NOON);
        assertThat(a.rules()).containsExactly(TransferRule.WATCHLISTED_PAYEE);
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.flagged()).isTrue();
    }

    @Test
    void new_payee_scores_and_over_the_new_payee_cap_flags() {
        PayeeView added = new PayeeView("Ryan Cole", "6217000000000002", "East River Bank", NOON.toInstant().minus(Duration.ofHours(2)));
        TransferRiskCheck.Assessment small = check("1000", Optional.of(added), false, ORDINARY, null, NOON);
        assertThat(small.rules()).containsExactly(TransferRule.NEW_PAYEE);
        assertThat(small.flagged()).isFalse();
        assertThat(check("1000", Optional.empty(), false, ORDINARY, null, NOON).rules()).containsExactly(TransferRule.NEW_PAYEE);
        TransferRiskCheck.Assessment large = check("8000", Optional.of(added), false, ORDINARY, null, NOON);
        assertThat(large.rules()).contains(TransferRule.NEW_PAYEE, TransferRule.NEW_PAYEE_CAP);
        assertThat(large.flagged()).isTrue();
    }

    @Test
    void velocity() {
        TransferHistory busy = new TransferHistory(new BigDecimal("3000"), 3, 3, new BigDecimal("1500"), new BigDecimal("6000"), 24, 0, BigDecimal.ZERO);
        assertThat(check("500", Optional.of(OLD_PAYEE), false, busy, null, NOON).rules()).containsExactly(TransferRule.VELOCITY);
    }

    @Test
    void a_large_transfer_at_three_in_the_morning() {
        assertThat(check("12000", Optional.of(OLD_PAYEE), false, ORDINARY, null, NOON.withHour(3)).rules()).contains(TransferRule.UNUSUAL_HOUR);
        assertThat(check("9000", Optional.of(OLD_PAYEE), false, ORDINARY, null, NOON.withHour(3)).rules()).doesNotContain(TransferRule.UNUSUAL_HOUR);
    }

    @Test
    void far_above_the_customers_history() {
        assertThat(plain("19000").rules()).containsExactly(TransferRule.FAR_ABOVE_HISTORY);
        assertThat(plain("17000").rules()).isEmpty();
    }

    @Test
    void round_amounts_just_under_the_reporting_threshold() {
        assertThat(plain("49500").rules()).contains(TransferRule.STRUCTURING);
        assertThat(plain("49500").flagged()).isTrue();
        assertThat(plain("49876").rules()).doesNotContain(TransferRule.STRUCTURING);
        TransferHistory splitting = new TransferHistory(BigDecimal.ZERO, 0, 0, new BigDecimal("1500"), new BigDecimal("49800"), 24, 3, BigDecimal.ZERO);
        assertThat(check("49876", Optional.of(OLD_PAYEE), false, splitting, null, NOON).rules()).contains(TransferRule.STRUCTURING);
        assertThat(plain("30000").rules()).doesNotContain(TransferRule.STRUCTURING);
    }

    @Test
    void large_transfer_soon_after_a_contact_change() {
        Instant yesterday = NOON.toInstant().minus(Duration.ofHours(20));
        assertThat(check("6000", Optional.of(OLD_PAYEE), false, ORDINARY, yesterday, NOON).rules()).contains(TransferRule.AFTER_CONTACT_CHANGE);
        assertThat(check("3000", Optional.of(OLD_PAYEE), false, ORDINARY, yesterday, NOON).rules()).doesNotContain(TransferRule.AFTER_CONTACT_CHANGE);
        Instant lastWeek = NOON.toInstant().minus(Duration.ofDays(7));
        assertThat(check("12000", Optional.of(OLD_PAYEE), false, ORDINARY, lastWeek, NOON).rules()).contains(TransferRule.AFTER_CONTACT_CHANGE);
        Instant lastYear = NOON.toInstant().minus(Duration.ofDays(300));
        assertThat(check("12000", Optional.of(OLD_PAYEE), false, ORDINARY, lastYear, NOON).rules()).doesNotContain(TransferRule.AFTER_CONTACT_CHANGE);
    }
}
