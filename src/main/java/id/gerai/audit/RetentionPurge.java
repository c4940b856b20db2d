package id.gerai.audit;

import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes records whose retention has ended, the same way in every module: in blocks of at most {@code batch}
 * records, each block one transaction across tenants that writes one audit record per tenant whose records it
 * deleted (installation-wide records under the platform's chain) with the count, never the records, by
 * {@code system}; block after block until one comes back short.
 */
public final class RetentionPurge {

    /** Deletes at most {@code limit} records in the current transaction; the tenant of each (null: installation-wide). */
    @FunctionalInterface
    public interface Block {
        List<TenantId> delete(int limit);
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final AuditLog audit;
    private final TransactionTemplate tx;

    public RetentionPurge(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * One scheduled round of a retention job: runs {@code purge} and logs how many {@code what} went; a failure is
     * logged, never thrown, and the next round tries again (what was deleted before it stays deleted: each block
     * commits on its own).
     */
    public static void scheduledRound(String what, IntSupplier purge) {
        try {
            int deleted = purge.getAsInt();
            if (deleted > 0) {
                log.info("Retention: {} {} deleted", deleted, what);
            }
        } catch (RuntimeException e) {
            log.error("Retention of {} failed; trying again in the next round", what, e);
        }
    }

    /**
     * Runs {@code block} until it deletes fewer than {@code batch}; how many records went.
     *
     * @param action     the audit action, e.g. {@code notification.outbox.purged}
     * @param entityType what was deleted, e.g. {@code notification_outbox}
     * @param detail     what each audit record says besides the count (the cut-off)
     */
    public int run(String action, String entityType, int batch, Map<String, Object> detail, Block block) {
        return run(action, entityType, "deleted", batch, detail, block);
    }

    /**
     * As {@link #run(String, String, int, Map, Block)}, for a block that does something else than delete (it
     * anonymises, say): each audit record names its count {@code counted}, e.g. {@code anonymised}.
     */
    public int run(String action, String entityType, String counted, int batch, Map<String, Object> detail, Block block) {
        int total = 0;
        while (true) {
            Integer deleted = TenantContext.callAcrossTenants(() -> tx.execute(s -> {
                List<TenantId> tenants = block.delete(batch);
                Map<Optional<TenantId>, Integer> perTenant = new HashMap<>();
                tenants.forEach(t -> perTenant.merge(Optional.ofNullable(t), 1, Integer::sum));
                perTenant.forEach((tenant, n) -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put(counted, n);
                    after.putAll(detail);
                    audit.record(AuditEvent.of(tenant.orElse(null), action, entityType, "retention", null, after)
                            .byActor("system"));
                });
                return tenants.size();
            }));
            total += Objects.requireNonNull(deleted);
            if (deleted < batch) {
                return total;
            }
        }
    }
}
