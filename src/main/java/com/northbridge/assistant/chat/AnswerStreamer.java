package com.northbridge.assistant.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.guard.PiiShield;

import org.jboss.logging.Logger;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * Streams an answer as it is written. A remote model streams through langchain4j's OpenAI streaming
 * client, bounded by the model time-out for the whole answer; when it fails the offline engine answers
 * instead (after a reset, if some text had already gone out). The offline engine's answer is ready at
 * once and is sent in word-sized pieces, so clients handle both the same way.
 */
@ApplicationScoped
public class AnswerStreamer {

    private static final Logger LOG = Logger.getLogger(AnswerStreamer.class);
    /** A word with its following space, a run of up to two Han characters, or a single other character. */
    private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{N}&&[^\\p{IsHan}]]+\\s*|\\p{IsHan}{1,2}|\\S\\s*|\\s+");

    private final OfflineChatModel offline;
    private final StreamingChatModel remote;
    private final long timeoutMillis;

    public AnswerStreamer(AssistantConfig config, PromptLibrary prompts) {
        AssistantConfig.Model model = config.model();
        this.offline = new OfflineChatModel(prompts);
        this.timeoutMillis = model.timeout().toMillis();
        this.remote = OpenAiModels.streaming(model).orElse(null);
    }

    public ChatResponse stream(ChatRequest request, Consumer<String> tokens, Runnable reset) {
        if (remote != null) {
            AtomicBoolean sent = new AtomicBoolean();
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            PiiShield shield = new PiiShield(); // personal data never leaves for the remote model
            PiiShield.StreamUnmasker unmasked = shield.streaming(tokens);
            try {
                remote.chat(shield.mask(request), new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partial) {
                        if (!done.isDone()) {
                            sent.set(true);
                            unmasked.accept(partial);
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
                ChatResponse response = shield.unmask(done.get(timeoutMillis, TimeUnit.MILLISECONDS));
                unmasked.flush();
                return response;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while streaming from the remote model; the offline engine answers");
            } catch (Exception e) {
                LOG.warnf("Remote streaming failed (%s); the offline engine answers", e.toString());
            }
            done.cancel(false); // late pieces of the failed stream are dropped
            if (sent.get()) {
                reset.run();
            }
        }
        ChatResponse response = offline.chat(request);
        if (response.aiMessage().text() == null) {
            return response; // a tool call: nothing to show yet
        }
        Matcher m = PIECE.matcher(response.aiMessage().text());
        while (m.find()) {
            tokens.accept(m.group());
        }
        return response;
    }
}
