package com.northbridge.assistant.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Masks resident IDs, card and account numbers, IBANs, mobile numbers and e-mail addresses before a request
 * leaves for a remote model, as placeholders such as [CARD_1], and puts the originals back into what the
 * model returns (its text and its tool-call arguments), so a transfer to a masked account still reaches the
 * right account. One shield per model call: the placeholders mean nothing outside it.
 */
public final class PiiShield {

    /** One kind of personal data; {@link Identifiers} reads answers with the same patterns. */
    record Kind(String label, Pattern pattern) {
    }

    /** Longest first: an 18-character ID must not be taken for a card number, a card number not for a phone. */
    static final List<Kind> KINDS = List.of(
            new Kind("EMAIL", Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")),
            new Kind("IBAN", Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b")),
            new Kind("ID", Pattern.compile("(?<![\\dA-Za-z])\\d{6}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![\\dA-Za-z])")),
            new Kind("CARD", Pattern.compile("(?<![\\d*])\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?(?!\\d)")),
            new Kind("PHONE", Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)")));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(EMAIL|IBAN|ID|CARD|PHONE)_(\\d+)]");

    private final Map<String, String> toPlaceholder = new LinkedHashMap<>();
    private final Map<String, String> toOriginal = new LinkedHashMap<>();

    /** The text with every piece of personal data replaced by its placeholder. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String original = m.group();
                String placeholder = toPlaceholder.computeIfAbsent(original, o -> {
                    long n = toPlaceholder.keySet().stream().filter(k -> toPlaceholder.get(k).startsWith("[" + kind.label() + "_")).count() + 1;
                    String p = "[" + kind.label() + "_" + n + "]";
                    toOriginal.put(p, o);
                    return p;
                });
                m.appendReplacement(sb, Matcher.quoteReplacement(placeholder));
            }
            out = m.appendTail(sb).toString();
        }
        return out;
    }

    /** The text with every placeholder of this shield replaced by the original. */
    public String unmask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(toOriginal.getOrDefault(m.group(), m.group())));
        }
        return m.appendTail(sb).toString();
    }

    public ChatRequest mask(ChatRequest request) {
        List<ChatMessage> masked = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                masked.add(SystemMessage.from(mask(s.text())));
            } else if (m instanceof UserMessage u) {
                masked.add(UserMessage.from(mask(u.singleText())));
            } else if (m instanceof AiMessage a) {
                List<ToolExecutionRequest> calls = a.hasToolExecutionRequests() ? a.toolExecutionRequests().stream()
                        .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(mask(c.arguments())).build()).toList() : List.of();
                masked.add(calls.isEmpty() ? AiMessage.from(mask(a.text())) : a.text() == null ? AiMessage.from(calls) : AiMessage.from(mask(a.text()), calls));
            } else if (m instanceof ToolExecutionResultMessage t) {
                masked.add(ToolExecutionResultMessage.from(t.id(), t.toolName(), mask(t.text())));
            } else {
                masked.add(m);
            }
        }
        return request.toBuilder().messages(masked).build();
    }

    public ChatResponse unmask(ChatResponse response) {
        AiMessage a = response.aiMessage();
        List<ToolExecutionRequest> calls = a.hasToolExecutionRequests() ? a.toolExecutionRequests().stream()
                .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(unmask(c.arguments())).build()).toList() : List.of();
        AiMessage restored = calls.isEmpty() ? AiMessage.from(unmask(a.text())) : a.text() == null ? AiMessage.from(calls) : AiMessage.from(unmask(a.text()), calls);
        return response.toBuilder().aiMessage(restored).build();
    }

    /**
     * Streamed text with placeholders restored: a piece that may end inside a placeholder ("[CA") is held
     * back until the placeholder is complete. Call {@code flush} with the returned consumer at the end.
     */
    public StreamUnmasker streaming(java.util.function.Consumer<String> downstream) {
        return new StreamUnmasker(downstream);
    }

    public final class StreamUnmasker implements java.util.function.Consumer<String> {
        private final java.util.function.Consumer<String> downstream;
        private final StringBuilder held = new StringBuilder();

        private StreamUnmasker(java.util.function.Consumer<String> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void accept(String piece) {
            held.append(piece);
            int open = held.lastIndexOf("[");
            boolean partial = open >= 0 && held.indexOf("]", open) < 0 && held.length() - open <= 12;
            String ready = partial ? held.substring(0, open) : held.toString();
            held.delete(0, ready.length());
            if (!ready.isEmpty()) {
                downstream.accept(unmask(ready));
            }
        }

        public void flush() {
            if (held.length() > 0) {
                downstream.accept(unmask(held.toString()));
                held.setLength(0);
            }
        }
    }

    /** How many distinct values were masked: for tests and logs, never the values themselves. */
    public int masked() {
        return toOriginal.size();
    }
}
