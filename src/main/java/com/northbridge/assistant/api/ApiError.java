package com.northbridge.assistant.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error reply: the HTTP status, a stable machine-readable code, a sentence a person
 * understands, and the request field at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String field) {
}
