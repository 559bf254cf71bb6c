package com.northbridge.assistant.review;

import java.util.List;

import com.northbridge.assistant.audit.AuditEntry;
import com.northbridge.assistant.chat.TranscriptView;
import com.northbridge.assistant.transfer.TransferView;

/**
 * Everything a reviewer needs to decide a case: the case with its reasons in plain words, the transcript
 * (the flagged message marked), the tool calls with their results, the passages the assistant was given,
 * the transfer, and the audit trail.
 */
public record CaseDetail(CaseSummary summary, List<Reason> reasons, TranscriptView transcript, List<ToolCallView> toolCalls,
                         TransferView transfer, List<AuditEntry> audit) {

    public record Reason(String code, String level, String english, String chinese) {
    }

    public record ToolCallView(java.util.UUID id, java.util.UUID messageId, int step, String name, String arguments, String result, String riskLevel,
                               List<String> riskReasons, boolean executed, java.time.Instant createdAt) {
    }
}
