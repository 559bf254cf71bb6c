package com.northbridge.assistant.risk;

import java.util.Objects;

/** A signal found in a message and the text that triggered it, for a reviewer to read. */
public record SignalHit(Signal signal, String cue) {

    public SignalHit {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(cue, "cue");
    }
}
