package id.gerai.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.Tika;

/**
 * What every store does before it keeps a file: stream it to a temporary file while hashing and counting
 * (stopping as soon as it is too large), then sniff its type with Apache Tika from the bytes alone. A store
 * keeps a file only once this has accepted it, so a refused file leaves nothing behind anywhere.
 */
final class BlobIntake {

    private static final Tika TIKA = new Tika();
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

    /** A file received and accepted, waiting in {@code file} to be kept; closing it deletes what is left there. */
    record Staged(Path file, String sha256, long size, String contentType) implements AutoCloseable {
        StoredBlob stored() {
            return new StoredBlob(sha256, size, contentType);
        }

        @Override
        public void close() {
            deleteQuietly(file);
        }
    }

    private BlobIntake() {
    }

    /** Whether this is a content address (64 lower-case hex digits); anything else is never looked up. */
    static boolean isAddress(String sha256) {
        return sha256 != null && ADDRESS.matcher(sha256).matches();
    }

    /**
     * Receives {@code content} into a new temporary file in {@code tmpDir} and checks it.
     *
     * @throws BlobRejected with code {@code blob.empty}, {@code blob.too-large} or {@code blob.type-not-accepted};
     *                      the temporary file is gone then
     */
    static Staged stage(InputStream content, long maxBytes, Set<String> acceptedTypes, Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE), sha)) {
                size = copyAtMost(content, out, maxBytes);
            }
            if (size == 0) {
                throw new BlobRejected("blob.empty");
            }
            if (size > maxBytes) {
                throw new BlobRejected("blob.too-large", maxBytes / 1024);
            }
            String type = TIKA.detect(tmp);
            if (!acceptedTypes.contains(type)) {
                throw new BlobRejected("blob.type-not-accepted", type, String.join(", ", acceptedTypes));
            }
            return new Staged(tmp, HexFormat.of().formatHex(sha.digest()), size, type);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies until {@code max + 1} bytes have passed, so an oversized upload is never read to its end. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless and cleaned with its folder
        }
    }
}
