package id.gerai.calendar.internal;

import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One year of a tenant's calendar as pages and the API show it, read fresh from the database.
 *
 * @param nationalKnown whether national holidays are recorded for this year at all; when not, deadlines in
 *                      it count only the working week and the tenant's own days
 * @param workingDays   the number of working days in the year
 */
record CalendarYear(Tenant tenant, int year, CalendarSettings settings, List<NationalHoliday> national,
                    List<TenantDay> own, List<Day> days, int workingDays, boolean nationalKnown) {

    /** A national or tenant day, labelled; {@code working} is whether the date is a working day in the end. */
    record Day(LocalDate date, DayKind kind, String name, String decree, boolean national, boolean working) {
    }

    static CalendarYear of(CalendarData.Snapshot snapshot, int year) {
        TenantCalendar calendar = snapshot.calendar();
        List<NationalHoliday> national = snapshot.national().stream().filter(h -> h.date().getYear() == year).toList();
        List<TenantDay> own = snapshot.own().stream().filter(d -> d.date().getYear() == year).toList();
        List<Day> days = new ArrayList<>();
        national.forEach(h -> days.add(new Day(h.date(), h.kind(), h.name(), h.decree(), true, calendar.isWorkingDay(h.date()))));
        own.forEach(d -> days.add(new Day(d.date(), d.kind(), d.name(), null, false, calendar.isWorkingDay(d.date()))));
        days.sort(Comparator.comparing(Day::date).thenComparing(d -> !d.national()));
        return new CalendarYear(snapshot.tenant(), year, snapshot.settings(), national, own, List.copyOf(days),
                calendar.workingDaysIn(year), !national.isEmpty());
    }

    /** Whether the tenant serves on this national holiday (it marked the date a special working day). */
    public boolean served(NationalHoliday holiday) { // public: the page calls it
        return own.stream().anyMatch(d -> d.date().equals(holiday.date()) && d.kind().working());
    }
}
