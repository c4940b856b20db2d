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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What every store does before it keeps a file: stream it to a temporary file while hashing and counting
 * (stopping as soon as it is too large), then sniff its type with Apache Tika from the bytes alone. A store
 * keeps a file only once this has accepted it, so a refused file leaves nothing behind anywhere.
 */
final class BlobIntake {

    private static final Tika TIKA = new Tika();
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    /** The magic rules of each accepted type, looked up once (a missing entry: the type has none). */
    private static final Map<String, Optional<Rules>> RULES = new ConcurrentHashMap<>();
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
            String type = sniff(tmp, acceptedTypes);
            if (!acceptedTypes.contains(type)) {
                throw new BlobRejected("blob.type-not-accepted", type, String.join(", ", acceptedTypes));
            }
            return new Staged(tmp, HexFormat.of().formatHex(sha.digest()), size, type);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * The file's type from its bytes, by Tika's own magic rules. The document types that may be uploaded are few
     * (a PDF, a JPEG, a PNG): a file that begins with the signature of one of them and matches Tika's rules for it is
     * that type, unless one of the type's more specific subtypes matches as well. Anything else (no accepted type matches, or a subtype does)
     * goes through Tika's whole detection, which tries the rules of every type it knows: the same answer for the
     * files accepted, at a fraction of the work, and Tika's answer for the ones refused.
     */
    static String sniff(Path file, Set<String> acceptedTypes) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TYPES.getMinLength());
        }
        Optional<String> quick = quickSniff(head, acceptedTypes);
        return quick.isPresent() ? quick.get() : TIKA.detect(file);
    }

    /** The accepted type whose signature and rules {@code head} matches with none of its subtypes', if any. */
    static Optional<String> quickSniff(byte[] head, Set<String> acceptedTypes) {
        for (String accepted : acceptedTypes) {
            Rules rules = RULES.computeIfAbsent(accepted, BlobIntake::rules).orElse(null);
            if (rules != null && startsWith(head, rules.signature()) && rules.type().matchesMagic(head)
                    && rules.subtypes().stream().noneMatch(sub -> sub.matchesMagic(head))) {
                return Optional.of(rules.type().getName());
            }
        }
        return Optional.empty();
    }

    /** An accepted type with magic rules, the bytes its files begin with, and its subtypes that have rules. */
    private record Rules(MimeType type, byte[] signature, List<MimeType> subtypes) {
    }

    /**
     * The first bytes of the types the quick path knows. A file that begins with them is that type for Tika too,
     * whatever comes later (an HTML page that merely mentions {@code %PDF-} further on is not one of them).
     */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/gif", "GIF8".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && java.util.Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** The rules of {@code name}; empty for a type Tika has no magic rules for (then only the whole detection tells). */
    private static Optional<Rules> rules(String name) {
        try {
            MimeType type = TYPES.getRegisteredMimeType(name);
            byte[] signature = SIGNATURES.get(name);
            if (signature == null || type == null || !type.hasMagic() || !type.getName().equals(name)) {
                return Optional.empty();
            }
            List<MimeType> subtypes = new ArrayList<>();
            addSubtypes(type.getType(), subtypes);
            return Optional.of(new Rules(type, signature, List.copyOf(subtypes)));
        } catch (MimeTypeException e) {
            return Optional.empty();
        }
    }

    /** Every type below {@code parent} in Tika's hierarchy (children, their children, ...) that has magic rules. */
    private static void addSubtypes(MediaType parent, List<MimeType> into) throws MimeTypeException {
        for (MediaType child : TYPES.getMediaTypeRegistry().getChildTypes(parent)) {
            MimeType sub = TYPES.getRegisteredMimeType(child.toString());
            if (sub != null && sub.hasMagic()) {
                into.add(sub);
            }
            addSubtypes(child, into);
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
