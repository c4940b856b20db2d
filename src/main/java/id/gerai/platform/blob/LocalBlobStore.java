package id.gerai.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in {@code $GERAI_DATA_DIR/blobs/ab/cd/abcd…}. A file is streamed to a temporary file while its
 * hash and size are computed (stopping as soon as it is too large), its type is sniffed with Apache Tika
 * from the bytes alone, and only then is it moved into place and forced to disk, so a stored blob is
 * always whole and a rejected one leaves nothing behind.
 */
@Component
class LocalBlobStore implements BlobStore {

    private static final Tika TIKA = new Tika();

    private final Path root;

    LocalBlobStore(@Value("${gerai.blobs.dir:${gerai.data-dir}/blobs}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredBlob store(InputStream content, long maxBytes, Set<String> acceptedTypes) {
        Path tmp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
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
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                force(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    if (!Files.exists(target)) {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                force(target.getParent());
            }
            return new StoredBlob(hash, size, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file in " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless and cleaned with the folder
                }
            }
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path p = path(sha256);
        try {
            return Files.exists(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return sha256.matches("[0-9a-f]{64}") && Files.exists(path(sha256));
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
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

    private static void force(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, Files.isDirectory(p) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }
}
