package com.northbridge.assistant.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;

/**
 * Which failures of a remote model are worth another try: rate limits (429), server errors (5xx) and lost
 * connections. A rejected request (400), bad credentials or an unknown model fail the same way every time,
 * so they go straight to the fallback; so does a time-out, because the customer has already waited the
 * whole time-out once and a second wait would double it.
 */
public class RetryableModelFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NonRetriableException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || t instanceof HttpTimeoutException || t instanceof InterruptedException
                    || t instanceof java.io.InterruptedIOException) {
                return false;
            }
            if (t instanceof RetriableException || t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
