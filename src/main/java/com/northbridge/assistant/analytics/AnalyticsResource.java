package com.northbridge.assistant.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.security.Roles;

import io.smallrye.common.annotation.Blocking;

/** The console's analytics page: one report over the last days. */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.ENGINEER})
@Blocking
public class AnalyticsResource {

    private final ConversationAnalytics analytics;

    public AnalyticsResource(ConversationAnalytics analytics) {
        this.analytics = analytics;
    }

    @GET
    public AnalyticsReport report(@RestQuery String days) {
        int d;
        try {
            d = days == null || days.isBlank() ? 30 : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            d = -1;
        }
        if (d < 1 || d > 365) {
            throw ApiException.badRequest("days", "days is a whole number between 1 and 365.");
        }
        return analytics.report(d);
    }
}
