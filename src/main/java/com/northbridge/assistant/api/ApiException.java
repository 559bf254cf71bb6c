package com.northbridge.assistant.api;

/** A failure that is the caller's to fix (or to retry), carried to the client as an {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private int retryAfterSeconds;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_" + field, message, field);
    }

    public static ApiException notFound(String what, String message) {
        return new ApiException(404, what + "_not_found", message, null);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    /** A path or body value that must be a UUID; anything else is the caller's 400 with the given hint. */
    public static java.util.UUID uuid(String value, String field, String message) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw badRequest(field, message);
        }
    }

    /** 429: the caller may try again after this many seconds (sent as Retry-After). */
    public static ApiException tooMany(String code, String message, int retryAfterSeconds) {
        ApiException e = new ApiException(429, code, message, null);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiError toError() {
        return new ApiError(status, code, getMessage(), field);
    }

    public int status() {
        return status;
    }
}
