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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
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

/** The reviewer's API: the queue with filters and counts, a case in full, approve and reject. */
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

    private final ReviewCases cases;
    private final AuditLog audit;
    private final Caller caller;

    public ReviewResource(ReviewCases cases, AuditLog audit, Caller caller) {
        this.cases = cases;
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
            List<CaseDetail.Reason> reasons = new ArrayList<>();
            for (String code : c.reasons) {
                RiskReason r = RiskReason.fromCode(code);
                reasons.add(new CaseDetail.Reason(code, r.level().code(), r.describe(false), r.describe(true)));
            }
            TranscriptView transcript = null;
            List<CaseDetail.ToolCallView> tools = List.of();
            if (c.conversationId != null) {
                Conversation conversation = Conversation.findById(c.conversationId);
                transcript = TranscriptView.of(conversation, ConversationMessage.of(c.conversationId));
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
            return new CaseDetail(CaseSummary.of(c, Instant.now()), reasons, transcript, tools, transfer, trail);
        });
    }

    @POST
    @Path("/cases/{id}/approve")
    public CaseSummary approve(@RestPath String id, Decision decision) {
        UUID uuid = ApiException.uuid(id, "id", "The case id must be a UUID.");
        return CaseSummary.of(cases.approve(uuid, new Reviewer(caller.id(), caller.customerId()), decision == null ? null : decision.comment()),
                Instant.now());
    }

    @POST
    @Path("/cases/{id}/reject")
    public CaseSummary reject(@RestPath String id, Decision decision) {
        UUID uuid = ApiException.uuid(id, "id", "The case id must be a UUID.");
        return CaseSummary.of(cases.reject(uuid, new Reviewer(caller.id(), caller.customerId()), decision == null ? null : decision.comment()),
                Instant.now());
    }

    /** The human-agent queue: conversations handed over to a person, newest first. */
    @GET
    @Path("/handoffs")
    public List<Map<String, Object>> handoffs() {
        return QuarkusTransaction.requiringNew().call(() -> Conversation.<Conversation>find("state", Sort.descending("updatedAt"), Conversation.HANDED_OFF)
                .page(Page.ofSize(100)).list().stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("conversationId", c.id);
                    m.put("customerId", c.customerId);
                    m.put("channel", c.channel);
                    m.put("language", c.language);
                    m.put("updatedAt", c.updatedAt);
                    return m;
                }).toList());
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
