package com.northbridge.assistant.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** How a link's hash is made: SHA-256 over the previous hash and every field of the entry. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                              String detail) {
        return sha256(String.join("\u001f", prevHash, Long.toString(seq), at.toString(), actor, action, subjectType, subjectId, detail));
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex: also how an entry fixes text kept elsewhere (a staff reply). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.detail());
    }
}
