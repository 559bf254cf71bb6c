package com.northbridge.assistant.review;

import java.util.List;

import com.northbridge.assistant.audit.AuditEntry;
import com.northbridge.assistant.chat.TranscriptView;

/** What a member of staff needs to answer a handed-off customer: the conversation, its transcript and its audit trail. */
public record HandoffDetail(Handoff handoff, TranscriptView transcript, List<AuditEntry> audit) {
}
