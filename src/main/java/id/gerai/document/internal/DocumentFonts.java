package id.gerai.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The fonts every document embeds (PDF/A allows no other): Liberation Serif regular and bold (SIL Open Font
 * License 1.1, from the {@code openpdf-fonts-extra} jar), metric-compatible with Times New Roman, the face of
 * Indonesian official letters. The files are read once; each document parses and subsets its own copy, since
 * PDFBox font objects are not thread-safe. Characters a font lacks are replaced before drawing.
 */
@Component
class DocumentFonts {

    private static final String REGULAR = "/liberation/LiberationSerif-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSerif-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    private final BitSet supported;
    /** Parsed fonts waiting for the next document: parsing costs more than drawing a page. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Parsed> pool = new java.util.concurrent.ConcurrentLinkedQueue<>();

    DocumentFonts() {
        this.regular = withoutGsub(read(REGULAR));
        this.bold = withoutGsub(read(BOLD));
        this.supported = supported(regular);
        supported.and(supported(bold));
    }

    /**
     * Parsed fonts for one document at a time: taken from the pool (or parsed), given back with
     * {@link #release}. A parsed font is read-only once loaded, but not safe for two documents at once.
     */
    Parsed borrow() {
        Parsed p = pool.poll();
        if (p != null) {
            return p;
        }
        try {
            return new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(regular)),
                    new TTFParser().parse(new RandomAccessReadBuffer(bold)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(Parsed parsed) {
        if (parsed != null && pool.size() < 16) {
            pool.offer(parsed);
        }
    }

    record Parsed(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** The two faces, loaded into {@code doc} for subset embedding. */
    Faces load(PDDocument doc, Parsed parsed) {
        try {
            return new Faces(PDType0Font.load(doc, parsed.regular(), true), PDType0Font.load(doc, parsed.bold(), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Faces(PDType0Font regular, PDType0Font bold) {
    }

    /**
     * {@code text} with what the fonts cannot draw replaced: line breaks and tabs by spaces, other control
     * characters dropped, anything else missing by {@code ?}.
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0xA0) {
                b.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0xFEFF || Character.getType(cp) == Character.FORMAT) {
                // dropped
            } else if (cp < supported.size() && supported.get(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static BitSet supported(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet set = new BitSet(0x10000);
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    set.set(cp);
                }
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font with its GSUB table hidden (its tag renamed, so font readers skip it). PDFBox would otherwise run
     * glyph substitution (ligatures) on every string drawn, which costs most of a document's rendering time and
     * only turns "fi" into one glyph; without it, copied text is also exactly the text written.
     */
    static byte[] withoutGsub(byte[] font) {
        byte[] copy = font.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (copy[entry] == 'G' && copy[entry + 1] == 'S' && copy[entry + 2] == 'U' && copy[entry + 3] == 'B') {
                copy[entry] = 'x';
            }
        }
        return copy;
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " missing from the classpath (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
