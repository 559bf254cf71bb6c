/**
 * The append-only audit log: every tool call, gate decision, case state change and reviewer action, with
 * who, when and what, chained by hashes so that a changed or missing entry is found by {@code verify}.
 */
package com.northbridge.assistant.audit;
