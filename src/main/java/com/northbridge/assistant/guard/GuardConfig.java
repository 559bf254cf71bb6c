package com.northbridge.assistant.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits that keep one caller, or a crowd, from exhausting the assistant. */
@ConfigMapping(prefix = "guard")
public interface GuardConfig {

    /** Chat turns one customer may start per minute. */
    @WithDefault("30")
    int customerTurnsPerMinute();

    /** Chat turns in progress at once across all customers; beyond it callers get 429 rather than a queue. */
    @WithDefault("64")
    int maxConcurrentTurns();
}
