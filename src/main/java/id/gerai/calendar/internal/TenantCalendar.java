package id.gerai.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's calendar as a value: its settings, the national holidays and its own days, and the arithmetic
 * of {@link id.gerai.calendar.WorkingCalendar} on top of them. Pure: no I/O, so it is tested without Spring.
 *
 * <p>Working days are kept as one bit per day of a year, built on first use of that year and then only read:
 * counting walks the set bits and measuring counts them. Instances are immutable apart from that memo, and
 * safe to share between threads.
 */
final class TenantCalendar {

    /** How far a search for a working day may go before the calendar is declared broken. */
    private static final int MAX_YEARS_AHEAD = 100;

    private final CalendarSettings settings;
    private final Map<LocalDate, NationalHoliday> national;
    private final Map<LocalDate, TenantDay> own;
    private final Map<Integer, BitSet> workingByYear = new ConcurrentHashMap<>();

    TenantCalendar(CalendarSettings settings, Map<LocalDate, NationalHoliday> national, Map<LocalDate, TenantDay> own) {
        this.settings = settings;
        this.national = Map.copyOf(national);
        this.own = Map.copyOf(own);
    }

    CalendarSettings settings() {
        return settings;
    }

    /** The rule of precedence of {@code WorkingCalendar}: tenant's day, then national holiday, then the week. */
    private boolean computeWorking(LocalDate date) {
        TenantDay day = own.get(date);
        if (day != null) {
            return day.kind().working();
        }
        if (national.containsKey(date)) {
            return false;
        }
        return settings.week().contains(date.getDayOfWeek());
    }

    /** Bit {@code i} set: day-of-year {@code i + 1} is a working day. */
    private BitSet year(int year) {
        return workingByYear.computeIfAbsent(year, y -> {
            int length = Year.isLeap(y) ? 366 : 365;
            BitSet bits = new BitSet(length);
            LocalDate d = LocalDate.ofYearDay(y, 1);
            for (int i = 0; i < length; i++, d = d.plusDays(1)) {
                if (computeWorking(d)) {
                    bits.set(i);
                }
            }
            return bits;
        });
    }

    private static int length(int year) {
        return Year.isLeap(year) ? 366 : 365;
    }

    boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).get(date.getDayOfYear() - 1);
    }

    int workingDaysIn(int year) {
        return year(year).cardinality();
    }

    LocalDate addWorkingDays(LocalDate completeDate, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (days == 0) {
            return isWorkingDay(completeDate) ? completeDate : nthWorkingDayAfter(completeDate, 1);
        }
        return nthWorkingDayAfter(completeDate, days);
    }

    private LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        int left = n;
        int y = date.getYear();
        int from = date.getDayOfYear(); // 0-based index of the day after date
        while (y <= date.getYear() + MAX_YEARS_AHEAD) {
            BitSet bits = year(y);
            int len = length(y);
            for (int i = bits.nextSetBit(from); i >= 0 && i < len; i = bits.nextSetBit(i + 1)) {
                if (--left == 0) {
                    return LocalDate.ofYearDay(y, i + 1);
                }
            }
            y++;
            from = 0;
        }
        throw new IllegalStateException("fewer than " + n + " working days in the " + MAX_YEARS_AHEAD + " years after " + date);
    }

    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (int y = fromExclusive.getYear(); y <= toInclusive.getYear(); y++) {
            int lo = y == fromExclusive.getYear() ? fromExclusive.getDayOfYear() : 0;
            int hi = y == toInclusive.getYear() ? toInclusive.getDayOfYear() : length(y);
            if (lo < hi) {
                count += year(y).get(lo, hi).cardinality();
            }
        }
        return count;
    }

    Instant deadline(Instant completedAt, int days) {
        ZonedDateTime local = completedAt.atZone(settings.zone());
        LocalDate date = local.toLocalDate();
        LocalDate due;
        if (days == 0) {
            boolean beforeClose = local.toLocalTime().isBefore(settings.closeTime());
            due = isWorkingDay(date) && beforeClose ? date : nthWorkingDayAfter(date, 1);
        } else {
            due = addWorkingDays(date, days);
        }
        return closeOfBusiness(due);
    }

    Instant closeOfBusiness(LocalDate date) {
        return ZonedDateTime.of(date, settings.closeTime(), settings.zone()).toInstant();
    }

    Instant extendForPause(Instant due, Instant pausedAt, Instant resumedAt) {
        if (resumedAt.isBefore(pausedAt)) {
            throw new IllegalArgumentException("the pause ends before it starts: " + pausedAt + " > " + resumedAt);
        }
        int covered = workingDaysBetween(localDate(pausedAt), localDate(resumedAt));
        if (covered == 0) {
            return due;
        }
        ZonedDateTime dueLocal = due.atZone(settings.zone());
        return dueLocal.with(nthWorkingDayAfter(dueLocal.toLocalDate(), covered)).toInstant();
    }

    LocalDate localDate(Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }
}
