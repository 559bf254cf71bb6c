package com.northbridge.assistant.review;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.audit.AuditEntry;
import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.chat.Conversation;
import com.northbridge.assistant.chat.ConversationMessage;
import com.northbridge.assistant.chat.TranscriptView;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.security.Caller;
import com.northbridge.assistant.security.Roles;
import com.northbridge.assistant.tools.ToolCallRecord;
import com.northbridge.assistant.transfer.Transfer;
import com.northbridge.assistant.transfer.TransferView;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;

/** The reviewer's API: the queue with filters and counts, a case in full, approve and reject; the human-agent queue. */
@Path("/api/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REVIEWER)
@Blocking
public class ReviewResource {

    private static final Set<String> LEVELS = Set.of("red", "yellow");
    private static final Set<String> STATUSES = Set.of("open", "approved", "rejected");
    private static final Map<String, String> SORTS = Map.of("created", "createdAt", "due", "dueAt", "level", "level");

    public record Decision(String comment) {
    }

    /** A member of staff's reply to a handed-off customer. */
    public record StaffReply(String message) {
    }

    /** Closing a hand-over, with an optional note for the audit trail. */
    public record Closing(String note) {
    }

    private final ReviewCases cases;
    private final Handoffs handoffs;
    private final AuditLog audit;
    private final Caller caller;

    public ReviewResource(ReviewCases cases, Handoffs handoffs, AuditLog audit, Caller caller) {
        this.cases = cases;
        this.handoffs = handoffs;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("/cases")
    public CaseQueue queue(@RestQuery String level, @RestQuery String status, @RestQuery String reason, @RestQuery String kind,
                           @RestQuery String olderThan, @RestQuery Boolean overdue, @RestQuery String sort,
                           @RestQuery String page, @RestQuery String size, @RestQuery Boolean includeEval) {
        // Evaluation runs talk to the assistant through the "eval" channel; their cases stay out of the queue.
        String notEval = Boolean.TRUE.equals(includeEval) ? "1 = 1"
                : "(conversationId is null or conversationId not in (select c.id from Conversation c where c.channel = 'eval'))";
        StringBuilder where = new StringBuilder(notEval);
        Parameters params = new Parameters();
        if (level != null) {
            require(LEVELS.contains(level), "level", "level is red or yellow.");
            where.append(" and level = :level");
            params.and("level", level);
        }
        if (status != null) {
            require(STATUSES.contains(status), "status", "status is open, approved or rejected.");
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (kind != null) {
            require(Set.of("transfer", "alert", "sample").contains(kind), "kind", "kind is transfer, alert or sample.");
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        Instant now = Instant.now();
        if (olderThan != null) {
            Duration age;
            try {
                age = Duration.parse(olderThan);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("olderThan", "olderThan is an ISO-8601 duration such as PT30M or P1D.");
            }
            where.append(" and createdAt < :before");
            params.and("before", now.minus(age));
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" and status = 'open' and dueAt < :now");
            params.and("now", now);
        }
        int p = whole(page, 0, "page");
        int s = whole(size, 20, "size");
        require(p >= 0, "page", "page starts at 0.");
        require(s >= 1 && s <= 200, "size", "size is between 1 and 200.");
        String sortField = SORTS.get(sort == null ? "created" : sort.replaceFirst("^-", ""));
        require(sortField != null, "sort", "sort is created, due or level (prefix - for descending).");
        Sort order = sort != null && sort.startsWith("-") ? Sort.descending(sortField) : Sort.ascending(sortField);
        String filter = where.toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReviewCase> matching;
            long total;
            if (reason != null) {
                // reasons is an array column: filter in SQL, page in memory (a queue page is small).
                List<ReviewCase> all = ReviewCase.<ReviewCase>find(filter, order, params).list().stream()
                        .filter(c -> List.of(c.reasons).contains(reason)).toList();
                total = all.size();
                matching = all.subList(Math.min(all.size(), p * s), Math.min(all.size(), (p + 1) * s));
            } else {
                var query = ReviewCase.<ReviewCase>find(filter, order, params);
                total = query.count();
                matching = query.page(Page.of(p, s)).list();
            }
            Map<String, Long> byLevel = new LinkedHashMap<>();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (String l : List.of("red", "yellow")) {
                byLevel.put(l, ReviewCase.count(notEval + " and level = ?1 and status = 'open'", l));
            }
            for (String st : List.of("open", "approved", "rejected")) {
                byStatus.put(st, ReviewCase.count(notEval + " and status = ?1", st));
            }
            long overdueCount = ReviewCase.count(notEval + " and status = 'open' and dueAt < ?1", now);
            return new CaseQueue(matching.stream().map(c -> CaseSummary.of(c, now)).toList(), total, p, s, byLevel, byStatus, overdueCount);
        });
    }

    @GET
    @Path("/cases/{id}")
    public CaseDetail detail(@RestPath String id) {
        UUID uuid = ApiException.uuid(id, "id", "The case id must be a UUID.");
        String reviewer = caller.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewCase c = ReviewCase.findById(uuid);
            if (c == null) {
                throw ApiException.notFound("case", "There is no case " + id + ".");
            }
            // Reading a case shows a customer's data to a member of staff: that access is logged too.
            audit.append(reviewer, "case.viewed", "case", c.id.toString(), Map.of());
            List<CaseDetail.Reason> reasons = reasons(List.of(c.reasons));
            List<UUID> flaggedIds = flaggedMessageIds(c);
            TranscriptView transcript = null;
            List<CaseDetail.FlaggedTurn> flaggedTurns = List.of();
            List<CaseDetail.ToolCallView> tools = List.of();
            if (c.conversationId != null) {
                Conversation conversation = Conversation.findById(c.conversationId);
                List<ConversationMessage> messages = ConversationMessage.of(c.conversationId);
                transcript = TranscriptView.forStaff(conversation, messages);
                flaggedTurns = flaggedIds.stream().map(flagged -> flaggedTurn(c, flagged, messages)).toList();
                tools = ToolCallRecord.ofConversation(c.conversationId).stream().map(t -> new CaseDetail.ToolCallView(t.id, t.messageId, t.step, t.name,
                        t.arguments, t.result, t.riskLevel, List.of(t.riskReasons), t.executed, t.createdAt)).toList();
            }
            TransferView transfer = c.transferId == null ? null : TransferView.of(Transfer.findById(c.transferId), c.id);
            List<String[]> subjects = new ArrayList<>();
            subjects.add(new String[] {"case", c.id.toString()});
            if (c.transferId != null) {
                subjects.add(new String[] {"transfer", c.transferId.toString()});
            }
            List<AuditEntry> trail = audit.trail(subjects);
            return new CaseDetail(CaseSummary.of(c, Instant.now()), reasons, transcript, flaggedIds, flaggedTurns, tools, transfer, trail);
        });
    }

    private static List<CaseDetail.Reason> reasons(List<String> codes) {
        return codes.stream().map(code -> {
            RiskReason r = RiskReason.fromCode(code);
            return new CaseDetail.Reason(code, r.level().code(), r.describe(false), r.describe(true));
        }).toList();
    }

    /** The customer messages that raised the case; cases opened before they were recorded as a list have the one that opened them. */
    private static List<UUID> flaggedMessageIds(ReviewCase c) {
        if (c.messageIds != null && c.messageIds.length > 0) {
            return List.of(c.messageIds);
        }
        return c.messageId == null ? List.of() : List.of(c.messageId);
    }

    /**
     * The answer of a flagged customer message is the first assistant message after it, before the customer wrote
     * again (a bank or staff message may come between). The turn's own level and reasons are on that answer;
     * without one (the turn failed after the message was stored), the case's.
     */
    private static CaseDetail.FlaggedTurn flaggedTurn(ReviewCase c, UUID messageId, List<ConversationMessage> messages) {
        ConversationMessage answer = null;
        boolean after = false;
        for (ConversationMessage m : messages) {
            if (after && ConversationMessage.CUSTOMER.equals(m.role)) {
                break;
            }
            if (after && ConversationMessage.ASSISTANT.equals(m.role)) {
                answer = m;
                break;
            }
            after = after || m.id.equals(messageId);
        }
        if (answer == null || answer.riskLevel == null) {
            return new CaseDetail.FlaggedTurn(messageId, answer == null ? null : answer.id, c.level, reasons(List.of(c.reasons)));
        }
        return new CaseDetail.FlaggedTurn(messageId, answer.id, answer.riskLevel,
                reasons(answer.riskReasons == null ? List.of() : List.of(answer.riskReasons)));
    }

    @POST
    @Path("/cases/{id}/approve")
    public CaseSummary approve(@RestPath String id, Decision decision) {
        UUID uuid = ApiException.uuid(id, "id", "The case id must be a UUID.");
        return CaseSummary.of(cases.approve(uuid, reviewer(), decision == null ? null : decision.comment()),
                Instant.now());
    }

    @POST
    @Path("/cases/{id}/reject")
    public CaseSummary reject(@RestPath String id, Decision decision) {
        UUID uuid = ApiException.uuid(id, "id", "The case id must be a UUID.");
        return CaseSummary.of(cases.reject(uuid, reviewer(), decision == null ? null : decision.comment()),
                Instant.now());
    }

    /** The human-agent queue: conversations handed over to a person and not yet closed, most recently active first. */
    @GET
    @Path("/handoffs")
    public List<Handoff> handoffs() {
        return handoffs.waiting();
    }

    /** A handed-off conversation for the member of staff who answers it: transcript and audit trail. Reading it is audited. */
    @GET
    @Path("/handoffs/{id}")
    public HandoffDetail handoff(@RestPath String id) {
        return handoffs.read(conversationId(id), reviewer());
    }

    /** A reply written in person to the customer; it appears in their transcript under the member of staff's name. */
    @POST
    @Path("/handoffs/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public TranscriptView.Entry reply(@RestPath String id, StaffReply reply) {
        UUID uuid = conversationId(id);
        return handoffs.reply(uuid, reviewer(), reply == null ? null : reply.message());
    }

    /** Ends the hand-over: the conversation leaves the queue. An optional note says why, for the audit trail. */
    @POST
    @Path("/handoffs/{id}/close")
    public HandoffDetail close(@RestPath String id, Closing closing) {
        UUID uuid = conversationId(id);
        return handoffs.close(uuid, reviewer(), closing == null ? null : closing.note());
    }

    private static UUID conversationId(String id) {
        return ApiException.uuid(id, "id", "The conversation id must be a UUID.");
    }

    private Reviewer reviewer() {
        return new Reviewer(caller.id(), caller.name(), caller.customerId());
    }

    /** Query numbers are read here, not by JAX-RS, which answers a non-number with a bare 404. */
    private static int whole(String value, int otherwise, String field) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, field + " is a whole number.");
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw ApiException.badRequest(field, message);
        }
    }
}
