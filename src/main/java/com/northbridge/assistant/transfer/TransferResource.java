package com.northbridge.assistant.transfer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.review.ReviewCase;
import com.northbridge.assistant.security.Caller;
import com.northbridge.assistant.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/** A customer's own transfer requests and their review status. Someone else's transfer does not exist here. */
@Path("/api/transfers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Blocking
public class TransferResource {

    private final Caller caller;

    public TransferResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    public List<TransferView> mine() {
        String me = caller.id();
        return QuarkusTransaction.requiringNew().call(() -> Transfer.ofCustomer(me).stream().map(TransferResource::view).toList());
    }

    @GET
    @Path("/{id}")
    public TransferView one(@RestPath String id) {
        UUID uuid = ApiException.uuid(id, "id", "The transfer id must be a UUID.");
        String me = caller.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            Transfer t = Transfer.findById(uuid);
            if (t == null || !t.customerId.equals(me)) {
                throw ApiException.notFound("transfer", "There is no transfer " + id + ".");
            }
            return view(t);
        });
    }

    private static TransferView view(Transfer t) {
        return TransferView.of(t, ReviewCase.<ReviewCase>find("transferId", t.id).firstResultOptional().map(c -> c.id).orElse(null));
    }
}
