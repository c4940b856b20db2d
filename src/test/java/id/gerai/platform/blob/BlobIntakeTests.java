package id.gerai.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick sniff by the accepted types' own rules gives exactly Tika's whole detection, accepted or refused. */
class BlobIntakeTests {

    @TempDir
    Path dir;

    @Test
    void theQuickSniffAgreesWithTikasWholeDetectionOnEverySample() throws Exception {
        Tika tika = new Tika();
        List<Set<String>> acceptedSets = List.of(
                Set.of("application/pdf", "image/jpeg", "image/png"),
                Set.of("application/pdf"),
                Set.of("image/jpeg"),
                Set.of("image/png", "image/gif"),
                Set.of("application/zip"),
                Set.of("text/plain"),
                Set.of("application/x-unknown-kind"));
        int compared = 0;
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            Path file = dir.resolve(sample.getKey());
            Files.write(file, sample.getValue());
            String whole = tika.detect(file);
            for (Set<String> accepted : acceptedSets) {
                assertThat(BlobIntake.sniff(file, accepted)).as("%s with %s accepted", sample.getKey(), accepted)
                        .isEqualTo(whole);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(samples().size() * acceptedSets.size());
    }

    @Test
    void theUsualDocumentsTakeTheQuickPathAndTheRestTikasWholeDetection() throws Exception {
        Set<String> docs = Set.of("application/pdf", "image/jpeg", "image/png");
        Map<String, byte[]> samples = samples();
        assertThat(BlobIntake.quickSniff(samples.get("pdf"), docs)).contains("application/pdf");
        assertThat(BlobIntake.quickSniff(samples.get("png"), docs)).contains("image/png");
        assertThat(BlobIntake.quickSniff(samples.get("jpeg"), docs)).contains("image/jpeg");
        assertThat(BlobIntake.quickSniff(samples.get("jpeg-exif"), docs)).contains("image/jpeg");
        for (String other : List.of("html", "text", "zip", "gif", "pdf-after-bom", "binary")) {
            assertThat(BlobIntake.quickSniff(samples.get(other), docs)).as(other).isEmpty();
        }
    }

    @Test
    void aFileWhoseBytesMatchAnAcceptedTypeIsThatType() throws Exception {
        Path pdf = Files.write(dir.resolve("surat.jpg"), LocalBlobStoreTests.PDF);
        Path png = Files.write(dir.resolve("foto.pdf"), LocalBlobStoreTests.PNG);
        Set<String> docs = Set.of("application/pdf", "image/jpeg", "image/png");
        // the name says otherwise: only the bytes count
        assertThat(BlobIntake.sniff(pdf, docs)).isEqualTo("application/pdf");
        assertThat(BlobIntake.sniff(png, docs)).isEqualTo("image/png");
        Path text = Files.write(dir.resolve("ktp.pdf"), "Ini bukan PDF.".getBytes(StandardCharsets.UTF_8));
        assertThat(BlobIntake.sniff(text, docs)).isEqualTo("text/plain");
    }

    private static byte[] concat(byte[] head, String tail) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head);
        b.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    private static Map<String, byte[]> samples() throws Exception {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("pdf", LocalBlobStoreTests.PDF);
        s.put("pdf-with-text-after", ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n" + "isi ".repeat(400)).getBytes(StandardCharsets.ISO_8859_1));
        s.put("png", LocalBlobStoreTests.PNG);
        s.put("jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1,
                0, 0, (byte) 0xFF, (byte) 0xD9});
        s.put("jpeg-exif", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0, (byte) 0xFF,
                (byte) 0xD9});
        s.put("gif", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1));
        s.put("text", "Surat pernyataan: saya yang bertanda tangan di bawah ini.".getBytes(StandardCharsets.UTF_8));
        s.put("html", "<!DOCTYPE html><html><head><title>%PDF-1.4</title></head><body>bukan PDF</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        s.put("pdf-after-bom", ("\uFEFF%PDF-1.4\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
        // polyglots: one format's signature first, another's markers soon after
        s.put("pdf-then-html", "%PDF-1.4\n<html><head><title>x</title></head><body>halo</body></html>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
        s.put("png-then-html", concat(LocalBlobStoreTests.PNG, "<!DOCTYPE html><html><body>x</body></html>"));
        s.put("jpeg-comment-html", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 40},
                "<html><body><script>x</script></body></html>"));
        s.put("pdf-then-zip", concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "PK\u0003\u0004 dokumen"));
        s.put("script", "#!/bin/sh\necho %PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        s.put("binary", new byte[] {0, 1, 2, 3, 4, 5, (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0});
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("dokumen.pdf"));
            z.write(LocalBlobStoreTests.PDF);
            z.closeEntry();
        }
        s.put("zip", zip.toByteArray());
        return s;
    }
}
