package id.gerai.document.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs poppler's {@code pdfsig} (Debian's poppler-utils) on a PDF: the independent check of Gerai's signatures.
 * In CI ({@code CI=true}) a missing {@code pdfsig} fails the test; on a workstation without it the test is skipped.
 */
public final class PdfSig {

    private PdfSig() {
    }

    /** {@code pdfsig}'s report (standard output and error) for {@code pdf}. */
    public static String check(byte[] pdf) {
        Path exe = Path.of("/usr/bin/pdfsig");
        if (!Files.isExecutable(exe)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("pdfsig not found: install Debian's poppler-utils");
            }
            Assumptions.abort("pdfsig (poppler-utils) not installed");
        }
        try {
            Path file = Files.createTempFile("gerai-pdfsig-", ".pdf");
            try {
                Files.write(file, pdf);
                Process p = new ProcessBuilder(exe.toString(), "-nocert", file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("pdfsig did not finish");
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
