package com.northbridge.assistant.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.tools.CardNumber;
import com.northbridge.assistant.tools.ResidentId;

import io.quarkus.test.junit.QuarkusTest;

/** The demo bank: enough people and history to be realistic, consistent books, and the risky patterns. */
@QuarkusTest
class DemoBankTests {

    @Inject
    DataSource dataSource;

    @Inject
    CoreBanking core;

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Instant seededAt() throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT seeded_at FROM demo_seed")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    @Test
    void at_least_twenty_customers_with_a_year_of_transactions() throws Exception {
        assertThat(count("SELECT count(*) FROM customer")).isGreaterThanOrEqualTo(20);
        assertThat(count("SELECT count(*) FROM staff")).isGreaterThanOrEqualTo(3);
        assertThat(count("""
                SELECT count(*) FROM customer c WHERE (SELECT min(booked_at) FROM ledger_entry l JOIN account a ON a.id = l.account_id
                WHERE a.customer_id = c.id) < (SELECT seeded_at FROM demo_seed) - interval '360 days'""")).isGreaterThanOrEqualTo(20);
        assertThat(count("SELECT count(*) FROM ledger_entry")).isGreaterThan(20L * 12 * 10);
    }

    @Test
    void every_balance_is_the_balance_after_its_latest_entry() throws Exception {
        // Latest written, not latest dated: tests move earlier runs' transfers to yesterday.
        assertThat(count("""
                SELECT count(*) FROM account a WHERE EXISTS (SELECT 1 FROM ledger_entry WHERE account_id = a.id) AND a.balance <>
                (SELECT balance_after FROM ledger_entry l WHERE l.account_id = a.id ORDER BY id DESC LIMIT 1)""")).isZero();
        assertThat(count("SELECT count(*) FROM account WHERE balance < 0")).isZero();
    }

    @Test
    void demo_identities_pass_the_same_checks_as_real_ones() throws Exception {
        for (DemoBank.Person p : DemoBank.PEOPLE) {
            assertThat(com.northbridge.assistant.tools.MobileNumber.valid(core.customer(p.id()).orElseThrow().mobile())).as(p.id()).isTrue();
        }
        for (DemoBank.Person p : DemoBank.PEOPLE) {
            assertThat(CardNumber.valid(DemoBank.mainAccount(p.id()))).as(p.id()).isTrue();
            assertThat(ResidentId.valid(DemoBank.residentId(Integer.parseInt(p.id().substring(1))))).as(p.id()).isTrue();
        }
    }

    @Test
    void the_risky_patterns_are_there_as_of_seeding() throws Exception {
        Instant seeded = seededAt();
        assertThat(core.history("c005", seeded).justUnderThreshold30Days()).isGreaterThanOrEqualTo(2);
        assertThat(core.history("c008", seeded).countLastHour()).isGreaterThanOrEqualTo(3);
        assertThat(core.customer("c006").orElseThrow().contactChangedAt()).isAfter(seeded.minus(Duration.ofDays(2)));
        assertThat(core.payees("c007").stream().anyMatch(p -> core.watchListed(p.accountNumber()))).isTrue();
        assertThat(core.payees("c010").stream().anyMatch(p -> p.addedAt().isAfter(seeded.minus(Duration.ofHours(24))))).isTrue();
        assertThat(core.history("c009", seeded).max12Months()).isLessThan(new java.math.BigDecimal("1000"));
        assertThat(Timestamp.from(seeded)).isNotNull();
    }
}
