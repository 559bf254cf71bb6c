/**
 * Guardrails around the model: personal data masked before text leaves for a remote model (and restored in
 * what comes back), answers checked for numbers no cited passage contains, for a leaked system prompt and for
 * another customer's data (held back while streaming, so it never reaches the screen), and the per-customer
 * and global limits that keep one caller from exhausting the service.
 */
package com.northbridge.assistant.guard;
