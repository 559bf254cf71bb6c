package com.northbridge.assistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

import com.northbridge.assistant.knowledge.DocumentRejected.Reason;
import com.northbridge.assistant.text.Language;

/**
 * Reads a file with Tika's AutoDetectParser into titled, structured blocks. The type comes from the
 * content (no file name is given to the detector), and everything that can go wrong with a file ends in a
 * {@link DocumentRejected} with a reason a person can act on.
 */
@ApplicationScoped
public class DocumentParser {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Set<String> MARKUP = Set.of("text/html", "application/xhtml+xml", DOCX);
    /** What Tika's detector calls password-protected Office files. */
    private static final Set<String> ENCRYPTED_CONTAINERS = Set.of("application/x-tika-ooxml-protected", "application/x-tika-msoffice-encrypted");
    private static final Set<String> PLAIN = Set.of("text/plain", "text/markdown", "text/x-web-markdown");

    private static final Pattern EFFECTIVE_ISO = Pattern.compile(
            "(?i)(?:effective(?:\\s+date)?|生效日期|施行日期|生效时间)\\s*[:：]?\\s*(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern VERSION = Pattern.compile("(?i)(?:^|\\n)\\s*(?:version|版本(?:号)?)\\s*[:：]?\\s*(v?\\d+(?:\\.\\d+)*)");

    /** What a file may cost us: bytes in, characters out, compression ratio, XML nesting. */
    record Limits(long maxFileSize, int maxTextLength, long maxCompressionRatio, int maxNestingDepth) {
    }

    private final AutoDetectParser parser;
    private final Limits limits;

    @jakarta.inject.Inject
    public DocumentParser(KnowledgeConfig config) {
        this(new Limits(config.ingestion().maxFileSize().asLongValue(), config.ingestion().maxTextLength(),
                config.ingestion().maxCompressionRatio(), config.ingestion().maxNestingDepth()));
    }

    DocumentParser(Limits limits) {
        this.limits = limits;
        this.parser = new AutoDetectParser();
        // Tika's own guard against zip and nesting bombs; our write limit below bounds the text itself.
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(null, 1_000_000L,
                limits.maxCompressionRatio(), limits.maxNestingDepth(), 10));
    }

    public ParsedDocument parse(byte[] content, String fallbackTitle) throws DocumentRejected {
        if (content.length == 0) {
            throw new DocumentRejected(Reason.EMPTY, "The file is empty.");
        }
        if (content.length > limits.maxFileSize()) {
            throw new DocumentRejected(Reason.TOO_LARGE, "The file is " + megabytes(content.length)
                    + " MB; the limit is " + megabytes(limits.maxFileSize()) + " MB.");
        }
        MediaType detected = detect(content);
        String mediaType = detected.getBaseType().toString();
        if (ENCRYPTED_CONTAINERS.contains(mediaType)) {
            throw new DocumentRejected(Reason.ENCRYPTED, "The file is password-protected or encrypted; upload an unprotected copy.");
        }
        boolean markup = MARKUP.contains(mediaType);
        if (!markup && !PLAIN.contains(mediaType) && !PDF.equals(mediaType)) {
            throw new DocumentRejected(Reason.UNSUPPORTED_TYPE, "Files of type " + mediaType
                    + " are not supported; use PDF, DOCX, HTML, Markdown or plain text.");
        }

        Metadata metadata = new Metadata();
        // The type is known: without this the parser would run the detector over the content a second time.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, detected.toString());
        ParseContext context = new ParseContext();
        // Attachments and embedded files are not knowledge we vouch for: never parse them.
        context.set(Parser.class, new EmptyParser());
        BlockCollector collector = new BlockCollector();
        WriteOutContentHandler limited = new WriteOutContentHandler(collector, limits.maxTextLength(), true, context);
        try (InputStream in = TikaInputStream.get(content)) {
            parser.parse(in, limited, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new DocumentRejected(Reason.ENCRYPTED, "The file is password-protected or encrypted; upload an unprotected copy.", e);
        } catch (ZeroByteFileException e) {
            throw new DocumentRejected(Reason.EMPTY, "The file is empty.", e);
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new DocumentRejected(Reason.BOMB, "The file expands to more than " + limits.maxTextLength()
                        + " characters of text; it looks like a decompression bomb or is too long to be one document.", e);
            }
            if (isBomb(e)) {
                throw new DocumentRejected(Reason.BOMB, "The file looks like a decompression or nesting bomb and was not read.", e);
            }
            throw new DocumentRejected(Reason.CORRUPT, "The file could not be read as " + mediaType
                    + "; it may be damaged or truncated (" + rootMessage(e) + ").", e);
        }

        List<Block> blocks = new ArrayList<>(TextStructure.restructure(collector.blocks(), PLAIN.contains(mediaType), !markup));
        promoteTitleLine(blocks, metadata.get(TikaCoreProperties.TITLE));
        String text = String.join("\n", blocks.stream().map(Block::text).toList());
        if (text.isBlank()) {
            throw new DocumentRejected(Reason.EMPTY, "The file contains no text (a scanned image needs OCR first).");
        }
        String title = blocks.stream().filter(b -> b.isHeading() && b.level() == 1).map(Block::text).findFirst()
                .or(() -> Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE)).filter(t -> !t.isBlank()))
                .orElse(fallbackTitle);
        return new ParsedDocument(mediaType, title.strip(), Language.detect(text), effectiveDate(text), version(text), blocks);
    }

    /** A PDF has no heading markup: its first line is the title when it repeats the title in the metadata. */
    private static void promoteTitleLine(List<Block> blocks, String metadataTitle) {
        if (metadataTitle == null || blocks.isEmpty() || blocks.stream().anyMatch(b -> b.isHeading() && b.level() == 1)) {
            return;
        }
        Block first = blocks.get(0);
        if (!first.isHeading() && first.text().strip().equals(metadataTitle.strip())) {
            blocks.set(0, Block.heading(1, first.text().strip()));
        }
    }

    private MediaType detect(byte[] content) throws DocumentRejected {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return parser.getDetector().detect(in, new Metadata());
        } catch (IOException e) {
            throw new DocumentRejected(Reason.CORRUPT, "The file's type could not be determined.", e);
        }
    }

    static Optional<LocalDate> effectiveDate(String text) {
        Matcher m = EFFECTIVE_ISO.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> version(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (message.contains("zip bomb") || message.contains("nesting")
                    || message.contains("compression ratio")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
