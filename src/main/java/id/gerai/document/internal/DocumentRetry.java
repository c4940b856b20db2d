package id.gerai.document.internal;

import id.gerai.application.ApplicationCompleted;
import id.gerai.platform.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure every approval ends with its document. Every {@code gerai.documents.retry-interval}: completion
 * events whose issue has not finished for {@code gerai.documents.retry-after} (the listener threw, or the node
 * died) are handed to the listener again, and pending documents not waiting for a person (a correction whose
 * signing failed) are finished. Both are idempotent, so several nodes may run this at once.
 */
@Component
class DocumentRetry {

    private static final Logger log = LoggerFactory.getLogger(DocumentRetry.class);
    private static final int BATCH = 20;

    private final IncompleteEventPublications publications;
    private final DocumentRepository repo;
    private final DocumentService documents;
    private final DocumentProperties properties;
    private final TransactionTemplate tx;

    DocumentRetry(IncompleteEventPublications publications, DocumentRepository repo, DocumentService documents,
                  DocumentProperties properties, TransactionTemplate tx) {
        this.publications = publications;
        this.repo = repo;
        this.documents = documents;
        this.properties = properties;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${gerai.documents.retry-interval:1m}", initialDelayString = "${gerai.documents.retry-interval:1m}")
    void run() {
        resubmitEvents(properties.retryAfter());
        finishPending(properties.retryAfter());
    }

    /** Completion events not handled for {@code age} go to the listener again. */
    void resubmitEvents(Duration age) {
        Instant before = Instant.now().minus(age);
        try {
            publications.resubmitIncompletePublications(p -> p.getEvent() instanceof ApplicationCompleted
                    && p.getPublicationDate().isBefore(before)
                    && (p.getLastResubmissionDate() == null || p.getLastResubmissionDate().isBefore(before)));
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete completion events failed: {}", e.toString());
        }
    }

    /** Pending documents nobody waits for (a failed correction, an interrupted issue) are finished. */
    void finishPending(Duration age) {
        Instant before = Instant.now().minus(age);
        List<DocumentRepository.Row> stale = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.stalePending(before, BATCH)));
        for (DocumentRepository.Row row : stale) {
            try {
                documents.retry(row);
            } catch (RuntimeException e) {
                log.warn("Document {} still not issued: {}", row.number(), e.toString());
            }
        }
    }
}
