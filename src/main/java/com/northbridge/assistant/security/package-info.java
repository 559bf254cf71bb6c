/**
 * Who is calling: bearer JWTs with the roles {@code customer}, {@code reviewer} and {@code engineer}. The
 * issuer and its public key are configuration, so the bank's identity provider plugs in; the embedded
 * default signs its own demo tokens with a key pair made on first start.
 */
package com.northbridge.assistant.security;
