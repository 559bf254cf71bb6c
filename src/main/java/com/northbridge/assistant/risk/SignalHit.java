package com.northbridge.assistant.risk;

/** A signal and the text that raised it. */
public record SignalHit(Signal signal, String cue) {
}
