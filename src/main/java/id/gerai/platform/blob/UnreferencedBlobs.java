package id.gerai.platform.blob;

import id.gerai.platform.TenantContext;
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
 * leaves every file in place, and the references are read as committed). Hazard: an upload of the very same bytes
 * that stores its file (a no-op, the file exists) just before the check and commits its row just after would find
 * its file gone; the window is milliseconds and only old content is removed, so it is accepted rather than locked.
 */
@Component
public class UnreferencedBlobs {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedBlobs.class);

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
        Set<String> unreferenced = new HashSet<>(candidates);
        unreferenced.remove(null);
        for (BlobReferences holder : holders) {
            if (unreferenced.isEmpty()) {
                break;
            }
            unreferenced.removeAll(TenantContext.callAcrossTenants(() -> holder.referenced(Set.copyOf(unreferenced))));
        }
        unreferenced.forEach(store::delete);
        return unreferenced.size();
    }
}
