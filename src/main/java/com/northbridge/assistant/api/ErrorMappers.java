package com.northbridge.assistant.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns every failure into an {@link ApiError} reply, so no client ever sees a stack trace or an HTML page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response response = reply(e.toError());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        String path = first.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return reply(new ApiError(400, "invalid_" + field, field + ": " + first.getMessage(), field));
    }

    /** A body of the wrong shape ("[]", a number for the message): more specific than Quarkus's own empty 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return reply(new ApiError(400, field == null ? "malformed_json" : "invalid_" + field,
                field == null ? "The request body must be a JSON object." : field + " has the wrong type: " + e.getOriginalMessage().replaceAll("\\s*\\(.*", ""),
                field));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return reply(new ApiError(400, "malformed_json", "The request body is not valid JSON: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json);
            }
        }
        String message = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in the requested format.";
            case 413 -> "The request is too large.";
            case 415 -> "This address does not accept that content type.";
            default -> e.getMessage();
        };
        return reply(new ApiError(status, Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).name().toLowerCase(), message, null));
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        ApiError error = serverError(e);
        Response response = reply(error);
        if (error.status() == 503) {
            return Response.fromResponse(response).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    /**
     * The error a client is told about a failure that is not its own: 503 while the database cannot be reached
     * (an outage, not a bug, so one line in the log rather than a stack trace per request), otherwise 500.
     * Also used where the status line has already gone out (an open event stream).
     */
    public static ApiError serverError(Throwable e) {
        if (e instanceof ApiException api) {
            return api.toError();
        }
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("Database unavailable while serving a request: %s", rootCause(e));
            // A turn cut off mid-way may already have passed a transfer to review: asked again in the same
            // conversation, it finds that request instead of making a second one, and the wording says so.
            return new ApiError(503, "unavailable", "The bank's systems are briefly unavailable and your message was not answered."
                    + " Please send it again in a few seconds, in the same conversation: a transfer you asked for is never requested twice.", null);
        }
        LOG.error("Unexpected failure while serving a request", e);
        return new ApiError(500, "internal_error", "Something went wrong on our side. Nothing was changed; please try again later.", null);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static Response reply(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
