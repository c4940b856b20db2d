package id.gerai.calendar;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working-day arithmetic for service deadlines, per tenant.
 *
 * <h2>What a working day is</h2>
 * A date is a working day of a tenant when, in this order of precedence:
 * <ol>
 *   <li>the tenant marked it a <em>special working day</em> (a Saturday the MPP opens, or a national holiday
 *       the MPP still serves): working;</li>
 *   <li>the tenant marked it a <em>regional holiday</em>: not working;</li>
 *   <li>it is a national holiday (libur nasional) or cuti bersama: not working;</li>
 *   <li>otherwise: working when its weekday is in the tenant's working week (Monday–Friday unless the
 *       tenant changed it).</li>
 * </ol>
 * For a year without national holiday data only the working week and the tenant's own days apply.
 *
 * <h2>How deadlines count</h2>
 * The clock starts when the application is complete (berkas lengkap); counting starts on the working day
 * <em>after</em> that date, whatever the time of day. A 5-working-day limit for an application completed on
 * Tuesday 2026-03-17 therefore ends on Tuesday 2026-03-31: 18–24 March are cuti bersama, Nyepi, Idulfitri and
 * a weekend, and 25, 26, 27, 30 and 31 March are working days 1 to 5. Dates of instants are taken in the
 * tenant's time zone, and a deadline is the tenant's close of business on its last day.
 *
 * <h2>Performance and freshness</h2>
 * Each tenant's calendar is held in memory (one bit per day, built per year on first use); the methods then
 * compute without touching the database. Changes made through Gerai take effect at once on the node that
 * made them and, on other nodes, within the configured cache lifetime ({@code gerai.calendar.cache-ttl}).
 * The methods read data in their own short read-only transaction on a cache miss, so they may be called
 * from any tenant scope and inside a caller's transaction (hazard: such a miss briefly holds a second pooled
 * connection besides the caller's).
 *
 * <p>Every method throws {@link id.gerai.platform.GeraiException} (404, {@code tenant-not-found}) when the
 * tenant does not exist.
 */
public interface WorkingCalendar {

    /** Whether {@code date} is a working day of {@code tenant} (see the rules above). */
    boolean isWorkingDay(TenantId tenant, LocalDate date);

    /**
     * The last day of a limit of {@code days} working days for an application completed on
     * {@code completeDate}: the {@code days}-th working day after {@code completeDate} (the completion date
     * itself never counts, even when it is a working day).
     *
     * <p>{@code days == 0} (same-day service) gives {@code completeDate} when it is a working day, otherwise
     * the first working day after it.
     *
     * <p>For {@code days >= 1} the result is the earliest date {@code d} with
     * {@code workingDaysBetween(tenant, completeDate, d) == days}.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    LocalDate addWorkingDays(TenantId tenant, LocalDate completeDate, int days);

    /**
     * The due timestamp to store for an application completed at {@code completedAt} with a limit of
     * {@code days} working days: the tenant's close of business (close time, in the tenant's zone) on the day
     * {@link #addWorkingDays} gives for the completion date in the tenant's zone.
     *
     * <p>For {@code days == 0} the time of day matters: completed on a working day before close of business,
     * the deadline is that day's close; otherwise it is the close of the next working day.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    Instant deadline(TenantId tenant, Instant completedAt, int days);

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive}: the
     * processing time of an application completed on the first date and decided on the second (0 when
     * decided on the day it was completed, 5 for 2026-03-17 to 2026-03-31). When {@code toInclusive} is
     * before {@code fromExclusive} the result is the negated count the other way round.
     */
    int workingDaysBetween(TenantId tenant, LocalDate fromExclusive, LocalDate toInclusive);

    /**
     * The due timestamp after the clock paused from {@code pausedAt} (the application was returned to the
     * citizen for correction) to {@code resumedAt} (the corrected application came back).
     *
     * <p>Rule: the pause covered {@code n = workingDaysBetween(date of pausedAt, date of resumedAt)} working
     * days (dates in the tenant's zone). The day the application was returned is not lost (the office had it
     * that day); the day it came back is, because counting restarts on the working day after it, as after a
     * completion. The due date then moves {@code n} working days forward (as
     * {@link #addWorkingDays}), keeping its time of day; with {@code n == 0} (returned and resubmitted the same
     * day, or only over non-working days) {@code due} is returned unchanged. When the
     * pause ends on a working day no later than a due date that is itself a working day, this equals
     * restarting the clock, on resumption, with the working days that were left when it paused.
     *
     * @throws IllegalArgumentException when {@code resumedAt} is before {@code pausedAt}
     */
    Instant extendForPause(TenantId tenant, Instant due, Instant pausedAt, Instant resumedAt);

    /** The tenant's time zone (Asia/Jakarta, Asia/Makassar or Asia/Jayapura), in which dates are taken. */
    ZoneId zone(TenantId tenant);
}
