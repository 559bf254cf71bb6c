package com.northbridge.assistant.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints tokens for the demo users of the embedded default: customers sign in as themselves, staff with their
 * roles. The token's subject ({@code upn}) is the customer or staff id; a staff member who also banks with
 * us carries {@code customer_id}, which the four-eyes rule reads.
 */
@ApplicationScoped
public class DemoTokens {

    public record Minted(String token, String user, String name, Set<String> roles, Instant expiresAt) {
    }

    private final LocalKeys keys;
    private final AuthConfig config;
    private final EntityManager em;

    public DemoTokens(LocalKeys keys, AuthConfig config, EntityManager em) {
        this.keys = keys;
        this.config = config;
        this.em = em;
    }

    /** A token for a known demo user, or empty when there is no such user. */
    public Optional<Minted> mint(String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> customer = em.createNativeQuery("SELECT name FROM customer WHERE id = ?1").setParameter(1, user).getResultList();
            if (!customer.isEmpty()) {
                return Optional.of(sign(user, (String) customer.get(0), Set.of(Roles.CUSTOMER), null));
            }
            List<?> staff = em.createNativeQuery("SELECT name, array_to_string(roles, ','), customer_id FROM staff WHERE id = ?1")
                    .setParameter(1, user).getResultList();
            if (!staff.isEmpty()) {
                Object[] row = (Object[]) staff.get(0);
                return Optional.of(sign(user, (String) row[0], new HashSet<>(List.of(((String) row[1]).split(","))), (String) row[2]));
            }
            return Optional.empty();
        });
    }

    /** Any token this service would accept, for tests and scripts: the roles are not checked against a user table. */
    public Minted sign(String user, String name, Set<String> roles, String customerId) {
        Instant expires = Instant.now().plus(config.demoTokens().lifetime());
        var builder = Jwt.issuer(config.issuer()).upn(user).subject(user).groups(roles).claim("name", name).expiresAt(expires);
        if (customerId != null) {
            builder.claim("customer_id", customerId);
        }
        return new Minted(builder.jws().keyId("local").sign(keys.signingKey()), user, name, roles, expires);
    }
}
