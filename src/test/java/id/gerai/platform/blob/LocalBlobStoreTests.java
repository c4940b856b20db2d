package id.gerai.platform.blob;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBlobStoreTests {

    // a real 1x1 PNG
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final Set<String> DOCS = Set.of("application/pdf", "image/png", "image/jpeg");

    @TempDir
    Path dir;

    @Test
    void storesByContentAddressAndSniffsTheType() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        StoredBlob png = store.store(new ByteArrayInputStream(PNG), 1024, DOCS);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.size()).isEqualTo(PNG.length);
        assertThat(png.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PNG)));
        try (var in = store.open(png.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(PNG);
        }
        assertThat(store.store(new ByteArrayInputStream(PDF), 1024, DOCS).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void theSameFileIsKeptOnce() {
        LocalBlobStore store = new LocalBlobStore(dir);
        String a = store.store(new ByteArrayInputStream(PNG), 1024, DOCS).sha256();
        String b = store.store(new ByteArrayInputStream(PNG), 1024, DOCS).sha256();
        assertThat(a).isEqualTo(b);
        assertThat(files()).hasSize(1);
    }

    @Test
    void aDeletedFileIsGoneAndDeletingAMissingOneIsHarmless() {
        LocalBlobStore store = new LocalBlobStore(dir);
        String png = store.store(new ByteArrayInputStream(PNG), 1024, DOCS).sha256();
        String pdf = store.store(new ByteArrayInputStream(PDF), 1024, DOCS).sha256();
        store.delete(png);
        assertThat(store.exists(png)).isFalse();
        assertThat(store.open(png)).isEmpty();
        store.delete(png);
        store.delete("../../etc/passwd");
        assertThat(store.exists(pdf)).isTrue();
        assertThat(files()).hasSize(1);
    }

    @Test
    void aFileThatLiesAboutItsTypeIsRefusedAndNothingIsKept() {
        LocalBlobStore store = new LocalBlobStore(dir);
        byte[] text = "Ini bukan PDF, hanya teks biasa.".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(text), 1024, DOCS))
                .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.type-not-accepted"));
        assertThat(files()).isEmpty();
    }

    @Test
    void tooLargeAndEmptyFilesAreRefused() {
        LocalBlobStore store = new LocalBlobStore(dir);
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(PNG), PNG.length - 1, DOCS))
                .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.too-large"));
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[0]), 1024, DOCS))
                .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.empty"));
        assertThat(files()).isEmpty();
        assertThat(store.open("../../etc/passwd")).isEmpty();
    }

    private java.util.List<Path> files() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
