package com.northbridge.assistant.banking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bank-wide transfer rules (the numbers our own documents state, see knowledge-docs/) and the embedded
 * core's demo data. Per-account single and daily limits live with the account.
 */
@ConfigMapping(prefix = "banking")
public interface BankingConfig {

    /** The bank's local time: days, "today's total" and unusual hours are counted in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Seed the deterministic demo customers, accounts and 12 months of transactions into an empty database. */
    @WithDefault("false")
    boolean demoData();

    Rules rules();

    interface Rules {
        /** Transfers to a payee added less than this long ago are capped at {@link #newPayeeCap()} in total. */
        @WithDefault("PT24H")
        Duration newPayeeWindow();

        @WithDefault("5000")
        BigDecimal newPayeeCap();

        /** After a change of mobile number or password, transfers are capped per day for this long. */
        @WithDefault("PT48H")
        Duration contactChangeWindow();

        @WithDefault("5000")
        BigDecimal contactChangeDailyCap();

        /** Splitting amounts to stay under this reporting threshold is itself suspicious. */
        @WithDefault("50000")
        BigDecimal reportingThreshold();

        /** Transfers over this amount between midnight and 06:00 get an extra check. */
        @WithDefault("10000")
        BigDecimal unusualHourAmount();

        @WithDefault("20")
        int maxTransfersPerDay();
    }
}
