package id.gerai.platform.blob;

import id.gerai.platform.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes files from the blob store once no row refers to them: what retention does with the attachments of the
 * records it deletes or anonymises. A file is removed only when no module's {@link BlobReferences} still holds its
 * address, so a file shared by content with another application, a complaint or an issued document stays.
 *
 * <p>Called inside the transaction that deletes the rows: the files go after it commits (a rolled-back transaction
 * leaves every file in place, and the references are read as committed). An upload of the very same bytes may have
 * stored its file (storing an existing file marks it stored again) and not yet committed the row that refers to it,
 * so a file stored within the last {@link #GRACE} is kept even when nothing refers to it yet: it is that upload's
 * file now (or, if the upload failed, an orphan like any a failed upload leaves). Left open: an upload storing those
 * bytes in the microseconds between the store's reading of the file's time and its removal.
 */
@Component
public class UnreferencedBlobs {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedBlobs.class);

    /** Longer than any upload takes from storing its file to committing its row. */
    static final Duration GRACE = Duration.ofHours(1);

    private final BlobStore store;
    private final List<BlobReferences> holders;

    UnreferencedBlobs(BlobStore store, List<BlobReferences> holders) {
        this.store = store;
        this.holders = holders;
    }

    /** Removes those of {@code candidates} nothing refers to once the current transaction commits (at once without one). */
    public void deleteAfterCommit(Collection<String> candidates) {
        Set<String> files = new HashSet<>(candidates);
        files.remove(null);
        if (files.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteNow(files);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    deleteNow(files);
                } catch (RuntimeException e) {
                    // the rows are gone already; a file left behind holds no reference and harms nothing but space
                    log.error("Could not remove {} unreferenced files from the blob store", files.size(), e);
                }
            }
        });
    }

    /** Removes those of {@code candidates} nothing refers to; how many were removed. */
    public int deleteNow(Collection<String> candidates) {
        // taken before the references are read: an upload whose row they miss stored its file after this
        Instant storedBefore = Instant.now().minus(GRACE);
        Set<String> unreferenced = new HashSet<>(candidates);
        unreferenced.remove(null);
        for (BlobReferences holder : holders) {
            if (unreferenced.isEmpty()) {
                break;
            }
            unreferenced.removeAll(TenantContext.callAcrossTenants(() -> holder.referenced(Set.copyOf(unreferenced))));
        }
        return (int) unreferenced.stream().filter(sha -> store.deleteIfStoredBefore(sha, storedBefore)).count();
    }
}
