package com.northbridge.assistant.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import com.northbridge.assistant.text.Language;

/**
 * Writes our own Markdown text as PDF or DOCX. It builds the binary documents of knowledge-docs/ from
 * scripts/doc-sources/ (run through scripts/build-binary-docs) and the binary fixtures of the tests, so
 * both come from text we wrote. Only headings, paragraphs and "-" lists are understood.
 */
public final class DocumentFiles {

    /** Debian's fonts-wqy-microhei: the CJK font the committed Chinese PDFs embed (subset). */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private record Line(int level, String text) {
    }

    private DocumentFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args.length > 0 ? args[0] : "scripts/doc-sources");
        Path target = Path.of(args.length > 1 ? args[1] : "knowledge-docs");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".md") && !p.getParent().equals(sources)).sorted().toList()) {
                String markdown = Files.readString(source);
                String format = formatOf(markdown);
                Path relative = sources.relativize(source);
                String name = relative.toString().replaceAll("\\.md$", "." + format);
                Path out = target.resolve(name);
                Files.createDirectories(out.getParent());
                byte[] bytes = format.equals("pdf") ? pdf(markdown, Optional.of(CJK_FONT)) : docx(markdown);
                Files.write(out, bytes);
                System.out.println("wrote " + out + " (" + bytes.length + " bytes)");
            }
        }
    }

    /** A source names its format in a first-line comment "<!-- format: pdf -->"; PDF unless it says docx. */
    private static String formatOf(String markdown) {
        return markdown.lines().findFirst().filter(l -> l.contains("format: docx")).isPresent() ? "docx" : "pdf";
    }

    private static List<Line> lines(String markdown) {
        List<Line> lines = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("<!--")) {
                continue;
            }
            boolean heading = line.startsWith("#");
            if (line.isEmpty() || heading || line.startsWith("- ") || TextStructure.ARTICLE_START.matcher(line).find()) {
                if (!paragraph.isEmpty()) {
                    lines.add(new Line(0, paragraph.toString()));
                    paragraph.setLength(0);
                }
            }
            if (heading) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                lines.add(new Line(level, line.substring(level).strip()));
            } else if (!line.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    boolean han = Language.isCjk(paragraph.codePointBefore(paragraph.length())) || Language.isCjk(line.codePointAt(0));
                    paragraph.append(han ? "" : " ");
                }
                paragraph.append(line.startsWith("- ") ? "• " + line.substring(2) : line);
            }
        }
        if (!paragraph.isEmpty()) {
            lines.add(new Line(0, paragraph.toString()));
        }
        return lines;
    }

    public static byte[] docx(String markdown) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            for (int level = 1; level <= 4; level++) {
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId("Heading" + level);
                style.setType(STStyleType.PARAGRAPH);
                CTString name = CTString.Factory.newInstance();
                name.setVal("heading " + level);
                style.setName(name);
                CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
                priority.setVal(BigInteger.valueOf(9));
                style.setUiPriority(priority);
                styles.addStyle(new XWPFStyle(style));
            }
            for (Line line : lines(markdown)) {
                XWPFParagraph paragraph = doc.createParagraph();
                if (line.level() > 0) {
                    paragraph.setStyle("Heading" + line.level());
                }
                paragraph.createRun().setText(line.text());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf(String markdown, Optional<Path> cjkFont) {
        List<Line> lines = lines(markdown);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = cjkFont.filter(Files::exists).map(p -> loadCollectionFont(doc, p))
                    .orElseGet(() -> new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            PDDocumentInformation info = new PDDocumentInformation();
            lines.stream().filter(l -> l.level() == 1).findFirst().ifPresent(l -> info.setTitle(l.text()));
            doc.setDocumentInformation(info);
            new PdfWriter(doc, font).write(lines);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont loadCollectionFont(PDDocument doc, Path path) {
        try {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            return PDType0Font.load(doc, first[0], true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays out lines top to bottom, wrapping by measured width, with a blank gap between paragraphs. */
    private static final class PdfWriter {
        private static final float MARGIN = 56;
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;

        PdfWriter(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void write(List<Line> lines) throws IOException {
            newPage();
            for (Line line : lines) {
                float size = switch (line.level()) {
                    case 1 -> 18;
                    case 2 -> 14;
                    case 3 -> 12.5f;
                    default -> 11;
                };
                for (String row : wrap(line.text(), size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
                    if (y < MARGIN + size) {
                        newPage();
                    }
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(row);
                    stream.endText();
                    y -= size * 1.4f;
                }
                y -= size * 1.2f; // paragraph gap, so text extraction sees a new paragraph
            }
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                String unit;
                if (Language.isHan(cp) || !Character.isLetterOrDigit(cp)) {
                    unit = new String(Character.toChars(cp));
                    i += Character.charCount(cp);
                } else {
                    int end = i;
                    while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end)) && !Language.isHan(text.codePointAt(end))) {
                        end += Character.charCount(text.codePointAt(end));
                    }
                    unit = text.substring(i, end);
                    i = end;
                }
                if (font.getStringWidth(row + unit) / 1000 * size > width && !row.isEmpty()) {
                    rows.add(row.toString().stripTrailing());
                    row.setLength(0);
                    if (unit.isBlank()) {
                        continue;
                    }
                }
                row.append(unit);
            }
            if (!row.isEmpty()) {
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** UTF-8 bytes of a text, for fixtures. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
