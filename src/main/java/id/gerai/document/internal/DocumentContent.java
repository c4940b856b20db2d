package id.gerai.document.internal;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything a document page shows, already in words: what {@link DocumentComposer} makes of an application and
 * what {@link PdfRenderer} lays out. Keeping the two apart lets the renderer be measured and tested alone.
 *
 * @param government   first letterhead line, e.g. {@code PEMERINTAH KOTA TANGERANG}
 * @param agency       second letterhead line, the agency's name
 * @param letterhead   address lines under it (may be empty)
 * @param paragraphs   the template's text with its placeholders filled, one entry per paragraph
 * @param rows         the printed form fields: label and value
 * @param placeAndDate e.g. {@code Tangerang, 12 Mei 2026}
 * @param verifyUrl    what the QR code holds
 * @param replaces     the number of the document this one corrects, or {@code null}
 * @param created      the creation time written into the PDF's metadata
 */
record DocumentContent(String government, String agency, List<String> letterhead, String title, String number,
                       List<String> paragraphs, List<Row> rows, String placeAndDate, String position, String officialName,
                       String verifyUrl, String shortCode, String replaces, ZonedDateTime created) {

    DocumentContent {
        letterhead = List.copyOf(letterhead);
        paragraphs = List.copyOf(paragraphs);
        rows = List.copyOf(rows);
    }

    record Row(String label, String value) {
    }
}
