package com.northbridge.assistant.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.banking.ExecutionResult;
import com.northbridge.assistant.banking.TransferOrder;
import com.northbridge.assistant.chat.Conversation;
import com.northbridge.assistant.chat.ConversationMessage;
import com.northbridge.assistant.chat.PromptLibrary;
import com.northbridge.assistant.risk.RiskLevel;
import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.transfer.Transfer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Opening and deciding cases. Opening joins the caller's transaction (the turn that raised it); deciding is
 * its own transaction that locks the case row first, so of two reviewers approving at once exactly one
 * books the transfer and the other is told it was already decided.
 */
@ApplicationScoped
public class ReviewCases {

    private final ReviewConfig config;
    private final AuditLog audit;
    private final CoreBanking core;
    private final PromptLibrary prompts;

    public ReviewCases(ReviewConfig config, AuditLog audit, CoreBanking core, PromptLibrary prompts) {
        this.config = config;
        this.audit = audit;
        this.core = core;
        this.prompts = prompts;
    }

    /** What a new case is about. {@code transferId} only for transfer cases; {@code messageId} is the customer's message. */
    public record Opening(String kind, RiskLevel level, Collection<String> reasons, String summary, String customerId, UUID conversationId,
                          UUID messageId, UUID transferId) {
    }

    /** Opens a case in the caller's transaction. Needs a transaction. */
    public ReviewCase open(Opening o) {
        if (o.level() == RiskLevel.BLUE) {
            throw new IllegalArgumentException("blue turns are never reviewed");
        }
        ReviewCase c = new ReviewCase();
        c.id = UUID.randomUUID();
        c.kind = o.kind();
        c.level = o.level().code();
        c.status = ReviewCase.OPEN;
        c.reasons = new LinkedHashSet<>(o.reasons()).toArray(String[]::new);
        c.summary = o.summary();
        c.customerId = o.customerId();
        c.conversationId = o.conversationId();
        c.messageId = o.messageId();
        c.messageIds = o.messageId() == null ? new UUID[0] : new UUID[] {o.messageId()};
        c.transferId = o.transferId();
        c.createdAt = Instant.now();
        c.dueAt = c.createdAt.plus(o.level() == RiskLevel.RED ? config.slaRed() : config.slaYellow());
        c.persist();
        audit.append("assistant", "case.opened", "case", c.id.toString(), detail(
                "kind", c.kind, "level", c.level, "reasons", List.of(c.reasons), "customer", c.customerId,
                "conversation", c.conversationId, "transfer", c.transferId, "summary", c.summary));
        return c;
    }

    /**
     * A turn that comes back to an open case (the same transfer asked again, or the turn that created it with
     * red reasons found after the tool call): its customer message joins the case's flagged messages and its
     * reasons join the case's; both only grow.
     */
    public void addTurn(ReviewCase c, UUID messageId, Collection<String> reasons) {
        Set<String> all = new LinkedHashSet<>(List.of(c.reasons));
        boolean newReasons = all.addAll(reasons);
        Set<UUID> messages = new LinkedHashSet<>(List.of(c.messageIds));
        boolean newMessage = messageId != null && messages.add(messageId);
        if (newReasons) {
            c.reasons = all.toArray(String[]::new);
        }
        if (newMessage) {
            c.messageIds = messages.toArray(UUID[]::new);
        }
        if (newReasons || newMessage) {
            audit.append("assistant", "case.reasons_added", "case", c.id.toString(), detail("reasons", List.copyOf(all),
                    "message", newMessage ? messageId : null));
        }
    }

    public ReviewCase approve(UUID id, Reviewer reviewer, String comment) {
        return decide(id, reviewer, comment, true);
    }

    public ReviewCase reject(UUID id, Reviewer reviewer, String comment) {
        return decide(id, reviewer, comment, false);
    }

    private ReviewCase decide(UUID id, Reviewer reviewer, String comment, boolean approve) {
        String why = comment == null ? "" : comment.strip();
        if (why.length() < 3) {
            throw ApiException.badRequest("comment", "A decision needs a comment that explains it (at least 3 characters).");
        }
        if (why.length() > 2000) {
            throw ApiException.badRequest("comment", "The comment is longer than 2000 characters.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewCase c = ReviewCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw ApiException.notFound("case", "There is no case " + id + ".");
            }
            Transfer transfer = c.transferId == null ? null : Transfer.findById(c.transferId, LockModeType.PESSIMISTIC_WRITE);
            checkFourEyes(c, transfer, reviewer);
            if (!ReviewCase.OPEN.equals(c.status)) {
                throw ApiException.conflict("case_decided", "This case was already " + c.status + " by " + c.decidedBy + " at " + c.decidedAt + ".");
            }
            Instant now = Instant.now();
            c.status = approve ? ReviewCase.APPROVED : ReviewCase.REJECTED;
            c.decidedAt = now;
            c.decidedBy = reviewer.id();
            c.decisionComment = why;
            audit.append(reviewer.id(), approve ? "case.approved" : "case.rejected", "case", c.id.toString(),
                    detail("comment", why, "transfer", c.transferId));
            if (transfer != null) {
                settle(c, transfer, approve, reviewer, now);
            } else {
                c.outcome = approve ? "confirmed" : "dismissed";
            }
            return c;
        });
    }

    /** Four eyes: the customer of the case, or the holder of the receiving account, never decides it. */
    private void checkFourEyes(ReviewCase c, Transfer transfer, Reviewer reviewer) {
        Set<String> parties = new LinkedHashSet<>();
        if (c.customerId != null) {
            parties.add(c.customerId);
        }
        if (transfer != null) {
            core.accountHolder(transfer.payeeAccount).ifPresent(parties::add);
        }
        boolean party = parties.contains(reviewer.id()) || reviewer.customerId().map(parties::contains).orElse(false);
        if (party) {
            audit.append(reviewer.id(), "case.four_eyes_refused", "case", c.id.toString(), detail("parties", List.copyOf(parties)));
            throw ApiException.forbidden("four_eyes", "You are a party to this case, so another reviewer must decide it.");
        }
    }

    private void settle(ReviewCase c, Transfer t, boolean approve, Reviewer reviewer, Instant now) {
        Language language = Language.fromCode(Optional.ofNullable(c.conversationId).map(id -> Conversation.<Conversation>findById(id))
                .map(conv -> conv.language).orElse("en")).orElse(Language.EN);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("amount", t.amount.toPlainString() + " " + t.currency);
        values.put("payee", t.payeeName);
        t.decidedAt = now;
        String message;
        if (!approve) {
            t.status = Transfer.REJECTED;
            c.outcome = "transfer rejected";
            message = fill(prompts.get("transfer-rejected").in(language), values);
        } else {
            ExecutionResult result = core.execute(new TransferOrder(t.id, t.customerId, t.fromAccount, t.payeeName, t.payeeAccount, t.amount,
                    t.currency), now);
            if (result.executed()) {
                t.status = Transfer.EXECUTED;
                c.outcome = "transfer executed";
                message = fill(prompts.get("transfer-executed").in(language), values);
            } else {
                t.status = Transfer.FAILED;
                t.failureReason = result.failure();
                c.outcome = "transfer failed: " + result.failureCode();
                values.put("reason", result.failure());
                message = fill(prompts.get("transfer-failed").in(language), values);
            }
        }
        audit.append(reviewer.id(), "transfer." + t.status, "transfer", t.id.toString(),
                detail("case", c.id, "amount", t.amount, "currency", t.currency, "failure", t.failureReason));
        if (c.conversationId != null) {
            tellCustomer(c.conversationId, message, language);
        }
    }

    private static void tellCustomer(UUID conversationId, String text, Language language) {
        ConversationMessage.next(conversationId, ConversationMessage.BANK, text, language.code()).persist();
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    /** A detail map that keeps nulls out and its order in. */
    public static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put(pairs[i].toString(), pairs[i + 1] instanceof UUID u ? u.toString() : pairs[i + 1]);
            }
        }
        return m;
    }

    static List<String> reasonsOf(ReviewCase c) {
        return new ArrayList<>(List.of(c.reasons));
    }
}
