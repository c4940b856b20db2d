package id.gerai.platform.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
    void aDeletedFileIsGoneAndDeletingAMissingOneIsHarmless() throws IOException {
        LocalBlobStore store = new LocalBlobStore(dir);
        String png = store.store(new ByteArrayInputStream(PNG), 1024, DOCS).sha256();
        String pdf = store.store(new ByteArrayInputStream(PDF), 1024, DOCS).sha256();
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        // just stored: spared
        assertThat(store.deleteIfStoredBefore(png, hourAgo)).isFalse();
        assertThat(store.exists(png)).isTrue();
        age(png);
        assertThat(store.deleteIfStoredBefore(png, hourAgo)).isTrue();
        assertThat(store.exists(png)).isFalse();
        assertThat(store.open(png)).isEmpty();
        assertThat(store.deleteIfStoredBefore(png, Instant.now())).isFalse();
        assertThat(store.deleteIfStoredBefore("../../etc/passwd", Instant.now())).isFalse();
        assertThat(store.exists(pdf)).isTrue();
        assertThat(files()).hasSize(1);
    }

    @Test
    void anOldFileStoredAgainIsSparedByTheDeletion() throws IOException {
        LocalBlobStore store = new LocalBlobStore(dir);
        String png = store.store(new ByteArrayInputStream(PNG), 1024, DOCS).sha256();
        age(png);
        // an upload of the same bytes, whose row is not committed yet
        store.store(new ByteArrayInputStream(PNG), 1024, DOCS);
        assertThat(store.deleteIfStoredBefore(png, Instant.now().minus(Duration.ofHours(1)))).isFalse();
        assertThat(store.exists(png)).isTrue();
    }

    /** Makes a stored file two hours old. */
    private void age(String sha256) throws IOException {
        try (var found = Files.walk(dir)) {
            Path file = found.filter(p -> p.getFileName().toString().equals(sha256)).findFirst().orElseThrow();
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }
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
