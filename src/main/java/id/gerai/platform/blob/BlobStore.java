package id.gerai.platform.blob;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where uploaded and issued files live, addressed by the SHA-256 of their content: the same file stored
 * twice is kept once, and a file's address proves what it contains. A local folder by default.
 */
public interface BlobStore {

    /**
     * Stores a file if it is at most {@code maxBytes} long and its content (sniffed from its bytes, never
     * from a name or a declared type) is one of {@code acceptedTypes}; otherwise stores nothing.
     *
     * @throws BlobRejected with code {@code blob.empty}, {@code blob.too-large} or {@code blob.type-not-accepted}
     */
    StoredBlob store(InputStream content, long maxBytes, Set<String> acceptedTypes);

    Optional<InputStream> open(String sha256);

    boolean exists(String sha256);

    /**
     * Removes a file unless it was stored, or stored again, at or after {@code storedBefore}; nothing happens when
     * there is none. Files are shared by content, so only {@link UnreferencedBlobs} calls it, once no module holds
     * the address any more. The time spares the file of an upload of the same bytes that has stored it (storing
     * an existing file marks it stored again) but not yet committed the row that refers to it.
     *
     * @return whether a file was removed
     */
    boolean deleteIfStoredBefore(String sha256, Instant storedBefore);
}
