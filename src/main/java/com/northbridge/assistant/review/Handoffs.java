package com.northbridge.assistant.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.api.RequestText;
import com.northbridge.assistant.audit.AuditChain;
import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.chat.Conversation;
import com.northbridge.assistant.chat.ConversationMessage;
import com.northbridge.assistant.chat.TranscriptView;
import com.northbridge.assistant.text.Language;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The human-agent queue: conversations handed to a person, a member of staff reading one, answering the
 * customer in person and closing the hand-over. Staff replies are written by people, so no model, prompt or
 * risk gate is involved; each names its author and is audited with a hash of its text. Every change locks the
 * conversation row first, as a customer turn does, so a reply never races a turn for its place in the transcript.
 */
@ApplicationScoped
public class Handoffs {

    private static final int NOTE_MAX_LENGTH = 2000;

    private final ReviewConfig config;
    private final AuditLog audit;

    public Handoffs(ReviewConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    /** Conversations waiting for a person, most recently active first; evaluation runs wait for nobody. */
    public List<Handoff> waiting() {
        return QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation>find("state = ?1 and channel <> 'eval'",
                Sort.descending("updatedAt"), Conversation.HANDED_OFF).page(Page.ofSize(100)).list().stream().map(Handoff::of).toList());
    }

    /** A handed-off (or closed) conversation in full for a member of staff; reading it is audited like reading a case. */
    public HandoffDetail read(UUID id, Reviewer staff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = handedOver(id, Conversation.findById(id));
            audit.append(staff.id(), "conversation.viewed", "conversation", id.toString(), ReviewCases.detail("state", c.state));
            return detail(c);
        });
    }

    /** The member of staff's reply, stored in the conversation under their name for the customer to read. */
    public TranscriptView.Entry reply(UUID id, Reviewer staff, String text) {
        String message = RequestText.required(text, "message", "reply", config.replyMaxLength());
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = open(id, staff, "answer");
            ConversationMessage m = ConversationMessage.next(c.id, ConversationMessage.AGENT, message, Language.detect(message).code());
            m.authorId = staff.id();
            m.authorName = staff.name();
            m.persist();
            c.updatedAt = m.createdAt;
            audit.append(staff.id(), "conversation.agent_replied", "conversation", c.id.toString(), ReviewCases.detail(
                    "message", m.id, "author", staff.name(), "length", message.length(), "sha256", AuditChain.sha256(message)));
            return TranscriptView.Entry.of(m, true);
        });
    }

    /** Ends the hand-over: the conversation leaves the queue; asking for a person again brings it back. */
    public HandoffDetail close(UUID id, Reviewer staff, String note) {
        String why = RequestText.optional(note, "note", "note", NOTE_MAX_LENGTH);
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = open(id, staff, "close");
            c.state = Conversation.CLOSED;
            c.updatedAt = Instant.now();
            audit.append(staff.id(), "conversation.handoff_closed", "conversation", c.id.toString(),
                    ReviewCases.detail("note", why.isEmpty() ? null : why));
            return detail(c);
        });
    }

    /** The conversation, locked, if it is waiting for a person and this member of staff may act on it. */
    private Conversation open(UUID id, Reviewer staff, String verb) {
        Conversation c = handedOver(id, Conversation.findById(id, LockModeType.PESSIMISTIC_WRITE));
        if (Conversation.CLOSED.equals(c.state)) {
            throw ApiException.conflict("handoff_closed", "This hand-over was already closed; you can " + verb
                    + " only while the conversation is in the human-agent queue.");
        }
        if (staff.is(c.customerId)) {
            // The same rule as for cases: nobody handles their own request.
            audit.append(staff.id(), "conversation.four_eyes_refused", "conversation", c.id.toString(), ReviewCases.detail("action", verb));
            throw ApiException.forbidden("four_eyes", "You are the customer of this conversation, so a colleague must " + verb + " it.");
        }
        return c;
    }

    /** Unknown conversations are 404; ones that were never handed to a person are not staff's to answer here. */
    private static Conversation handedOver(UUID id, Conversation c) {
        if (c == null) {
            throw ApiException.notFound("conversation", "There is no conversation " + id + ".");
        }
        if (!c.handedToPerson()) {
            throw ApiException.conflict("not_handed_off", "This conversation was not handed to a person; the assistant is answering it.");
        }
        return c;
    }

    private HandoffDetail detail(Conversation c) {
        return new HandoffDetail(Handoff.of(c), TranscriptView.forStaff(c, ConversationMessage.of(c.id)),
                audit.about("conversation", c.id.toString()));
    }
}
