package com.northbridge.assistant.knowledge;

import com.northbridge.assistant.api.ApiException;

/** A file that cannot become part of the knowledge base, with the reason a person can act on. */
public class DocumentRejected extends Exception {

    public enum Reason {
        EMPTY(422), TOO_LARGE(413), UNSUPPORTED_TYPE(415), ENCRYPTED(422), CORRUPT(422), BOMB(422), UNKNOWN_KIND(400), UNAVAILABLE(503);

        final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private final Reason reason;

    public DocumentRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public ApiException toApiException(String field) {
        return new ApiException(reason.httpStatus, reason.name().toLowerCase(), getMessage(), field);
    }
}
