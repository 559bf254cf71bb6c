/**
 * The knowledge base: reading documents (Tika), cutting them along their own structure, embedding them,
 * storing them in PostgreSQL + pgvector, and hybrid search that returns citable passages.
 * It never answers a question itself and never writes anything but its own two tables.
 */
package com.northbridge.assistant.knowledge;
