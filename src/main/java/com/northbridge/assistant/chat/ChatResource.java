package com.northbridge.assistant.chat;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.northbridge.assistant.api.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/** The customer chat over HTTP: a turn, and the transcript of a conversation. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    private final TurnLoop turns;

    public ChatResource(TurnLoop turns) {
        this.turns = turns;
    }

    @POST
    @Path("/chat")
    public ChatReply chat(ChatRequestBody body) {
        return turns.turn(body);
    }

    @GET
    @Path("/conversations/{id}")
    public TranscriptView conversation(@RestPath String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "The conversation id must be a UUID.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = Conversation.findById(uuid);
            if (c == null) {
                throw ApiException.notFound("conversation", "There is no conversation " + id + ".");
            }
            return TranscriptView.of(c, ConversationMessage.of(uuid));
        });
    }
}
