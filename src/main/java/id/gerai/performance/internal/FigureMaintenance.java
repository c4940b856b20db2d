package id.gerai.performance.internal;

import id.gerai.application.ApplicationRecords;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.complaint.ComplaintRecords;
import id.gerai.performance.PerformanceFigures;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.queue.QueueRecords;
import id.gerai.survey.SurveyRecords;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the deltas into the rollups (every {@code gerai.performance.fold-interval}, 5 s by default, and on demand)
 * and rebuilds a tenant's figures from the source tables.
 *
 * <p>Folding is one transaction across tenants: one statement deletes the deltas it sees and adds them to the
 * daily, monthly, tenant-monthly and national rollups and the open counts, so a delta is counted once or not yet,
 * never twice, even with several nodes folding at once (a second folder waits on the deleted rows and then skips them).
 *
 * <p>A rebuild runs in one repeatable-read transaction in the tenant's scope: it deletes the tenant's figures and
 * deltas and replays the events from one snapshot. A transition committed before the snapshot is replayed and its
 * delta deleted; one committed after it is not replayed and its delta survives to be folded later: either way it
 * is counted once. A concurrent fold touching the same rows makes the rebuild fail with a serialization error,
 * and it is tried again. The national rows are the one thing every fold touches, so the rebuild does not update
 * them: it queues minus the tenant's old tenant-month rows and plus its new ones in perf_national_delta, in the same
 * transaction, and folds once more after it commits so that they are added at once (should that fold fail, the
 * next scheduled one adds them).
 */
@Component
class FigureMaintenance implements PerformanceFigures {

    private static final Logger log = LoggerFactory.getLogger(FigureMaintenance.class);
    private static final int BATCH = 2000;

    private final FigureStore store;
    private final ApplicationRecords applications;
    private final ObjectProvider<SurveyRecords> surveys;
    private final ObjectProvider<ComplaintRecords> complaints;
    private final ObjectProvider<QueueRecords> queues;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final boolean enabled;

    FigureMaintenance(FigureStore store, ApplicationRecords applications, ObjectProvider<SurveyRecords> surveys,
                      ObjectProvider<ComplaintRecords> complaints, ObjectProvider<QueueRecords> queues, CatalogApi catalog, TenancyApi tenancy,
                      WorkingCalendar calendar, AuditLog audit, PlatformTransactionManager transactions,
                      @Value("${gerai.performance.figures.enabled:true}") boolean enabled) {
        this.store = store;
        this.applications = applications;
        this.surveys = surveys;
        this.complaints = complaints;
        this.queues = queues;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.calendar = calendar;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "${gerai.performance.fold-interval:5s}",
            fixedDelayString = "${gerai.performance.fold-interval:5s}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            fold();
        } catch (RuntimeException e) {
            log.error("Folding figures failed; trying again in the next round", e);
        }
    }

    @Override
    public int fold() {
        int[] queueDeltas = new int[1];
        List<FigureStore.ServiceKey> keys = TenantContext.callAcrossTenants(() -> tx.execute(s -> {
            List<FigureStore.ServiceKey> k = store.fold();
            queueDeltas[0] = store.foldQueue(null);
            return k;
        }));
        remember(keys);
        return keys.stream().mapToInt(FigureStore.ServiceKey::deltas).sum() + queueDeltas[0];
    }

    /** Copies the catalogue's data of services seen for the first time into the service dimension. */
    private void remember(List<FigureStore.ServiceKey> keys) {
        for (FigureStore.ServiceKey k : keys) {
            if (k.service().equals(Delta.NIL)) {
                continue;
            }
            boolean known = TenantContext.call(k.tenant(), () -> tx.execute(s -> store.knowsService(k.tenant(), k.service())));
            if (!known) {
                catalog.service(k.tenant(), k.service()).ifPresent(this::save);
            }
        }
    }

    private void save(ServiceSummary s) {
        TenantContext.run(s.tenant(), () -> tx.executeWithoutResult(t -> store.saveService(s.tenant(), s.id(),
                s.agencyId(), s.kindCode(), s.slug(), s.name(), s.nameEn(),
                s.origin() == null ? null : s.origin().tenant().value(), s.origin() == null ? null : s.origin().serviceId())));
    }

    @Override
    public long rebuild(TenantId tenant) {
        long events = rebuildRetried(tenant);
        // the rebuild's national changes, queued in its transaction, added now rather than in the next round
        fold();
        return events;
    }

    private long rebuildRetried(TenantId tenant) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rebuildOnce(tenant);
            } catch (org.springframework.dao.ConcurrencyFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
                log.info("Rebuild of {} met a concurrent fold; trying again", tenant);
            }
        }
    }

    private long rebuildOnce(TenantId tenant) {
        ZoneId zone = calendar.zone(tenant);
        AtomicLong events = new AtomicLong();
        long n = TenantContext.call(tenant, () -> snapshot.execute(s -> {
            store.clear(tenant);
            List<Delta> buffer = new ArrayList<>();
            applications.replayStatusChanges(tenant, e -> {
                events.incrementAndGet();
                buffer.addAll(Delta.of(e, zone, (a, b) -> calendar.workingDaysBetween(tenant, a, b)));
                flushIfFull(buffer);
            });
            surveys.ifAvailable(r -> r.replay(tenant, e -> {
                events.incrementAndGet();
                buffer.add(Delta.of(e));
                flushIfFull(buffer);
            }));
            complaints.ifAvailable(r -> r.replay(tenant, e -> {
                events.incrementAndGet();
                buffer.add(Delta.of(e, zone));
                flushIfFull(buffer);
            }, e -> {
                events.incrementAndGet();
                buffer.add(Delta.of(e, zone));
                flushIfFull(buffer);
            }));
            store.insertBatch(buffer);
            List<QueueDelta> ended = new ArrayList<>();
            queues.ifAvailable(r -> r.replayEnded(tenant, e -> {
                events.incrementAndGet();
                ended.add(QueueDelta.of(e));
                if (ended.size() >= BATCH) {
                    store.insertQueue(ended);
                    ended.clear();
                }
            }));
            store.insertQueue(ended);
            store.foldRebuilt(tenant);
            store.foldQueue(tenant);
            audit.record(AuditEvent.of(tenant, "performance.rebuilt", "tenant", tenant.value(), null,
                    Map.of("events", events.get())));
            return events.get();
        }));
        // the names and kinds of the tenant's services again (renamed services, new copies)
        for (ServiceSummary s : catalog.services(tenant)) {
            save(s);
        }
        log.info("Figures of {} rebuilt from {} events", tenant, n);
        return n;
    }

    private void flushIfFull(List<Delta> buffer) {
        if (buffer.size() >= BATCH) {
            store.insertBatch(buffer);
            buffer.clear();
        }
    }

    @Override
    public long rebuildAll() {
        long n = 0;
        for (Tenant t : tenancy.tenants()) {
            n += rebuild(t.id());
        }
        return n;
    }

    Optional<Tenant> tenant(String slug) {
        return tenancy.bySlug(slug);
    }
}
