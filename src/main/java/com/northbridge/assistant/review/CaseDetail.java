package com.northbridge.assistant.review;

import java.util.List;
import java.util.UUID;

import com.northbridge.assistant.audit.AuditEntry;
import com.northbridge.assistant.chat.TranscriptView;
import com.northbridge.assistant.transfer.TransferView;

/**
 * Everything a reviewer needs to decide a case: the case with its reasons in plain words, the transcript, the
 * customer messages whose turns raised the case ({@code flaggedMessageIds}) and those turns with the answer they
 * got and the turn's reasons in plain words ({@code flaggedTurns}), the tool calls with their results, the
 * passages the assistant was given, the transfer, and the audit trail.
 */
public record CaseDetail(CaseSummary summary, List<Reason> reasons, TranscriptView transcript, List<UUID> flaggedMessageIds,
                         List<FlaggedTurn> flaggedTurns, List<ToolCallView> toolCalls, TransferView transfer, List<AuditEntry> audit) {

    public record Reason(String code, String level, String english, String chinese) {
    }

    /** A turn that raised the case: the customer's message, the answer of that turn (if one was stored), its level and reasons. */
    public record FlaggedTurn(UUID messageId, UUID answerId, String level, List<Reason> reasons) {
    }

    public record ToolCallView(UUID id, UUID messageId, int step, String name, String arguments, String result, String riskLevel,
                               List<String> riskReasons, boolean executed, java.time.Instant createdAt) {
    }
}
