package com.northbridge.assistant.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.security.Roles;

import io.smallrye.common.annotation.Blocking;

/** Staff read the audit trail of a subject and check that the whole chain is intact. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.ENGINEER})
@Blocking
public class AuditResource {

    private final AuditLog audit;
    private final DataSource dataSource;

    public AuditResource(AuditLog audit, DataSource dataSource) {
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @GET
    public List<AuditEntry> about(@RestQuery String subjectType, @RestQuery String subjectId) {
        if (subjectType == null || subjectType.isBlank()) {
            throw ApiException.badRequest("subjectType", "Name the subject type: case, transfer or conversation.");
        }
        if (subjectId == null || subjectId.isBlank()) {
            throw ApiException.badRequest("subjectId", "Name the subject's id.");
        }
        return audit.about(subjectType, subjectId);
    }

    @GET
    @Path("/verify")
    public AuditVerifier.Report verify() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return AuditVerifier.verify(c);
        }
    }
}
