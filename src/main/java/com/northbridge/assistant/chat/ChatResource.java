package com.northbridge.assistant.chat;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.OutboundSseEvent;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.api.ErrorMappers;
import com.northbridge.assistant.guard.TurnLimits;
import com.northbridge.assistant.security.Caller;
import com.northbridge.assistant.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.common.annotation.Blocking;

/** The customer chat over HTTP: a turn, and the transcript of a conversation. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    private final TurnLoop turns;
    private final ObjectMapper json;
    private final Caller caller;
    private final TurnLimits limits;

    public ChatResource(TurnLoop turns, ObjectMapper json, Caller caller, TurnLimits limits) {
        this.turns = turns;
        this.json = json;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @Path("/chat")
    @RolesAllowed(Roles.CUSTOMER)
    public ChatReply chat(ChatRequestBody body) {
        turns.validate(body);
        try (TurnLimits.Permit permit = limits.acquire(caller.id())) {
            return turns.turn(body, caller.id());
        }
    }

    /**
     * The same turn as Server-Sent Events: {@code token} events ({"text": ...}) as the answer is written, a
     * {@code reset} event if the text so far must be discarded (the remote model failed mid-answer and the
     * offline engine answers instead), and a {@code final} event carrying the whole reply with citations.
     * Bad input, and a message the database cannot take (503), are refused with a JSON error before the stream
     * starts. A failure once it has started (the status line is sent) ends it with an {@code error} event
     * carrying the same JSON error instead of {@code final}.
     */
    @POST
    @Path("/chat/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.CUSTOMER)
    public Multi<OutboundSseEvent> stream(ChatRequestBody body, @Context Sse sse) {
        turns.validate(body); // before the stream opens, so bad input still gets a 400 with a JSON error
        String customerId = caller.id(); // read on the request thread; the turn runs on a worker
        TurnLimits.Permit permit = limits.acquire(customerId);
        TurnLoop.Turn accepted;
        try {
            accepted = turns.accept(body, customerId);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            try (permit) {
                ChatReply reply = turns.answer(accepted,
                        text -> emitter.emit(event(sse, "token", Map.of("text", text))),
                        () -> emitter.emit(event(sse, "reset", Map.of())));
                emitter.emit(event(sse, "final", reply));
            } catch (RuntimeException e) {
                emitter.emit(event(sse, "error", ErrorMappers.serverError(e)));
            }
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // the turn blocks on the database and the model
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a chat event", e);
        }
    }

    /** A customer reads their own conversations; reviewers read any. */
    @GET
    @Path("/conversations/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.REVIEWER})
    public TranscriptView conversation(@RestPath String id) {
        UUID uuid = ApiException.uuid(id, "id", "The conversation id must be a UUID.");
        boolean staff = caller.is(Roles.REVIEWER);
        String me = caller.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = Conversation.findById(uuid);
            if (c == null || !staff && !me.equals(c.customerId)) {
                throw ApiException.notFound("conversation", "There is no conversation " + id + ".");
            }
            return staff ? TranscriptView.forStaff(c, ConversationMessage.of(uuid)) : TranscriptView.of(c, ConversationMessage.of(uuid));
        });
    }
}
