/**
 * Language-aware text handling shared by retrieval and chat: which language a text is in, and how text
 * becomes keyword-index terms. It owns no state and never talks to the database.
 */
package com.northbridge.assistant.text;
