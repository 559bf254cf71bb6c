package com.northbridge.assistant.knowledge;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after what they do ("knowledge-parse-1"), for logs and profiles. */
final class NamedThreads {

    private NamedThreads() {
    }

    static ThreadFactory of(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
