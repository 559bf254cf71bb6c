package com.northbridge.assistant.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.northbridge.assistant.text.Language;

/** What Tika and our structure reader made of a file, before chunking. */
public record ParsedDocument(
        String mediaType,
        String title,
        Language language,
        Optional<LocalDate> effectiveDate,
        Optional<String> version,
        List<Block> blocks) {
}
