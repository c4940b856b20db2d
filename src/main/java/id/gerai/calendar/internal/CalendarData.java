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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a tenant's calendar from the database, always correctly scoped: in the tenant's scope and in a
 * transaction of its own (the caller's is suspended). A caller inside a transaction of another scope (or of
 * none) would otherwise read through a connection whose row-level security hides the tenant's days, and
 * count deadlines without them, silently.
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
        return TenantContext.call(id, () -> read.execute(s -> {
            Tenant tenant = requireTenant(id);
            var saved = repository.settings(id);
            return new Snapshot(tenant, saved.orElseGet(() -> CalendarSettings.defaultsFor(tenant.regionCode())),
                    saved.isPresent(), national == null ? repository.nationalHolidays() : national, repository.tenantDays(id));
        }));
    }

    Snapshot load(TenantId id) {
        return load(id, null);
    }

    List<NationalHoliday> nationalHolidays() {
        return read.execute(s -> repository.nationalHolidays()); // installation-wide: no tenant scope needed
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
