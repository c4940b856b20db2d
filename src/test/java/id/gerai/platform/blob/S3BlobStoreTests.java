package id.gerai.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 store against a real S3-compatible server started in this JVM: S3Proxy with its in-memory backend,
 * requiring AWS Signature V4 with its own implementation of the check. So every request the store makes
 * must be signed correctly for the key the server holds, and the tests look at the bucket through the
 * server's backend, not through the store under test.
 */
class S3BlobStoreTests {

    static final String ACCESS_KEY = "gerai-test-access";
    static final String SECRET_KEY = "gerai-test-secret-" + UUID.randomUUID();
    static final byte[] PNG = LocalBlobStoreTests.PNG;
    static final byte[] PDF = LocalBlobStoreTests.PDF;

    static TransientNio2BlobStore backend;
    static S3Proxy server;

    @TempDir
    Path staging;
    String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        backend = new TransientNio2BlobStore();
        server = S3Proxy.builder()
                .blobStore(backend)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"STARTED".equals(server.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.getState()).isEqualTo("STARTED");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @BeforeEach
    void freshBucket() {
        bucket = "gerai-" + UUID.randomUUID().toString().substring(0, 8);
        backend.createContainer(bucket);
    }

    @Test
    void storesUnderTheContentAddressAndReadsItBack() throws Exception {
        try (S3BlobStore store = store(SECRET_KEY, "")) {
            StoredBlob png = store.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS);

            assertThat(png.sha256()).isEqualTo(sha256(PNG));
            assertThat(png.size()).isEqualTo(PNG.length);
            assertThat(png.contentType()).isEqualTo("image/png");
            assertThat(keys()).containsExactly(png.sha256());
            assertThat(backend.blobMetadata(bucket, png.sha256()).contentType()).isEqualTo("image/png");
            try (InputStream in = backend.getBlob(bucket, png.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(PNG);
            }
            assertThat(store.exists(png.sha256())).isTrue();
            try (InputStream in = store.open(png.sha256()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(PNG);
            }
            assertThat(store.store(new ByteArrayInputStream(PDF), 1024, LocalBlobStoreTests.DOCS).contentType())
                    .isEqualTo("application/pdf");
            assertThat(keys()).hasSize(2);
        }
        assertThat(staged()).as("nothing left in the staging folder").isEmpty();
    }

    @Test
    void theSameFileIsKeptOnce() {
        try (S3BlobStore store = store(SECRET_KEY, "")) {
            String a = store.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS).sha256();
            String b = store.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS).sha256();
            assertThat(a).isEqualTo(b);
            assertThat(keys()).containsExactly(a);
        }
    }

    @Test
    void aDeletedFileLeavesTheBucketAndDeletingAMissingOneIsHarmless() {
        try (S3BlobStore store = store(SECRET_KEY, "")) {
            String png = store.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS).sha256();
            String pdf = store.store(new ByteArrayInputStream(PDF), 1024, LocalBlobStoreTests.DOCS).sha256();
            // just stored: spared by a deletion of what was stored before an hour ago
            assertThat(store.deleteIfStoredBefore(png, Instant.now().minus(Duration.ofHours(1)))).isFalse();
            assertThat(keys()).containsExactlyInAnyOrder(png, pdf);
            assertThat(store.deleteIfStoredBefore(png, Instant.now().plus(Duration.ofMinutes(1)))).isTrue();
            assertThat(keys()).containsExactly(pdf);
            assertThat(store.exists(png)).isFalse();
            assertThat(store.deleteIfStoredBefore(png, Instant.now().plus(Duration.ofMinutes(1)))).isFalse();
            assertThat(store.deleteIfStoredBefore("not-an-address", Instant.now())).isFalse();
            assertThat(keys()).containsExactly(pdf);
        }
    }

    @Test
    void aFileThatLiesAboutItsTypeOrIsTooLargeOrEmptyNeverReachesTheBucket() {
        try (S3BlobStore store = store(SECRET_KEY, "")) {
            byte[] text = "Ini bukan PDF, hanya teks biasa.".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream(text), 1024, LocalBlobStoreTests.DOCS))
                    .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.type-not-accepted"));
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream(PNG), PNG.length - 1, LocalBlobStoreTests.DOCS))
                    .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.too-large"));
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[0]), 1024, LocalBlobStoreTests.DOCS))
                    .isInstanceOfSatisfying(BlobRejected.class, e -> assertThat(e.code()).isEqualTo("blob.empty"));
            assertThat(store.exists(sha256(text))).isFalse();
            assertThat(store.exists(sha256(PNG))).isFalse();
        }
        assertThat(keys()).isEmpty();
        assertThat(staged()).isEmpty();
    }

    @Test
    void unknownAndMalformedAddressesAreNotFound() {
        try (S3BlobStore store = store(SECRET_KEY, "")) {
            String unknown = sha256("tidak ada".getBytes(StandardCharsets.UTF_8));
            assertThat(store.exists(unknown)).isFalse();
            assertThat(store.open(unknown)).isEmpty();
            assertThat(store.open("../../etc/passwd")).isEmpty();
            assertThat(store.exists("ABC")).isFalse();
        }
    }

    @Test
    void keysCarryTheConfiguredPrefix() throws Exception {
        try (S3BlobStore store = store(SECRET_KEY, "gerai/blobs/")) {
            String sha = store.store(new ByteArrayInputStream(PDF), 1024, LocalBlobStoreTests.DOCS).sha256();
            assertThat(keys()).containsExactly("gerai/blobs/" + sha);
            assertThat(store.exists(sha)).isTrue();
            try (InputStream in = store.open(sha).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(PDF);
            }
        }
    }

    @Test
    void theServerRefusesRequestsSignedWithAnotherSecret() {
        try (S3BlobStore wrong = store("not-the-secret", "")) {
            assertThatThrownBy(() -> wrong.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS))
                    .isInstanceOf(UncheckedIOException.class).hasStackTraceContaining("403");
            assertThatThrownBy(() -> wrong.exists(sha256(PNG))).isInstanceOf(UncheckedIOException.class);
        }
        assertThat(keys()).isEmpty();
        assertThat(staged()).isEmpty();

        try (S3BlobStore right = store(SECRET_KEY, "")) {
            String sha = right.store(new ByteArrayInputStream(PNG), 1024, LocalBlobStoreTests.DOCS).sha256();
            try (S3BlobStore wrong = store("not-the-secret", "")) {
                assertThatThrownBy(() -> wrong.open(sha)).isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("SignatureDoesNotMatch");
            }
        }
    }

    @Test
    void readingAnObjectWhoseBytesDoNotMatchItsAddressFails() throws Exception {
        String claimed = sha256(PNG);
        backend.putBlob(PutObjectRequest.builder().bucket(bucket).key(claimed).contentLength((long) PDF.length).build(),
                new ByteArrayInputStream(PDF));
        try (S3BlobStore store = store(SECRET_KEY, "");
             InputStream in = store.open(claimed).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("does not match");
        }
    }

    @Test
    void buildsPathStyleAndVirtualHostedAddresses() {
        String sha = sha256(PNG);
        S3Settings path = new S3Settings("https://minio.example.id:443", "gerai-dokumen", "us-east-1", "a", "s", true, "p/",
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        S3Settings virtual = new S3Settings("https://s3.ap-southeast-3.amazonaws.com", "gerai-dokumen", "ap-southeast-3", "a", "s",
                false, "", Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (S3BlobStore p = new S3BlobStore(path, staging, Clock.systemUTC());
             S3BlobStore v = new S3BlobStore(virtual, staging, Clock.systemUTC())) {
            assertThat(p.objectUri(sha)).hasToString("https://minio.example.id/gerai-dokumen/p/" + sha);
            assertThat(v.objectUri(sha)).hasToString("https://gerai-dokumen.s3.ap-southeast-3.amazonaws.com/" + sha);
        }
    }

    private S3BlobStore store(String secret, String prefix) {
        S3Settings settings = new S3Settings("http://127.0.0.1:" + server.getPort(), bucket, "us-east-1", ACCESS_KEY, secret,
                true, prefix, Duration.ofSeconds(5), Duration.ofSeconds(10));
        return new S3BlobStore(settings, staging, Clock.systemUTC());
    }

    private List<String> keys() {
        return backend.list(bucket).contents().stream().map(S3Object::key).sorted().toList();
    }

    private List<Path> staged() {
        if (!Files.exists(staging)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(staging)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(BlobIntake.sha256().digest(bytes));
    }
}
