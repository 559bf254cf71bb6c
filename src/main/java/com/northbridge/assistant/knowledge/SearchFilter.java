package com.northbridge.assistant.knowledge;

import java.util.Optional;
import java.util.Set;

import com.northbridge.assistant.text.Language;

/** Restricts a search to some kinds of document and to one language; empty means no restriction. */
public record SearchFilter(Set<DocumentKind> kinds, Optional<Language> language) {

    public static final SearchFilter NONE = new SearchFilter(Set.of(), Optional.empty());

    public static SearchFilter language(Language language) {
        return new SearchFilter(Set.of(), Optional.of(language));
    }

    public SearchFilter withLanguage(Optional<Language> language) {
        return new SearchFilter(kinds, language);
    }
}
