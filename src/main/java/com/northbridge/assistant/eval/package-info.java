/**
 * Measuring the assistant: evaluation sets under evals/, the runners that play them against the product's
 * own code paths, the metrics and the reports. It reads the product; it never changes what the product does.
 */
package com.northbridge.assistant.eval;
