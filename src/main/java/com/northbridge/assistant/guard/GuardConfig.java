package com.northbridge.assistant.guard;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits that keep one caller, or a crowd, from exhausting the assistant, and what answers may always show. */
@ConfigMapping(prefix = "guard")
public interface GuardConfig {

    /** Chat turns one customer may start per minute. */
    @WithDefault("30")
    int customerTurnsPerMinute();

    /** Chat turns in progress at once across all customers; beyond it callers get 429 rather than a queue. */
    @WithDefault("64")
    int maxConcurrentTurns();

    /**
     * The bank's own public numbers and addresses (hotline, complaints address): an answer may always show
     * them, whatever customer data they might also match.
     */
    @WithDefault("400-600-1234,complaints@northbridge-bank.example")
    List<String> publicContacts();
}
