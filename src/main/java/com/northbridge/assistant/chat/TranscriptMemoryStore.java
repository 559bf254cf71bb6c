package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.text.Language;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * langchain4j's chat memory backed by our transcript tables (memory id = conversation id), so memory
 * survives restarts and is the same record reviewers read. The transcript is a record: a memory window
 * that drops old messages never deletes them here; only messages not yet stored are appended.
 */
@ApplicationScoped
public class TranscriptMemoryStore implements ChatMemoryStore {

    /** Marks the carried summary of another channel's conversation among the remembered messages. */
    static final String SUMMARY_PREFIX = "(Summary of my earlier conversation on another channel) ";

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        UUID id = UUID.fromString(memoryId.toString());
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<ChatMessage> messages = new ArrayList<>();
            Conversation conversation = Conversation.findById(id);
            if (conversation != null && conversation.carriedSummary != null) {
                // The customer's earlier conversation elsewhere, as the first thing the model remembers.
                messages.add(UserMessage.from(SUMMARY_PREFIX + conversation.carriedSummary));
            }
            for (ConversationMessage m : ConversationMessage.of(id)) {
                messages.add(ConversationMessage.CUSTOMER.equals(m.role) ? UserMessage.from(m.content) : AiMessage.from(m.content));
            }
            return messages;
        });
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        UUID id = UUID.fromString(memoryId.toString());
        QuarkusTransaction.joiningExisting().run(() -> {
            List<ConversationMessage> stored = ConversationMessage.of(id);
            List<ChatMessage> window = messages.stream().filter(m -> m instanceof UserMessage || m instanceof AiMessage).toList();
            // The memory hands over its whole window: what follows the newest stored message in it is new.
            int start = 0;
            if (!stored.isEmpty()) {
                ConversationMessage newest = stored.get(stored.size() - 1);
                for (int i = window.size() - 1; i >= 0; i--) {
                    if (role(window.get(i)).equals(newest.role) && text(window.get(i)).equals(newest.content)) {
                        start = i + 1;
                        break;
                    }
                }
            }
            for (ChatMessage m : window.subList(start, window.size())) {
                ConversationMessage row = new ConversationMessage();
                row.id = UUID.randomUUID();
                row.conversationId = id;
                row.seq = ConversationMessage.nextSeq(id);
                row.role = role(m);
                row.content = text(m);
                row.language = Language.detect(row.content).code();
                row.createdAt = Instant.now();
                row.persist();
            }
        });
    }

    private static String role(ChatMessage m) {
        return m instanceof UserMessage ? ConversationMessage.CUSTOMER : ConversationMessage.ASSISTANT;
    }

    /** Transcripts are kept for review and audit; clearing a memory never deletes them. */
    @Override
    public void deleteMessages(Object memoryId) {
        // Deliberately nothing: a conversation's record outlives any memory that read it.
    }

    private static String text(ChatMessage m) {
        return m instanceof UserMessage user ? user.singleText() : ((AiMessage) m).text();
    }
}
