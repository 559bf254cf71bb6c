package com.northbridge.assistant.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.api.ApiException;

/**
 * A sliding one-minute window of turns per customer and a cap on turns in progress. Both answer 429 with
 * Retry-After before anything is stored, so a refused message is simply not taken, never half-taken.
 */
@ApplicationScoped
public class TurnLimits {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    /** A running turn's place; closing it frees the place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final GuardConfig config;
    private final Semaphore running;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public TurnLimits(GuardConfig config) {
        this.config = config;
        this.running = new Semaphore(config.maxConcurrentTurns());
    }

    public Permit acquire(String customerId) {
        long now = System.nanoTime();
        Deque<Long> window = recent.computeIfAbsent(customerId, id -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() > MINUTE_NANOS) {
                window.pollFirst();
            }
            if (window.size() >= config.customerTurnsPerMinute()) {
                int wait = (int) Math.ceil((MINUTE_NANOS - (now - window.peekFirst())) / 1e9);
                throw ApiException.tooMany("rate_limited", "You have sent " + config.customerTurnsPerMinute()
                        + " messages in the last minute; please wait " + wait + " seconds and send it again.", wait);
            }
            window.addLast(now);
        }
        if (!running.tryAcquire()) {
            throw ApiException.tooMany("busy", "The assistant is answering many customers right now; please send your message again in a few seconds.", 2);
        }
        return running::release;
    }
}
