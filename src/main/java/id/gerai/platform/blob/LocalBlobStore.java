package id.gerai.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Files in {@code $GERAI_DATA_DIR/blobs/ab/cd/abcd…}. A file is received and checked by {@link BlobIntake}
 * in {@code blobs/tmp}, and only then moved into place and forced to disk, so a stored blob is always whole
 * and a rejected one leaves nothing behind. The default store; {@link BlobStoreConfiguration} picks it
 * unless S3 is configured.
 */
class LocalBlobStore implements BlobStore {

    private final Path root;

    LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredBlob store(InputStream content, long maxBytes, Set<String> acceptedTypes) {
        try (BlobIntake.Staged staged = BlobIntake.stage(content, maxBytes, acceptedTypes, root.resolve("tmp"))) {
            Path target = path(staged.sha256());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                force(staged.file());
                try {
                    Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    if (!Files.exists(target)) {
                        Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                force(target.getParent());
            } else {
                // stored again: retention spares a file stored within its grace (deleteIfStoredBefore)
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            }
            return staged.stored();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file in " + root, e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!BlobIntake.isAddress(sha256)) {
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
        return BlobIntake.isAddress(sha256) && Files.exists(path(sha256));
    }

    @Override
    public boolean deleteIfStoredBefore(String sha256, Instant storedBefore) {
        if (!BlobIntake.isAddress(sha256)) {
            return false;
        }
        Path p = path(sha256);
        try {
            if (!Files.getLastModifiedTime(p).toInstant().isBefore(storedBefore)) {
                return false;
            }
            return Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete blob " + sha256 + " in " + root, e);
        }
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void force(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, Files.isDirectory(p) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }
}
