package com.northbridge.assistant.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.northbridge.assistant.api.ApiException;

import io.smallrye.common.annotation.Blocking;

/** Demo sign-in for the embedded default: a token for a demo user id. Off unless auth.demo-tokens.enabled. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthResource {

    public record DemoTokenRequest(String user) {
    }

    private final DemoTokens tokens;
    private final AuthConfig config;

    public AuthResource(DemoTokens tokens, AuthConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @POST
    @Path("/demo-token")
    @PermitAll
    public DemoTokens.Minted demoToken(DemoTokenRequest request) {
        if (!config.demoTokens().enabled()) {
            throw ApiException.notFound("endpoint", "Demo sign-in is switched off here; sign in through the bank's identity provider.");
        }
        if (request == null || request.user() == null || request.user().isBlank()) {
            throw ApiException.badRequest("user", "Name a demo user, for example c001 (customer), r001 (reviewer) or e001 (engineer).");
        }
        return tokens.mint(request.user().strip())
                .orElseThrow(() -> ApiException.notFound("user", "There is no demo user " + request.user().strip() + "."));
    }
}
