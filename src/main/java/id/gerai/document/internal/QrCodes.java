package id.gerai.document.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * QR codes drawn as vector rectangles (sharp at any zoom, a few hundred bytes, no image for PDF/A to police):
 * dark modules merged into horizontal runs, on a white square with the four-module quiet zone the standard asks for.
 */
final class QrCodes {

    private static final int QUIET = 4;

    private QrCodes() {
    }

    /** The modules of {@code text} at error correction level M (15 % may be damaged or dirty). */
    static ByteMatrix encode(String text) {
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            return code.getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text.length() + " characters", e);
        }
    }

    /** Draws the code with its lower left corner (quiet zone included) at {@code (x, y)}, {@code size} points wide. */
    static void draw(PDPageContentStream cs, ByteMatrix m, float x, float y, float size) throws IOException {
        int n = m.getWidth() + 2 * QUIET;
        float module = size / n;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            float top = y + size - (row + QUIET + 1) * module;
            int col = 0;
            while (col < m.getWidth()) {
                if (m.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row) == 1) {
                    col++;
                }
                cs.addRect(x + (start + QUIET) * module, top, (col - start) * module, module);
            }
        }
        cs.fill();
    }
}
