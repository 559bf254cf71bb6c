package com.northbridge.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.text.Language;

/**
 * Cuts a document along its own structure. A chunk never crosses a heading; in rule texts every article
 * is its own chunk, so a citation can name it, and it is only split (at sentence ends) when it alone
 * exceeds the size limit. Paragraphs of a section are packed together up to the limit.
 */
@ApplicationScoped
public class StructuredChunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;]|[.](?=\\s))\\s*");

    private final int maxTokens;

    @jakarta.inject.Inject
    public StructuredChunker(KnowledgeConfig config) {
        this(config.ingestion().maxChunkTokens());
    }

    StructuredChunker(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public List<Chunk> chunk(ParsedDocument document) {
        Builder builder = new Builder();
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        boolean titleSeen = false;
        for (Block block : document.blocks()) {
            if (block.isHeading()) {
                builder.flush();
                if (block.level() == 1 && !titleSeen && block.text().equals(document.title())) {
                    titleSeen = true;
                    continue;
                }
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= block.level()) {
                    levels.remove(levels.size() - 1);
                    path.remove(path.size() - 1);
                }
                levels.add(block.level());
                path.add(block.text());
                builder.section(List.copyOf(path));
                continue;
            }
            String text = block.text();
            if (TextStructure.METADATA_LINE.matcher(text).matches()) {
                continue;
            }
            Matcher article = TextStructure.ARTICLE_START.matcher(text);
            if (article.find()) {
                builder.article(article.group(1).replaceAll("\\s+", " "));
            }
            builder.add(text);
        }
        builder.flush();
        return builder.chunks;
    }

    /** Rough model-token count: one per Han character, about 1.3 per other word. */
    static int estimateTokens(String text) {
        int han = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Language.isHan(cp)) {
                han++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
                if (!Character.isWhitespace(cp)) {
                    han++; // punctuation is a token of its own
                }
            }
            i += Character.charCount(cp);
        }
        return han + (int) Math.ceil(words * 1.3);
    }

    private final class Builder {
        final List<Chunk> chunks = new ArrayList<>();
        List<String> path = List.of();
        String article;
        int part;
        final List<String> pending = new ArrayList<>();
        int pendingTokens;

        void section(List<String> newPath) {
            path = newPath;
            article = null;
            part = 0;
        }

        void article(String label) {
            flush();
            article = label;
            part = 0;
        }

        void add(String paragraph) {
            int tokens = estimateTokens(paragraph);
            if (tokens > maxTokens) {
                for (String sentence : SENTENCE_END.split(paragraph)) {
                    if (!sentence.isBlank()) {
                        addPiece(sentence.strip(), estimateTokens(sentence));
                    }
                }
                return;
            }
            addPiece(paragraph, tokens);
        }

        private void addPiece(String piece, int tokens) {
            if (!pending.isEmpty() && pendingTokens + tokens > maxTokens) {
                emit();
            }
            pending.add(piece);
            pendingTokens += tokens;
        }

        void flush() {
            if (!pending.isEmpty()) {
                emit();
            }
        }

        private void emit() {
            String text = joinPieces(pending);
            chunks.add(new Chunk(chunks.size(), path, article, part++, text));
            pending.clear();
            pendingTokens = 0;
        }

        private String joinPieces(List<String> pieces) {
            StringBuilder sb = new StringBuilder();
            for (String piece : pieces) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(piece);
            }
            return sb.toString();
        }
    }
}
