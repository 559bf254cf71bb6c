/**
 * Measuring the assistant: evaluation sets under evals/, real datasets read in place from the shared folder
 * (never copied here), the runners that play them against the product's own code paths, an optional LLM
 * judge, the metrics and the reports. It reads the product; it never changes what the product does.
 */
package com.northbridge.assistant.eval;
