package com.northbridge.assistant.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service levels of review and the share of yellow turns sampled into it. */
@ConfigMapping(prefix = "review")
public interface ReviewConfig {

    /** Red cases: the documents promise 30 minutes for transfer requests during business hours. */
    @WithDefault("PT30M")
    Duration slaRed();

    @WithDefault("P1D")
    Duration slaYellow();

    /** The longest reply a member of staff may write to a handed-off conversation, in characters. */
    @WithDefault("2000")
    int replyMaxLength();

    /** Share of yellow turns that become a sample case, in [0, 1]. */
    @WithDefault("0.1")
    double yellowSampleRate();
}
