package id.gerai.platform.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blobs as objects in an S3-compatible bucket, keyed {@code prefix + sha256}. The contract is the local
 * store's: a file is received, size-capped, hashed and sniffed by {@link BlobIntake} in a temporary file
 * first, and uploaded only once accepted, so a refused file never reaches the bucket. A file that already exists
 * is uploaded again (the same key holds the same bytes): its {@code Last-Modified} then says when it was last
 * stored, which retention's grace relies on ({@link #deleteIfStoredBefore}).
 *
 * <p>A small client over {@link HttpClient} signing with {@link SigV4}: PUT, HEAD and GET of single objects
 * are all Gerai needs, which keeps the AWS SDK's dependencies out. The payload hash that SigV4 signs is the
 * blob's own address, so the server refuses an upload whose bytes changed on the way. Reading checks the
 * bytes against the address as well: a stream whose content does not match fails at its end.
 *
 * <p>Hazard: with S3's permissions, HEAD and GET of a missing key answer 403, not 404, unless the key may
 * list the bucket; give it {@code s3:ListBucket} besides {@code s3:GetObject} and {@code s3:PutObject}.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([A-Za-z0-9.]{1,64})</Code>");

    private final S3Settings s3;
    private final SigV4 signer;
    private final HttpClient http;
    private final Path tmpDir;
    private final Clock clock;

    S3BlobStore(S3Settings s3, Path tmpDir, Clock clock) {
        if (!s3.enabled()) {
            throw new IllegalArgumentException("gerai.blob.s3.endpoint is not set");
        }
        this.s3 = s3;
        this.signer = new SigV4(s3.accessKey(), s3.secretKey(), s3.region(), "s3");
        this.tmpDir = tmpDir;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(s3.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public StoredBlob store(InputStream content, long maxBytes, Set<String> acceptedTypes) {
        try (BlobIntake.Staged staged = BlobIntake.stage(content, maxBytes, acceptedTypes, tmpDir)) {
            HttpResponse<InputStream> response = send("PUT", staged.sha256(), HttpRequest.BodyPublishers.ofFile(staged.file()),
                    staged.sha256(), Map.of("Content-Type", staged.contentType()));
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw failure("PUT", staged.sha256(), response.statusCode(), body);
                }
            }
            return staged.stored();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file in S3 bucket " + s3.bucket(), e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!BlobIntake.isAddress(sha256)) {
            return Optional.empty();
        }
        try {
            HttpResponse<InputStream> response = send("GET", sha256, HttpRequest.BodyPublishers.noBody(), SigV4.EMPTY_SHA256, Map.of());
            if (response.statusCode() == 200) {
                return Optional.of(new Verified(response.body(), sha256));
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                throw failure("GET", sha256, response.statusCode(), body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        if (!BlobIntake.isAddress(sha256)) {
            return false;
        }
        try {
            HttpResponse<InputStream> response = send("HEAD", sha256, HttpRequest.BodyPublishers.noBody(), SigV4.EMPTY_SHA256, Map.of());
            try (InputStream body = response.body()) {
                return switch (response.statusCode()) {
                    case 200 -> true;
                    case 404 -> false;
                    default -> throw failure("HEAD", sha256, response.statusCode(), body);
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean deleteIfStoredBefore(String sha256, Instant storedBefore) {
        if (!BlobIntake.isAddress(sha256)) {
            return false;
        }
        try {
            HttpResponse<InputStream> head = send("HEAD", sha256, HttpRequest.BodyPublishers.noBody(), SigV4.EMPTY_SHA256, Map.of());
            try (InputStream body = head.body()) {
                if (head.statusCode() == 404) {
                    return false;
                }
                if (head.statusCode() != 200) {
                    throw failure("HEAD", sha256, head.statusCode(), body);
                }
            }
            // an object whose time is unknown counts as stored now: kept rather than risked
            Instant stored = head.headers().firstValue("Last-Modified")
                    .map(v -> ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).orElse(Instant.MAX);
            if (!stored.isBefore(storedBefore)) {
                return false;
            }
            HttpResponse<InputStream> response = send("DELETE", sha256, HttpRequest.BodyPublishers.noBody(), SigV4.EMPTY_SHA256, Map.of());
            try (InputStream body = response.body()) {
                // S3 answers 204 whether or not the object was there; some compatible stores answer 404 for a missing one
                if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                    throw failure("DELETE", sha256, response.statusCode(), body);
                }
                return response.statusCode() / 100 == 2;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an object lives: path-style {@code endpoint/bucket/key} or virtual-hosted {@code bucket.endpoint/key}. */
    URI objectUri(String sha256) {
        URI endpoint = s3.endpointUri();
        boolean defaultPort = endpoint.getPort() == -1
                || (endpoint.getScheme().equalsIgnoreCase("http") && endpoint.getPort() == 80)
                || (endpoint.getScheme().equalsIgnoreCase("https") && endpoint.getPort() == 443);
        String host = (s3.pathStyle() ? "" : s3.bucket() + ".") + endpoint.getHost() + (defaultPort ? "" : ":" + endpoint.getPort());
        StringBuilder path = new StringBuilder();
        if (s3.pathStyle()) {
            path.append('/').append(SigV4.encode(s3.bucket()));
        }
        for (String segment : (s3.prefix() + sha256).split("/")) {
            path.append('/').append(SigV4.encode(segment));
        }
        return URI.create(endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + host + path);
    }

    private HttpResponse<InputStream> send(String method, String sha256, HttpRequest.BodyPublisher body, String payloadHash,
                                           Map<String, String> unsigned) throws IOException {
        URI uri = objectUri(sha256);
        Instant now = clock.instant();
        String amzDate = SigV4.amzDate(now);
        // HttpClient writes Host from the URI itself (host, and the port unless it is the default one)
        Map<String, String> signed = Map.of("host", uri.getRawAuthority(), "x-amz-date", amzDate, "x-amz-content-sha256", payloadHash);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(s3.requestTimeout())
                .method(method, body)
                .header("x-amz-date", amzDate)
                .header("x-amz-content-sha256", payloadHash)
                .header("Authorization", signer.authorization(method, uri, signed, payloadHash, now));
        unsigned.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while talking to S3", e);
        }
    }

    /** The S3 error code of an answer (e.g. {@code SignatureDoesNotMatch}), never its message or the key's content. */
    private static IOException failure(String method, String sha256, int status, InputStream body) throws IOException {
        byte[] head = body.readNBytes(4096);
        Matcher code = ERROR_CODE.matcher(new String(head, StandardCharsets.UTF_8));
        return new IOException("S3 " + method + " of blob " + sha256 + " answered " + status + (code.find() ? " " + code.group(1) : ""));
    }

    @Override
    public void close() {
        http.close();
    }

    /** Passes the object's bytes through and fails at the end when they do not hash to the address asked for. */
    static final class Verified extends FilterInputStream {
        private final MessageDigest sha = BlobIntake.sha256();
        private final String expected;
        private boolean checked;

        Verified(InputStream in, String expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == -1) {
                check();
            } else {
                sha.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n == -1) {
                check();
            } else {
                sha.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be hashed too
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long left = n;
            while (left > 0) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r == -1) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check() throws IOException {
            if (!checked) {
                checked = true;
                if (!SigV4.hex(sha.digest()).equals(expected)) {
                    throw new IOException("Blob " + expected + " read from S3 does not match its address");
                }
            }
        }
    }
}
