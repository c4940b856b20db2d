package id.gerai.document.internal;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import id.gerai.document.internal.DocumentFonts.Faces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link DocumentContent} out on A4 pages as PDF/A-2b: the letterhead (kop surat) with its double rule,
 * the title and number, the text (justified), the printed form fields, the place and date, the official's
 * position and name beside the QR code and verification code, and a footer on every page. Fonts are embedded
 * (subsets), colours are sRGB with an sRGB output intent, XMP metadata mirrors the document information, and
 * objects are written without object streams so the file signs as a plain incremental update.
 *
 * <p>The fixed words on the page come from the {@code document.pdf.*} messages in Bahasa Indonesia, the
 * language of official documents. Thread-safe: each call works on its own document.
 */
@Component
class PdfRenderer {

    static final Locale ID = Locale.forLanguageTag("id");
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = 70f;
    private static final float RIGHT = WIDTH - 57f;
    private static final float TOP = HEIGHT - 42f;
    private static final float BOTTOM = 70f;
    private static final float BODY_SIZE = 11.5f;
    private static final float LEADING = 16f;
    private static final float QR_SIZE = 84f;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final DocumentFonts fonts;
    private final MessageSource messages;

    PdfRenderer(DocumentFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] render(DocumentContent c) {
        DocumentFonts.Parsed parsed = fonts.borrow();
        try (PDDocument doc = new PDDocument()) {
            doc.getDocument().setVersion(1.7f);
            doc.setVersion(1.7f);
            Faces faces = fonts.load(doc, parsed);
            Writer w = new Writer(doc, faces);
            w.newPage();
            letterhead(w, c);
            title(w, c);
            for (String p : c.paragraphs()) {
                w.paragraph(fonts.printable(p));
            }
            rows(w, c);
            signature(w, c);
            w.close();
            footers(doc, faces, c);
            metadata(doc, c);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out, CompressParameters.NO_COMPRESSION);
            fonts.release(parsed);
            parsed = null;
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, ID);
    }

    // --- parts of the page ---------------------------------------------------------------------------------

    private void letterhead(Writer w, DocumentContent c) throws IOException {
        w.centered(w.faces.bold(), 13f, fonts.printable(c.government()).toUpperCase(ID), 17f);
        w.centered(w.faces.bold(), 15f, fonts.printable(c.agency()).toUpperCase(ID), 19f);
        for (String line : c.letterhead()) {
            w.centered(w.faces.regular(), 9.5f, fonts.printable(line), 12f);
        }
        w.y -= 5f;
        w.cs.setLineWidth(2.2f);
        w.cs.moveTo(LEFT, w.y);
        w.cs.lineTo(RIGHT, w.y);
        w.cs.stroke();
        w.cs.setLineWidth(0.6f);
        w.cs.moveTo(LEFT, w.y - 3f);
        w.cs.lineTo(RIGHT, w.y - 3f);
        w.cs.stroke();
        w.y -= 28f;
    }

    private void title(Writer w, DocumentContent c) throws IOException {
        String title = fonts.printable(c.title()).toUpperCase(ID);
        for (String line : w.wrap(w.faces.bold(), 13f, title, RIGHT - LEFT)) {
            float width = w.width(w.faces.bold(), 13f, line);
            float x = (LEFT + RIGHT - width) / 2;
            w.text(w.faces.bold(), 13f, x, w.y, line);
            w.cs.setLineWidth(0.7f);
            w.cs.moveTo(x, w.y - 2f);
            w.cs.lineTo(x + width, w.y - 2f);
            w.cs.stroke();
            w.y -= 17f;
        }
        w.centered(w.faces.regular(), BODY_SIZE, fonts.printable(msg("document.pdf.number", c.number())), LEADING);
        w.y -= 14f;
    }

    private void rows(Writer w, DocumentContent c) throws IOException {
        if (c.rows().isEmpty()) {
            return;
        }
        float labelWidth = 165f;
        float colon = LEFT + 12f + labelWidth;
        float valueX = colon + 10f;
        for (DocumentContent.Row row : c.rows()) {
            List<String> labels = w.wrap(w.faces.regular(), BODY_SIZE, fonts.printable(row.label()), labelWidth);
            List<String> values = w.wrap(w.faces.regular(), BODY_SIZE, fonts.printable(row.value()), RIGHT - valueX);
            int lines = Math.max(labels.size(), Math.max(1, values.size()));
            w.ensure(lines * LEADING);
            for (int i = 0; i < lines; i++) {
                if (i < labels.size()) {
                    w.text(w.faces.regular(), BODY_SIZE, LEFT + 12f, w.y, labels.get(i));
                }
                if (i == 0) {
                    w.text(w.faces.regular(), BODY_SIZE, colon, w.y, ":");
                }
                if (i < values.size()) {
                    w.text(w.faces.regular(), BODY_SIZE, valueX, w.y, values.get(i));
                }
                w.y -= LEADING;
            }
        }
        w.y -= 8f;
    }

    private void signature(Writer w, DocumentContent c) throws IOException {
        float column = LEFT + (RIGHT - LEFT) * 0.52f;
        float columnWidth = RIGHT - column;
        List<String> position = w.wrap(w.faces.bold(), BODY_SIZE, fonts.printable(c.position()), columnWidth);
        float needed = LEADING * (3 + position.size()) + QR_SIZE + 30f;
        w.ensure(needed);
        w.y -= 10f;
        float top = w.y;
        w.text(w.faces.regular(), BODY_SIZE, column, w.y, fonts.printable(c.placeAndDate()));
        w.y -= LEADING;
        for (String line : position) {
            w.text(w.faces.bold(), BODY_SIZE, column, w.y, line);
            w.y -= LEADING;
        }
        // the electronic signature mark where a wet signature would go
        float markTop = w.y - 4f;
        w.text(w.faces.regular(), 8.5f, column, markTop, fonts.printable(msg("document.pdf.signed-by")));
        w.cs.setStrokingColor(0.1f, 0.3f, 0.55f);
        w.cs.setLineWidth(0.8f);
        w.cs.addRect(column - 4f, markTop - 30f, columnWidth + 2f, 42f);
        w.cs.stroke();
        w.cs.setStrokingColor(0f, 0f, 0f);
        w.text(w.faces.regular(), 8.5f, column, markTop - 12f, fonts.printable(msg("document.pdf.certificate")));
        w.text(w.faces.regular(), 8.5f, column, markTop - 24f, fonts.printable(msg("document.pdf.code", c.shortCode())));
        w.y = markTop - 50f;
        String name = fonts.printable(c.officialName());
        w.text(w.faces.bold(), BODY_SIZE, column, w.y, name);
        float nameWidth = Math.min(w.width(w.faces.bold(), BODY_SIZE, name), columnWidth);
        w.cs.setLineWidth(0.7f);
        w.cs.moveTo(column, w.y - 2f);
        w.cs.lineTo(column + nameWidth, w.y - 2f);
        w.cs.stroke();
        float bottomOfText = w.y - LEADING;

        // the QR code on the left, level with the block
        ByteMatrix qr = QrCodes.encode(c.verifyUrl());
        float qrY = top - QR_SIZE + 8f;
        QrCodes.draw(w.cs, qr, LEFT, qrY, QR_SIZE);
        float captionY = qrY - 10f;
        for (String line : w.wrap(w.faces.regular(), 7.5f, fonts.printable(msg("document.pdf.scan")), QR_SIZE + 60f)) {
            w.text(w.faces.regular(), 7.5f, LEFT, captionY, line);
            captionY -= 9f;
        }
        w.text(w.faces.bold(), 8f, LEFT, captionY, fonts.printable(c.shortCode()));
        w.y = Math.min(bottomOfText, captionY - LEADING);
    }

    private void footers(PDDocument doc, Faces faces, DocumentContent c) throws IOException {
        int pages = doc.getNumberOfPages();
        List<String> text = new ArrayList<>();
        if (c.replaces() != null) {
            text.add(msg("document.pdf.replaces", c.replaces()));
        }
        text.add(msg("document.pdf.footer", c.verifyUrl().replaceAll("/[^/]*$", "")));
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                Writer w = new Writer(doc, faces, cs);
                w.y = BOTTOM - 16f;
                cs.setStrokingColor(0.45f, 0.45f, 0.45f);
                cs.setLineWidth(0.4f);
                cs.moveTo(LEFT, BOTTOM - 6f);
                cs.lineTo(RIGHT, BOTTOM - 6f);
                cs.stroke();
                cs.setNonStrokingColor(0.25f, 0.25f, 0.25f);
                for (String paragraph : text) {
                    for (String line : w.wrap(faces.regular(), 7f, fonts.printable(paragraph), RIGHT - LEFT)) {
                        w.text(faces.regular(), 7f, LEFT, w.y, line);
                        w.y -= 8.5f;
                    }
                }
                if (pages > 1) {
                    String n = fonts.printable(msg("document.pdf.page", i + 1, pages));
                    w.text(faces.regular(), 7f, RIGHT - w.width(faces.regular(), 7f, n), HEIGHT - 24f, n);
                }
            }
        }
    }

    // --- PDF/A-2b -----------------------------------------------------------------------------------------------

    private void metadata(PDDocument doc, DocumentContent c) throws IOException {
        String title = fonts.printable(c.title()) + " " + c.number();
        String author = fonts.printable(c.agency());
        String subject = c.verifyUrl();
        GregorianCalendar created = GregorianCalendar.from(c.created().withNano(0));
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator("Gerai");
        info.setProducer("Gerai");
        info.setCreationDate(created);
        info.setModificationDate(created);

        String date = c.created().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                <pdfaid:part>2</pdfaid:part>
                <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:format>application/pdf</dc:format>
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                <xmp:CreateDate>%s</xmp:CreateDate>
                <xmp:ModifyDate>%s</xmp:ModifyDate>
                <xmp:CreatorTool>Gerai</xmp:CreatorTool>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                <pdf:Producer>Gerai</pdf:Producer>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), xml(author), xml(subject), date, date);
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
        doc.getDocumentCatalog().setLanguage("id-ID");

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // --- a cursor over the pages ------------------------------------------------------------------------------

    /** Where the next line goes; starts a new page when the current one is full. */
    private static final class Writer {

        final PDDocument doc;
        final Faces faces;
        PDPageContentStream cs;
        float y;

        Writer(PDDocument doc, Faces faces) {
            this.doc = doc;
            this.faces = faces;
        }

        Writer(PDDocument doc, Faces faces, PDPageContentStream cs) {
            this(doc, faces);
            this.cs = cs;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            // explicit sRGB-backed DeviceRGB colours throughout (PDF/A with an RGB output intent)
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.setStrokingColor(0f, 0f, 0f);
            y = TOP;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void text(PDFont font, float size, float x, float at, String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, at);
            cs.showText(s);
            cs.endText();
        }

        void centered(PDFont font, float size, String s, float leading) throws IOException {
            for (String line : wrap(font, size, s, RIGHT - LEFT)) {
                ensure(leading);
                text(font, size, (LEFT + RIGHT - width(font, size, line)) / 2, y, line);
                y -= leading;
            }
        }

        /** A justified paragraph (its last line flush left), first line indented. */
        void paragraph(String s) throws IOException {
            float indent = 28f;
            List<String> words = List.of(s.strip().split(" +"));
            if (words.isEmpty() || words.getFirst().isEmpty()) {
                return;
            }
            PDFont font = faces.regular();
            float space = width(font, BODY_SIZE, " ");
            int i = 0;
            boolean first = true;
            while (i < words.size()) {
                float x = LEFT + (first ? indent : 0f);
                float available = RIGHT - x;
                List<String> line = new ArrayList<>();
                float used = 0f;
                while (i < words.size()) {
                    String word = words.get(i);
                    float ww = width(font, BODY_SIZE, word);
                    float next = line.isEmpty() ? ww : used + space + ww;
                    if (next > available && !line.isEmpty()) {
                        break;
                    }
                    if (ww > available) { // a single word wider than the line: break it by characters
                        String[] parts = breakWord(font, BODY_SIZE, word, available);
                        line.add(parts[0]);
                        words = new ArrayList<>(words);
                        words.set(i, parts[1]);
                        used = available;
                        break;
                    }
                    line.add(word);
                    used = next;
                    i++;
                }
                ensure(LEADING);
                boolean last = i >= words.size();
                float gap = space;
                if (!last && line.size() > 1) {
                    float wordsWidth = used - space * (line.size() - 1);
                    gap = (available - wordsWidth) / (line.size() - 1);
                }
                cs.beginText();
                cs.setFont(font, BODY_SIZE);
                cs.newLineAtOffset(x, y);
                for (int k = 0; k < line.size(); k++) {
                    cs.showText(line.get(k));
                    if (k < line.size() - 1) {
                        cs.newLineAtOffset(width(font, BODY_SIZE, line.get(k)) + gap, 0f);
                    }
                }
                cs.endText();
                y -= LEADING;
                first = false;
            }
            y -= 6f;
        }

        float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0f;
            float space = width(font, size, " ");
            for (String word : s.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float w = width(font, size, word);
                if (!line.isEmpty() && used + space + w <= max) {
                    line.append(' ').append(word);
                    used += space + w;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (w > max) {
                    String[] parts = breakWord(font, size, rest, max);
                    lines.add(parts[0]);
                    rest = parts[1];
                    w = width(font, size, rest);
                }
                line.append(rest);
                used = w;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private String[] breakWord(PDFont font, float size, String word, float max) throws IOException {
            int end = word.length() - 1;
            while (end > 1 && width(font, size, word.substring(0, end)) > max) {
                end--;
            }
            return new String[] {word.substring(0, end), word.substring(end)};
        }
    }
}
