/**
 * The conversation: the turn loop, prompts, memory, model providers and the offline engine (our embedded
 * default behind langchain4j's ChatModel). It answers only from retrieved passages and never executes an
 * account action itself: those go through the tools and the risk gate.
 */
package com.northbridge.assistant.chat;
