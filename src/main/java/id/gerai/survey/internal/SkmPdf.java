package id.gerai.survey.internal;

import id.gerai.survey.SkmResult;
import id.gerai.survey.SkmResult.Figure;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The SKM report as a PDF (A4, Liberation Sans embedded): the IKM and grade, the element table with its bar chart,
 * the breakdowns, the respondent profile and the follow-up plan. Text is real text, so it can be searched and read
 * aloud.
 */
@Component
class SkmPdf {

    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final ReportView.Builder text;

    SkmPdf(ReportView.Builder text) {
        this.text = text;
    }

    byte[] render(Tenant tenant, ReportView v, Locale locale) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc, font(doc, "/liberation/LiberationSans-Regular.ttf"), font(doc, "/liberation/LiberationSans-Bold.ttf"));
            String title = text.text("survey.report.title", locale, tenant.name());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title + " — " + v.periodLabel());
            info.setCreator("Gerai");
            SkmResult r = v.result();
            Figure t = v.total();

            w.paragraph(w.bold, 16, title); // a long region name wraps rather than being cut
            w.line(w.regular, 12, v.periodLabel());
            w.line(w.regular, 9, r.published() ? text.text("survey.report.status.published", locale, v.publishedAt())
                    : text.text("survey.report.status.live", locale));
            w.line(w.regular, 9, text.text("survey.report.generated", locale,
                    DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(LocalDate.now())));
            w.gap(8);
            if (t.ikm().empty()) {
                w.line(w.regular, 11, text.text("survey.report.none", locale));
            } else {
                w.line(w.bold, 13, text.text("survey.report.ikm", locale) + ": "
                        + text.text("survey.report.ikm.value", locale, t.ikm().converted().toPlainString(), t.ikm().ikm().toPlainString()));
                w.line(w.bold, 13, text.text("survey.report.grade", locale) + ": "
                        + text.text("survey.report.grade.value", locale, t.ikm().grade().name(), text.text(t.ikm().grade().key(), locale)));
                w.line(w.regular, 10, text.text("survey.report.respondents", locale) + ": " + t.ikm().respondents()
                        + "   " + text.text("survey.report.population", locale) + ": " + t.population()
                        + "   " + text.text("survey.report.minimum", locale) + ": " + t.minimumSample());
                if (t.provisional()) {
                    w.line(w.bold, 10, text.text("survey.report.provisional", locale));
                }
                w.line(w.regular, 9, text.text("survey.report.method", locale, t.ikm().converted0111().toPlainString()));
            }
            w.gap(10);

            w.line(w.bold, 12, text.text("survey.report.elements", locale));
            float[] cols = {0, 250, 330, 390};
            w.row(w.bold, 9, cols, text.text("survey.report.col.element", locale), text.text("survey.report.col.average", locale),
                    text.text("survey.report.col.converted", locale), "");
            for (ReportView.ElementRow e : v.elements()) {
                String name = e.element().name() + " " + text.text(e.nameKey(), locale) + (e.lowest() ? " (" + text.text("survey.report.lowest", locale) + ")" : "");
                w.row(e.lowest() ? w.bold : w.regular, 9, cols, name, num(e.average()), num(e.converted()), "");
                w.bar(MARGIN + cols[3], WIDTH - cols[3], e.barPercent(), e.lowest());
            }
            w.gap(10);

            breakdown(w, locale, "survey.report.by-service", v.services());
            breakdown(w, locale, "survey.report.by-agency", v.agencies());
            breakdown(w, locale, "survey.report.by-point", v.points());

            w.line(w.bold, 12, text.text("survey.report.profile", locale));
            for (ReportView.ProfileBlock b : v.profile()) {
                StringBuilder s = new StringBuilder(text.text("survey.profile." + b.dimension(), locale)).append(": ");
                for (int i = 0; i < b.rows().size(); i++) {
                    ReportView.ProfileRow row = b.rows().get(i);
                    s.append(i > 0 ? "; " : "").append(text.text(row.key(), locale)).append(" ").append(row.count());
                }
                w.paragraph(w.regular, 9, s.toString());
            }
            w.gap(10);

            w.line(w.bold, 12, text.text("survey.report.followup", locale));
            if (r.followUps().isEmpty()) {
                w.line(w.regular, 9, text.text("survey.report.followup.none", locale));
            } else {
                float[] fc = {0, 120, 330, 430};
                w.row(w.bold, 9, fc, text.text("survey.report.col.element", locale), text.text("survey.report.col.action", locale),
                        text.text("survey.report.col.owner", locale), text.text("survey.report.col.target", locale));
                for (SkmResult.FollowUp f : r.followUps()) {
                    w.row(w.regular, 9, fc, f.element().name() + " " + text.text(f.element().key() + ".name", locale), f.action(), f.owner(),
                            f.targetDate().toString());
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void breakdown(Writer w, Locale locale, String heading, List<ReportView.ScopeRow> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        w.line(w.bold, 12, text.text(heading, locale));
        float[] cols = {0, 260, 330, 390, 440};
        w.row(w.bold, 9, cols, text.text("survey.report.col.scope", locale), text.text("survey.report.col.respondents", locale),
                text.text("survey.report.col.ikm", locale), text.text("survey.report.col.grade", locale),
                text.text("survey.report.col.status", locale));
        for (ReportView.ScopeRow r : rows) {
            w.row(w.regular, 9, cols, r.name() == null ? text.text(r.unnamedKey(), locale) : r.name(), String.valueOf(r.respondents()),
                    num(r.converted()), r.grade() == null ? "" : r.grade().name(),
                    r.provisional() ? text.text("survey.report.minimum", locale) + " " + r.minimumSample() : "");
        }
        w.gap(8);
    }

    private static String num(BigDecimal d) {
        return d == null ? "-" : d.toPlainString();
    }

    private static PDType0Font font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = SkmPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing: " + resource);
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** A cursor down the pages. */
    private static final class Writer {
        final PDDocument doc;
        final PDType0Font regular;
        final PDType0Font bold;
        PDPageContentStream cs;
        float y;

        Writer(PDDocument doc, PDType0Font regular, PDType0Font bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void line(PDType0Font font, float size, String s) throws IOException {
            need(size * 1.4f);
            y -= size * 1.4f;
            show(font, size, MARGIN, fit(font, size, s, WIDTH));
        }

        void paragraph(PDType0Font font, float size, String s) throws IOException {
            StringBuilder current = new StringBuilder();
            for (String word : safe(font, s).split(" ")) {
                String next = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(next) / 1000 * size > WIDTH && !current.isEmpty()) {
                    line(font, size, current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(next);
                }
            }
            if (!current.isEmpty()) {
                line(font, size, current.toString());
            }
        }

        void row(PDType0Font font, float size, float[] cols, String... cells) throws IOException {
            need(size * 1.5f);
            y -= size * 1.5f;
            for (int i = 0; i < cells.length; i++) {
                float width = (i + 1 < cols.length ? cols[i + 1] : WIDTH) - cols[i] - 6;
                show(font, size, MARGIN + cols[i], fit(font, size, cells[i], width));
            }
        }

        /** A bar of {@code percent} of {@code width} on the current row; the lowest elements darker. */
        void bar(float x, float width, BigDecimal percent, boolean dark) throws IOException {
            float w = width * Math.max(0, Math.min(100, percent.floatValue())) / 100f;
            cs.setNonStrokingColor(dark ? 0.55f : 0.75f, dark ? 0.1f : 0.45f, dark ? 0.1f : 0.7f);
            cs.addRect(x, y - 1, w, 8);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
        }

        private void show(PDType0Font font, float size, float x, String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        private static String fit(PDType0Font font, float size, String s, float width) throws IOException {
            String t = safe(font, s == null ? "" : s);
            if (font.getStringWidth(t) / 1000 * size <= width) {
                return t;
            }
            while (!t.isEmpty() && font.getStringWidth(t + "…") / 1000 * size > width) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        /** The text with characters the font cannot show replaced, and line breaks as spaces. */
        private static String safe(PDType0Font font, String s) {
            StringBuilder out = new StringBuilder();
            s.replaceAll("[\\r\\n\\t]+", " ").codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    out.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
