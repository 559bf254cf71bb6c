package com.northbridge.assistant.risk;

import java.util.List;

/** How upset a message reads, and the words that say so. */
public record Emotion(Kind kind, double intensity, List<String> cues) {

    public enum Kind { NONE, FRUSTRATION, ANGER, ANXIETY }

    public boolean strong() {
        return intensity >= 0.7;
    }
}
