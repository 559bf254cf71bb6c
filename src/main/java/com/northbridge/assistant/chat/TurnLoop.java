package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchHit;
import com.northbridge.assistant.knowledge.SearchResult;
import com.northbridge.assistant.text.Language;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One customer turn, step by step: store the message (before anything can fail), hand over to a person
 * when asked, retrieve evidence, build the prompt from prompts/, call the model, keep only citations of
 * passages that were really given, store the answer with what made it. Tools and the risk gate plug in
 * between the model call and the stored answer.
 */
@ApplicationScoped
public class TurnLoop {

    private static final Pattern CITED = Pattern.compile("\\[(K[0-9a-z]{6,40})]");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{1,19}");
    /** A short follow-up ("and for a foreign account?") is searched together with the previous question. */
    private static final int FOLLOW_UP_LENGTH = 24;

    private final ChatModel model;
    private final AnswerStreamer streamer;
    private final TranscriptMemoryStore memoryStore;
    private final PromptLibrary prompts;
    private final HybridRetriever retriever;
    private final AssistantConfig config;

    public TurnLoop(ChatModel model, AnswerStreamer streamer, TranscriptMemoryStore memoryStore, PromptLibrary prompts,
                    HybridRetriever retriever, AssistantConfig config) {
        this.model = model;
        this.streamer = streamer;
        this.memoryStore = memoryStore;
        this.prompts = prompts;
        this.retriever = retriever;
        this.config = config;
    }

    /** A turn up to the model call: the stored message, the evidence and the request for the model. */
    private record Prepared(UUID conversationId, Language language, Intent intent, List<SearchHit> hits, ChatRequest request,
                            List<String> promptRefs) {
    }

    public ChatReply turn(ChatRequestBody body) {
        Prepared turn = prepare(body);
        if (turn.request() == null) {
            return handOff(turn);
        }
        long start = System.nanoTime();
        ChatResponse response = model.chat(turn.request());
        return complete(turn, response, (int) ((System.nanoTime() - start) / 1_000_000));
    }

    /**
     * The same turn with the answer streamed: {@code tokens} receives the text as the model writes it, and
     * {@code reset} is called when a failing remote model is replaced by the offline engine after some text
     * was already sent (the client then clears what it showed).
     */
    public ChatReply stream(ChatRequestBody body, Consumer<String> tokens, Runnable reset) {
        Prepared turn = prepare(body);
        if (turn.request() == null) {
            ChatReply reply = handOff(turn);
            tokens.accept(reply.answer());
            return reply;
        }
        long start = System.nanoTime();
        ChatResponse response = streamer.stream(turn.request(), tokens, reset);
        return complete(turn, response, (int) ((System.nanoTime() - start) / 1_000_000));
    }

    private Prepared prepare(ChatRequestBody request) {
        String message = validate(request);
        Language language = Language.detect(message);
        String channel = request.channel() == null || request.channel().isBlank() ? "app" : request.channel().strip();
        Conversation conversation = QuarkusTransaction.requiringNew().call(() -> storeCustomerMessage(request, channel, message, language));

        Intent intent = IntentClassifier.classify(message);
        if (intent == Intent.HANDOFF) {
            return new Prepared(conversation.id, language, intent, List.of(), null, List.of(prompts.get("handoff").reference()));
        }

        List<ChatMessage> history = memory(conversation.id);
        SearchResult evidence = retriever.search(searchQuery(message, history), config.sources(), SearchFilter.language(language));
        List<SearchHit> hits = evidence.relevant() ? evidence.hits() : List.of();
        List<Source> sources = hits.stream().map(h -> new Source(h.citationId(), h.citation(), h.text())).toList();

        Prompt system = prompts.get("system");
        Prompt user = prompts.get("answer-with-sources");
        ChatRequest chat = ChatRequest.builder().messages(
                SystemMessage.from(system.render(Map.of("language", language == Language.ZH ? "Chinese" : "English"))),
                UserMessage.from(user.render(Map.of(
                        "sources", SourcesBlock.render(sources),
                        "history", historyText(history),
                        "question", message))))
                .build();
        return new Prepared(conversation.id, language, intent, hits, chat, List.of(system.reference(), user.reference()));
    }

    private ChatReply handOff(Prepared turn) {
        return answer(turn.conversationId(), turn.language(), turn.intent(), prompts.get("handoff").in(turn.language()), List.of(),
                null, true, null, turn.promptRefs(), 0);
    }

    private ChatReply complete(Prepared turn, ChatResponse response, int latency) {
        String text = response.aiMessage().text();
        List<Citation> citations = citations(text, turn.hits());
        boolean noEvidence = citations.isEmpty() && turn.intent() == Intent.PRODUCT_QUESTION;
        return answer(turn.conversationId(), turn.language(), turn.intent(), text, citations, response, false, noEvidence,
                turn.promptRefs(), latency);
    }

    private ChatReply answer(UUID conversationId, Language language, Intent intent, String text, List<Citation> citations,
                             ChatResponse response, boolean handOff, Boolean failed, List<String> promptRefs, int latency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = Conversation.findById(conversationId);
            boolean handedOff = handOff;
            String answer = text;
            if (failed != null) {
                conversation.failedAnswers = failed ? conversation.failedAnswers + 1 : 0;
                if (conversation.failedAnswers >= config.failedAnswersBeforeHandoff()) {
                    // Repeated answers without evidence: a person takes over rather than a third "I don't know".
                    handedOff = true;
                    answer = text + "\n\n" + prompts.get("handoff").in(language);
                }
            }
            if (handedOff) {
                conversation.state = Conversation.HANDED_OFF;
            }
            conversation.updatedAt = Instant.now();
            ConversationMessage m = new ConversationMessage();
            m.id = UUID.randomUUID();
            m.conversationId = conversationId;
            m.seq = ConversationMessage.nextSeq(conversationId);
            m.role = ConversationMessage.ASSISTANT;
            m.content = answer;
            m.language = language.code();
            m.createdAt = Instant.now();
            m.intent = intent.name().toLowerCase();
            m.citations = citations;
            m.model = response == null ? null : response.modelName();
            m.prompts = String.join(",", promptRefs);
            if (response != null && response.tokenUsage() != null) {
                m.inputTokens = response.tokenUsage().inputTokenCount();
                m.outputTokens = response.tokenUsage().outputTokenCount();
            }
            m.latencyMs = latency;
            m.persist();
            return new ChatReply(conversationId, m.id, answer, language.code(), citations, m.intent,
                    Conversation.HANDED_OFF.equals(conversation.state), m.model, notice(response, language));
        });
    }

    /** Set when a remote model is configured but the offline engine had to answer. */
    private String notice(ChatResponse response, Language language) {
        boolean fellBack = response != null && config.model().provider() != AssistantConfig.Model.Provider.OFFLINE
                && OfflineChatModel.MODEL_NAME.equals(response.modelName());
        return fellBack ? prompts.get("fallback-notice").in(language) : null;
    }

    /** Checks a request without storing anything; the message as it will be stored. */
    String validate(ChatRequestBody request) {
        if (request == null) {
            throw ApiException.badRequest("message", "Send a JSON body with the message.");
        }
        String message = request.message() == null ? "" : request.message().strip();
        if (message.isEmpty()) {
            throw ApiException.badRequest("message", "The message is empty.");
        }
        if (message.length() > config.maxMessageLength()) {
            throw ApiException.badRequest("message", "The message is longer than " + config.maxMessageLength() + " characters.");
        }
        if (request.channel() != null && !request.channel().isBlank() && !CHANNEL.matcher(request.channel().strip()).matches()) {
            throw ApiException.badRequest("channel", "channel is a short lower-case name such as app or web.");
        }
        return message;
    }

    private Conversation storeCustomerMessage(ChatRequestBody request, String channel, String message, Language language) {
        Conversation conversation;
        if (request.conversationId() != null) {
            conversation = Conversation.findById(request.conversationId());
            if (conversation == null) {
                throw ApiException.notFound("conversation", "There is no conversation " + request.conversationId() + "; leave conversationId out to start one.");
            }
        } else {
            conversation = new Conversation();
            conversation.id = UUID.randomUUID();
            conversation.customerId = request.customerId();
            conversation.channel = channel;
            conversation.state = Conversation.ACTIVE;
            conversation.createdAt = Instant.now();
            if (request.customerId() != null && !request.customerId().isBlank()) {
                // The customer continues elsewhere: what they discussed on the other channel comes along.
                conversation.carriedSummary = Conversation.latestElsewhere(request.customerId(), channel)
                        .map(previous -> ConversationSummary.of(previous, ConversationMessage.of(previous.id)))
                        .orElse(null);
            }
        }
        conversation.language = language.code();
        conversation.updatedAt = Instant.now();
        conversation.persist();
        ConversationMessage m = new ConversationMessage();
        m.id = UUID.randomUUID();
        m.conversationId = conversation.id;
        m.seq = ConversationMessage.nextSeq(conversation.id);
        m.role = ConversationMessage.CUSTOMER;
        m.content = message;
        m.language = language.code();
        m.createdAt = Instant.now();
        m.persist();
        return conversation;
    }

    /** The conversation as langchain4j's chat memory sees it, through our transcript store. */
    private List<ChatMessage> memory(UUID conversationId) {
        return QuarkusTransaction.requiringNew().call(() -> MessageWindowChatMemory.builder()
                .id(conversationId)
                .maxMessages(config.historyMessages() + 2) // the recent history, the carried summary and this message
                .chatMemoryStore(memoryStore)
                .build()
                .messages());
    }

    private static String searchQuery(String message, List<ChatMessage> history) {
        if (message.length() >= FOLLOW_UP_LENGTH) {
            return message;
        }
        // history ends with the message just stored; the customer message before it gives the topic.
        for (int i = history.size() - 2; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage earlier && !earlier.singleText().startsWith(TranscriptMemoryStore.SUMMARY_PREFIX)) {
                return earlier.singleText() + " " + message;
            }
        }
        return message;
    }

    private String historyText(List<ChatMessage> history) {
        List<ChatMessage> earlier = history.subList(0, Math.max(0, history.size() - 1));
        if (earlier.isEmpty()) {
            return "(this is the first message)";
        }
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : earlier) {
            sb.append(m instanceof UserMessage user ? "Customer: " + user.singleText() : "Assistant: " + ((AiMessage) m).text()).append('\n');
        }
        return sb.toString().strip();
    }

    /** Only passages that were given to the model can be cited: anything else in brackets is dropped. */
    private static List<Citation> citations(String answer, List<SearchHit> hits) {
        Map<String, SearchHit> given = new LinkedHashMap<>();
        hits.forEach(h -> given.put(h.citationId(), h));
        Map<String, Citation> cited = new LinkedHashMap<>();
        Matcher m = CITED.matcher(answer);
        while (m.find()) {
            SearchHit h = given.get(m.group(1));
            if (h != null) {
                cited.putIfAbsent(h.citationId(), new Citation(h.citationId(), h.documentTitle(), h.section(), h.article(),
                        h.citation(), h.sourcePath(), h.snippet()));
            }
        }
        return new ArrayList<>(cited.values());
    }
}
