package id.gerai.document.internal;

import id.gerai.application.ApplicationCompleted;
import id.gerai.document.IssuedDocuments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues the document of every completed application. The listener is transactional (after commit), so Spring
 * Modulith records an event publication for it in the completing transaction and marks it complete only when
 * this method returns: an issue that throws (signing service down) or never ran (crash) stays incomplete and
 * is resubmitted by {@link DocumentRetry} and on restart. It runs asynchronously, off the officer's request.
 *
 * <p>Deliberately not {@code @ApplicationModuleListener}: that opens a transaction before the method runs,
 * before the tenant scope could be entered, and row-level security needs the scope first. Issuing manages
 * its own scope and transactions.
 *
 * <p>{@code gerai.documents.issue-on-completion=false} turns issuing off (the process benchmark measures the
 * engine alone, the documents benchmark the issuing); not for production.
 */
@Component
@ConditionalOnProperty(name = "gerai.documents.issue-on-completion", havingValue = "true", matchIfMissing = true)
class IssueOnCompletion {

    private final IssuedDocuments documents;

    IssueOnCompletion(IssuedDocuments documents) {
        this.documents = documents;
    }

    @Async
    @TransactionalEventListener
    void on(ApplicationCompleted completed) {
        documents.issue(completed.tenant(), completed.applicationId(), completed.decidedBy());
    }
}
