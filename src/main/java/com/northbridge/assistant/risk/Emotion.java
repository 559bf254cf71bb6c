package com.northbridge.assistant.risk;

import java.util.List;
import java.util.Objects;

/** The strongest negative emotion in a message, how strong it is (0 to 1), and the words that showed it. */
public record Emotion(Kind kind, double intensity, List<String> cues) {

    /** At this intensity a person takes over: the customer is past what a calm automatic answer helps with. */
    public static final double STRONG = 0.7;

    public static final Emotion NONE = new Emotion(Kind.NONE, 0, List.of());

    public enum Kind {
        NONE, FRUSTRATION, ANGER, ANXIETY
    }

    public Emotion {
        Objects.requireNonNull(kind, "kind");
        if (intensity < 0 || intensity > 1 || Double.isNaN(intensity)) {
            throw new IllegalArgumentException("intensity must be within [0, 1]: " + intensity);
        }
        cues = List.copyOf(cues);
    }

    public boolean strong() {
        return intensity >= STRONG;
    }
}
