/**
 * Guardrails around the model: personal data masked before text leaves for a remote model (and restored in
 * what comes back), answers checked for numbers no cited passage contains and for a leaked system prompt,
 * and the per-customer and global limits that keep one caller from exhausting the service.
 */
package com.northbridge.assistant.guard;
