package com.northbridge.assistant.security;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded default's own token issuer. With the bank's identity provider, set
 * {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.issuer} to it and turn both switches off.
 */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Where the local key pair lives (private.pem, public.pem); made on first start when missing. */
    @WithDefault("data/keys")
    Path keyDir();

    @WithDefault("true")
    boolean generateLocalKeys();

    @WithDefault("https://northbridge-bank.example/assistant")
    String issuer();

    DemoTokens demoTokens();

    interface DemoTokens {
        /** POST /api/auth/demo-token mints tokens for the demo users. Never on in production. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("PT8H")
        Duration lifetime();
    }
}
