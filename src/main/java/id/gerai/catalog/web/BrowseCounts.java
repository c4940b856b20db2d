package id.gerai.catalog.web;

import id.gerai.catalog.Category;
import id.gerai.catalog.LifeEvent;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many published services each category and life event has, for the browse links. A tenant's counts
 * touch its 150-odd rows and are read fresh; the whole country's touch every row and are kept for a
 * minute (and forgotten at once when this node publishes or retires a service).
 *
 * <p>Also used by {@code templates/tenancy/tenant.html} (as {@code @browseCounts}) to show a tenant's
 * categories on its page.
 */
@Component
class BrowseCounts {

    static final Duration KEEP = Duration.ofMinutes(1);

    /** One browse link's number. */
    public record Count(String code, long count) {
    }

    /** The counts of one scope; {@code agencies} (by code) and {@code channels} only for one tenant. */
    record Counts(List<Count> categories, List<Count> lifeEvents, Map<String, Long> agencies, Map<String, Long> channels,
                  long total) {
    }

    private record Kept(Counts counts, long until) {
    }

    private final SearchRepository index;
    private final TransactionTemplate readOnly;
    private volatile Kept all;

    BrowseCounts(SearchRepository index, PlatformTransactionManager transactions) {
        this.index = index;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Counts over every tenant. */
    Counts all() {
        Kept kept = all;
        long now = System.nanoTime();
        if (kept == null || now - kept.until() > 0) {
            Counts counts = TenantContext.callAcrossTenants(() -> read(null));
            all = new Kept(counts, now + KEEP.toNanos());
            return counts;
        }
        return kept.counts();
    }

    /** Counts of one tenant. */
    Counts of(TenantId tenant) {
        return TenantContext.call(tenant, () -> read(tenant));
    }

    /** The tenant's categories that have services, in the catalogue's order (for the tenant's page). */
    public List<Count> categories(TenantId tenant) {
        return of(tenant).categories();
    }

    void forget() {
        all = null;
    }

    private Counts read(TenantId tenant) {
        return inTransaction(() -> new Counts(
                ordered(index.countByCategory(tenant), Arrays.stream(Category.values()).map(Enum::name).toList()),
                ordered(index.countByLifeEvent(tenant), Arrays.stream(LifeEvent.values()).map(Enum::name).toList()),
                tenant == null ? Map.of() : index.countByAgencyCode(tenant),
                tenant == null ? Map.of() : index.countByChannel(tenant),
                index.count(tenant)));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return readOnly.execute(s -> work.get());
    }

    /** Codes with services, in enum order; codes the enum does not know (yet) are not offered. */
    private static List<Count> ordered(Map<String, Long> counts, List<String> order) {
        return order.stream().filter(counts::containsKey).map(c -> new Count(c, counts.get(c))).toList();
    }
}
