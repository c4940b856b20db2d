package id.gerai.calendar.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link WorkingCalendar} over an in-memory copy of each tenant's calendar, so the application engine can ask
 * on every transition without a database round trip.
 *
 * <p>Freshness: a change made through this node drops the affected calendars after its transaction
 * commits ({@link #invalidateAfterCommit}); other nodes read them again when their copy is older than
 * {@code gerai.calendar.cache-ttl}. A load that raced with a drop is not kept (generation check), so a
 * calendar read before a commit cannot outlive it.
 */
@Service
class CachedWorkingCalendar implements WorkingCalendar {

    private record Entry<T>(T value, long loadedAt) {
    }

    private final CalendarData data;
    private final long ttlNanos;
    private final Map<TenantId, Entry<TenantCalendar>> tenants = new ConcurrentHashMap<>();
    private volatile Entry<List<NationalHoliday>> national;
    private final AtomicLong generation = new AtomicLong();

    CachedWorkingCalendar(CalendarData data, CalendarProperties properties) {
        this.data = data;
        this.ttlNanos = properties.cacheTtl().toNanos();
    }

    TenantCalendar calendar(TenantId tenant) {
        long now = System.nanoTime();
        Entry<TenantCalendar> cached = tenants.get(tenant);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long seen = generation.get();
        boolean joined = data.joinable(tenant);
        TenantCalendar loaded = data.load(tenant, nationalHolidays(now), joined).calendar();
        Entry<TenantCalendar> entry = new Entry<>(loaded, now);
        // read on the caller's transaction, it may include that transaction's own changes: kept once they are committed
        keepWhenCommitted(joined, () -> {
            tenants.put(tenant, entry);
            if (generation.get() != seen) {
                tenants.remove(tenant, entry); // dropped while loading: the copy may predate the change
            }
        });
        return loaded;
    }

    private static void keepWhenCommitted(boolean joined, Runnable keep) {
        if (joined && TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit(keep);
        } else {
            keep.run();
        }
    }

    private List<NationalHoliday> nationalHolidays(long now) {
        Entry<List<NationalHoliday>> cached = national;
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long seen = generation.get();
        boolean joined = CalendarData.joinableForNational();
        List<NationalHoliday> loaded = data.nationalHolidays();
        keepWhenCommitted(joined, () -> {
            if (generation.get() == seen) {
                national = new Entry<>(loaded, now);
                if (generation.get() != seen) {
                    national = null;
                }
            }
        });
        return loaded;
    }

    /** Drops the tenant's calendar now, and again when the current transaction (if any) commits. */
    void invalidateAfterCommit(TenantId tenant) {
        drop(tenant);
        afterCommit(() -> drop(tenant));
    }

    /** Drops every calendar (national holidays changed), now and after the current transaction commits. */
    void invalidateAllAfterCommit() {
        dropAll();
        afterCommit(this::dropAll);
    }

    private void drop(TenantId tenant) {
        generation.incrementAndGet();
        tenants.remove(tenant);
    }

    private void dropAll() {
        generation.incrementAndGet();
        national = null;
        tenants.clear();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    @Override
    public boolean isWorkingDay(TenantId tenant, LocalDate date) {
        return calendar(tenant).isWorkingDay(date);
    }

    @Override
    public LocalDate addWorkingDays(TenantId tenant, LocalDate completeDate, int days) {
        return calendar(tenant).addWorkingDays(completeDate, days);
    }

    @Override
    public Instant deadline(TenantId tenant, Instant completedAt, int days) {
        return calendar(tenant).deadline(completedAt, days);
    }

    @Override
    public int workingDaysBetween(TenantId tenant, LocalDate fromExclusive, LocalDate toInclusive) {
        return calendar(tenant).workingDaysBetween(fromExclusive, toInclusive);
    }

    @Override
    public Instant extendForPause(TenantId tenant, Instant due, Instant pausedAt, Instant resumedAt) {
        return calendar(tenant).extendForPause(due, pausedAt, resumedAt);
    }

    @Override
    public ZoneId zone(TenantId tenant) {
        return calendar(tenant).settings().zone();
    }
}
