/**
 * The risk gate: the policy table (RiskReason), the code that applies it (RiskGate), the transfer risk check,
 * and the lexicon-and-pattern detectors for message signals, prompt injection and emotion. Code, not the
 * model: nothing a model writes is an input here.
 */
package com.northbridge.assistant.risk;
