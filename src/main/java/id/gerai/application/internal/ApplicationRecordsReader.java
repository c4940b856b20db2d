package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationRecords;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ApplicationRecords}: plain reads in the tenant's scope, entered before the (read-only) transaction. */
@Component
class ApplicationRecordsReader implements ApplicationRecords {

    private final ApplicationRepository repo;
    private final TransactionTemplate tx;
    private final CompletedCounts counts;
    private final StatusChangeReplay replay;

    ApplicationRecordsReader(ApplicationRepository repo, TransactionTemplate tx, CompletedCounts counts,
                             StatusChangeReplay replay) {
        this.repo = repo;
        this.tx = tx;
        this.counts = counts;
        this.replay = replay;
    }

    @Override
    public void replayStatusChanges(TenantId tenant, java.util.function.Consumer<id.gerai.application.ApplicationStatusChanged> sink) {
        replay.replay(tenant, sink);
    }

    @Override
    public Optional<Application> find(TenantId tenant, UUID applicationId) {
        return TenantContext.call(tenant, () -> tx.execute(s -> repo.find(tenant, applicationId)));
    }

    @Override
    public List<CompletedCount> completedCounts(TenantId tenant, Instant from, Instant until) {
        return TenantContext.call(tenant, () -> tx.execute(s -> counts.between(tenant, from, until)));
    }
}
