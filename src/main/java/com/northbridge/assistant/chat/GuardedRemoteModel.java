package com.northbridge.assistant.chat;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import com.northbridge.assistant.guard.PiiShield;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * A call to the remote model with every guard a customer-facing call needs: a timeout, retries with
 * backoff only for failures that may pass (429, 5xx, time-outs, lost connections), a circuit breaker that
 * stops calling a model that keeps failing, a bulkhead, and a fallback to the offline engine, so a
 * customer never sees an error page because of the model. The HTTP client's own time-out
 * (assistant.model.timeout, shorter than the guard's) is what actually ends a slow call: the client does not
 * stop on an interrupt. All attempts together stay within 30 s.
 */
@ApplicationScoped
public class GuardedRemoteModel {

    private static final Logger LOG = Logger.getLogger(GuardedRemoteModel.class);

    private final ChatModel remote;
    private final ChatModel offline;

    public GuardedRemoteModel(AssistantConfig config, PromptLibrary prompts) {
        AssistantConfig.Model model = config.model();
        this.offline = new OfflineChatModel(prompts);
        this.remote = OpenAiModels.chat(model).orElse(null);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 200, maxDuration = 30_000)
    @ExponentialBackoff(factor = 2, maxDelay = 4000)
    @RetryWhen(exception = RetryableModelFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    @Bulkhead(64) // as many as guard.max-concurrent-turns: a turn the service accepted is not refused here
    @Fallback(fallbackMethod = "offline")
    public ChatResponse chat(ChatRequest request) {
        if (remote == null) {
            return offline.chat(request);
        }
        // Personal data never leaves for the remote model; its placeholders come back as the originals. The
        // fallback below gets the original request: the offline engine runs in process.
        PiiShield shield = new PiiShield();
        return shield.unmask(remote.chat(shield.mask(request)));
    }

    ChatResponse offline(ChatRequest request, Throwable failure) {
        LOG.warnf("Remote model failed (%s); the offline engine answers", failure.toString());
        return offline.chat(request);
    }
}
