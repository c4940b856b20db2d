package id.gerai.calendar.internal;

import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a tenant's calendar from the database, always correctly scoped. A caller inside a transaction whose scope
 * sees the tenant (the tenant's own, or across tenants) is read on that transaction: a transition that needs the
 * calendar must not take a second connection while it holds one, or at full load every pooled connection can end
 * up held by a transaction waiting for another, until the pool's wait runs out. Any other caller gets a transaction
 * of its own in the tenant's scope (the caller's is suspended): through a connection of another scope, row-level
 * security would hide the tenant's days and deadlines would be counted without them, silently.
 */
@Component
class CalendarData {

    /** Everything known about one tenant's calendar, as read at one moment. */
    record Snapshot(Tenant tenant, CalendarSettings settings, boolean settingsSaved, List<NationalHoliday> national,
                    List<TenantDay> own) {

        Snapshot {
            national = List.copyOf(national);
            own = List.copyOf(own);
        }

        TenantCalendar calendar() {
            return new TenantCalendar(settings, byDate(national, NationalHoliday::date), byDate(own, TenantDay::date));
        }
    }

    private final CalendarRepository repository;
    private final TenancyApi tenancy;
    private final TransactionTemplate read;

    CalendarData(CalendarRepository repository, TenancyApi tenancy, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.tenancy = tenancy;
        this.read = new TransactionTemplate(transactions);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read.setReadOnly(true);
    }

    Tenant requireTenant(TenantId id) {
        return tenancy.byId(id).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
    }

    /** The tenant's calendar; {@code national} is passed in when the caller already holds it (the cache). */
    Snapshot load(TenantId id, List<NationalHoliday> national) {
        return load(id, national, joinable(id));
    }

    /** {@link #load(TenantId, List)} with {@link #joinable} already asked. */
    Snapshot load(TenantId id, List<NationalHoliday> national, boolean join) {
        if (join) {
            return read(id, national);
        }
        return TenantContext.call(id, () -> read.execute(s -> read(id, national)));
    }

    private Snapshot read(TenantId id, List<NationalHoliday> national) {
        Tenant tenant = requireTenant(id);
        var saved = repository.settings(id);
        return new Snapshot(tenant, saved.orElseGet(() -> CalendarSettings.defaultsFor(tenant.regionCode())),
                saved.isPresent(), national == null ? repository.nationalHolidays() : national, repository.tenantDays(id));
    }

    /**
     * Whether {@link #load} reads on the caller's transaction: one is active, and its connection's row-level security
     * scope (asked of the connection itself, not of the thread's {@link TenantContext}, which a caller may have
     * switched since the transaction began) sees the tenant's rows.
     */
    boolean joinable(TenantId id) {
        return TransactionSynchronizationManager.isActualTransactionActive() && repository.sessionSees(id);
    }

    /** Whether {@link #nationalHolidays} reads on the caller's transaction (any: the holidays are installation-wide). */
    static boolean joinableForNational() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }

    Snapshot load(TenantId id) {
        return load(id, null);
    }

    List<NationalHoliday> nationalHolidays() {
        if (joinableForNational()) {
            return repository.nationalHolidays(); // installation-wide: no tenant scope needed
        }
        return read.execute(s -> repository.nationalHolidays());
    }

    /** The first and last year with national holidays recorded, if any. */
    java.util.Optional<int[]> nationalYears() {
        return read.execute(s -> repository.nationalYears());
    }

    static <T> Map<LocalDate, T> byDate(List<T> items, java.util.function.Function<T, LocalDate> date) {
        Map<LocalDate, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(date.apply(i), i));
        return Map.copyOf(map);
    }
}
