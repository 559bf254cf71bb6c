package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;

class RetryableModelFailureTest {

    private final RetryableModelFailure retryable = new RetryableModelFailure();

    @Test
    void retries_rate_limits_server_errors_and_lost_connections() {
        assertThat(retryable.test(new RateLimitException("429"))).isTrue();
        assertThat(retryable.test(new InternalServerException("500"))).isTrue();
        assertThat(retryable.test(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void never_retries_what_fails_the_same_way_again_or_has_used_up_the_customers_time() {
        assertThat(retryable.test(new InvalidRequestException("400"))).isFalse();
        assertThat(retryable.test(new AuthenticationException("401"))).isFalse();
        assertThat(retryable.test(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException())).isFalse();
        assertThat(retryable.test(new RuntimeException(new HttpTimeoutException("slow")))).isFalse();
        assertThat(retryable.test(new dev.langchain4j.exception.TimeoutException("slow"))).isFalse();
        assertThat(retryable.test(new RuntimeException(new java.io.InterruptedIOException()))).isFalse();
        assertThat(retryable.test(new IllegalStateException("a bug of ours"))).isFalse();
    }
}
