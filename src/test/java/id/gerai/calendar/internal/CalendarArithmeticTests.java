package id.gerai.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-day arithmetic on the national holidays of DOMAIN.md (typed in here again, independently of the
 * migration that seeds them), without Spring or a database.
 */
class CalendarArithmeticTests {

    private static final List<String> LIBUR_2026 = List.of("01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03",
            "04-05", "05-01", "05-14", "05-27", "05-31", "06-01", "06-16", "08-17", "08-25", "12-25");
    private static final List<String> CUTI_2026 = List.of("02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24");
    private static final List<String> LIBUR_2025 = List.of("01-01", "01-27", "01-29", "03-29", "03-31", "04-01", "04-18",
            "04-20", "05-01", "05-12", "05-29", "06-01", "06-06", "06-27", "08-17", "09-05", "12-25");
    private static final List<String> CUTI_2025 = List.of("01-28", "03-28", "04-02", "04-03", "04-04", "04-07", "05-13",
            "05-30", "06-09", "08-18", "12-26");

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    static Map<LocalDate, NationalHoliday> national() {
        Map<LocalDate, NationalHoliday> map = new HashMap<>();
        add(map, 2025, LIBUR_2025, DayKind.NATIONAL_HOLIDAY);
        add(map, 2025, CUTI_2025, DayKind.CUTI_BERSAMA);
        add(map, 2026, LIBUR_2026, DayKind.NATIONAL_HOLIDAY);
        add(map, 2026, CUTI_2026, DayKind.CUTI_BERSAMA);
        return map;
    }

    private static void add(Map<LocalDate, NationalHoliday> map, int year, List<String> days, DayKind kind) {
        days.forEach(d -> {
            LocalDate date = LocalDate.parse(year + "-" + d);
            map.put(date, new NationalHoliday(date, kind, "Libur", null));
        });
    }

    static TenantCalendar calendar(WorkingWeek week, TenantDay... own) {
        Map<LocalDate, TenantDay> days = new HashMap<>();
        for (TenantDay d : own) {
            days.put(d.date(), d);
        }
        return new TenantCalendar(new CalendarSettings(week, LocalTime.of(16, 0), WIB), national(), days);
    }

    private final TenantCalendar standard = calendar(WorkingWeek.MONDAY_TO_FRIDAY);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant wib(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    @Test
    void theYearsHaveTheWorkingDaysOfTheDecrees() {
        assertThat(standard.workingDaysIn(2026)).isEqualTo(240);
        assertThat(standard.workingDaysIn(2025)).isEqualTo(237);
        assertThat(standard.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(240);
        assertThat(standard.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(237);
        // a year without holiday data counts only the working week: 2027 has 261 weekdays
        assertThat(standard.workingDaysIn(2027)).isEqualTo(261);
    }

    @Test
    void fiveWorkingDaysFromTuesdayBeforeNyepiAndIdulfitri2026EndOnTheTuesdayTwoWeeksLater() {
        assertThat(standard.addWorkingDays(d("2026-03-17"), 5)).isEqualTo(d("2026-03-31"));
        // counting starts the working day after completion: 25 March is day 1
        assertThat(standard.addWorkingDays(d("2026-03-17"), 1)).isEqualTo(d("2026-03-25"));
        assertThat(standard.workingDaysBetween(d("2026-03-17"), d("2026-03-31"))).isEqualTo(5);
        assertThat(standard.workingDaysBetween(d("2026-03-17"), d("2026-03-30"))).isEqualTo(4);
        for (String closed : List.of("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24")) {
            assertThat(standard.isWorkingDay(d(closed))).as(closed).isFalse();
        }
    }

    @Test
    void idulfitri2025ClosesOfficesFrom28MarchTo7April() {
        // Thursday 27 March: the next working day is Tuesday 8 April
        assertThat(standard.addWorkingDays(d("2025-03-27"), 1)).isEqualTo(d("2025-04-08"));
        assertThat(standard.addWorkingDays(d("2025-03-27"), 3)).isEqualTo(d("2025-04-10"));
        assertThat(standard.workingDaysBetween(d("2025-03-27"), d("2025-04-07"))).isZero();
        // completed during the closure: the same
        assertThat(standard.addWorkingDays(d("2025-04-02"), 1)).isEqualTo(d("2025-04-08"));
        // Wednesday 26 March + 2: Thursday 27 March, then Tuesday 8 April
        assertThat(standard.addWorkingDays(d("2025-03-26"), 2)).isEqualTo(d("2025-04-08"));
    }

    @Test
    void deadlinesRunOverTheYearEnd() {
        // 2025-12-24 (Wed) + 3: 25 Natal, 26 cuti bersama, 27/28 weekend; 29, 30, 31 December count
        assertThat(standard.addWorkingDays(d("2025-12-24"), 3)).isEqualTo(d("2025-12-31"));
        // one more skips New Year's Day: Friday 2 January 2026
        assertThat(standard.addWorkingDays(d("2025-12-24"), 4)).isEqualTo(d("2026-01-02"));
        assertThat(standard.workingDaysBetween(d("2025-12-24"), d("2026-01-02"))).isEqualTo(4);
        // 2026-12-23 (Wed) + 2: 24 cuti bersama, 25 Natal, weekend; Monday 28 and Tuesday 29 December
        assertThat(standard.addWorkingDays(d("2026-12-23"), 2)).isEqualTo(d("2026-12-29"));
        // and from the last days of 2026 into 2027 (no holiday data: only the weekend counts)
        assertThat(standard.addWorkingDays(d("2026-12-30"), 3)).isEqualTo(d("2027-01-04"));
    }

    @Test
    void aWeekendCompletionCountsFromMonday() {
        assertThat(standard.addWorkingDays(d("2026-03-07"), 1)).isEqualTo(d("2026-03-09"));
        assertThat(standard.addWorkingDays(d("2026-03-08"), 5)).isEqualTo(d("2026-03-13"));
        // completed Friday: the Friday does not count either
        assertThat(standard.addWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
    }

    @Test
    void zeroDaysIsTheSameWorkingDay() {
        assertThat(standard.addWorkingDays(d("2026-03-17"), 0)).isEqualTo(d("2026-03-17"));
        assertThat(standard.addWorkingDays(d("2026-03-07"), 0)).isEqualTo(d("2026-03-09"));
        assertThat(standard.addWorkingDays(d("2026-03-18"), 0)).isEqualTo(d("2026-03-25"));
        assertThat(standard.workingDaysBetween(d("2026-03-17"), d("2026-03-17"))).isZero();
        // same-day service: before close that day, after close the next working day
        assertThat(standard.deadline(wib("2026-03-17T09:30"), 0)).isEqualTo(wib("2026-03-17T16:00"));
        assertThat(standard.deadline(wib("2026-03-17T16:30"), 0)).isEqualTo(wib("2026-03-25T16:00"));
        assertThat(standard.deadline(wib("2026-03-07T09:00"), 0)).isEqualTo(wib("2026-03-09T16:00"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> standard.addWorkingDays(d("2026-03-17"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.deadline(wib("2026-03-17T09:30"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuringBackwardsIsNegative() {
        assertThat(standard.workingDaysBetween(d("2026-03-31"), d("2026-03-17"))).isEqualTo(-5);
    }

    @Test
    void addingAndMeasuringAgreeOnEveryDayOfTwoYears() {
        for (LocalDate start = d("2025-01-01"); start.isBefore(d("2027-01-01")); start = start.plusDays(1)) {
            for (int days : new int[] {1, 2, 5, 14, 60}) {
                LocalDate due = standard.addWorkingDays(start, days);
                assertThat(standard.workingDaysBetween(start, due)).as(start + " + " + days).isEqualTo(days);
                assertThat(standard.isWorkingDay(due)).as(start + " + " + days).isTrue();
                assertThat(standard.workingDaysBetween(start, due.minusDays(1))).as(start + " + " + days).isEqualTo(days - 1);
            }
        }
    }

    @Test
    void theDeadlineIsCloseOfBusinessInTheTenantsZone() {
        Instant completed = wib("2026-03-17T10:15");
        assertThat(standard.deadline(completed, 5)).isEqualTo(wib("2026-03-31T16:00"));
        // late in the evening of the 17th it is still the 17th in Jakarta
        assertThat(standard.deadline(wib("2026-03-17T23:30"), 5)).isEqualTo(wib("2026-03-31T16:00"));
        // an MPP in Makassar (WITA, UTC+8) closing at 15:00
        TenantCalendar makassar = new TenantCalendar(new CalendarSettings(WorkingWeek.MONDAY_TO_FRIDAY, LocalTime.of(15, 0),
                ZoneId.of("Asia/Makassar")), national(), Map.of());
        // 23:30 WIB on the 17th is already the 18th in Makassar: counting starts on the 25th all the same
        Instant due = makassar.deadline(wib("2026-03-17T23:30"), 5);
        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 3, 31, 15, 0, 0, 0, ZoneId.of("Asia/Makassar")).toInstant());
        // a Monday 00:30 WITA completion counts from Tuesday, though it is still Sunday in Jakarta
        assertThat(makassar.deadline(ZonedDateTime.of(2026, 3, 9, 0, 30, 0, 0, ZoneId.of("Asia/Makassar")).toInstant(), 1))
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 15, 0, 0, 0, ZoneId.of("Asia/Makassar")).toInstant());
    }

    @Test
    void regionalHolidaysCloseAndSpecialWorkingDaysOpen() {
        TenantCalendar regional = calendar(WorkingWeek.MONDAY_TO_FRIDAY,
                new TenantDay(d("2026-03-26"), DayKind.REGIONAL_HOLIDAY, "Hari Jadi"));
        assertThat(regional.addWorkingDays(d("2026-03-17"), 5)).isEqualTo(d("2026-04-01"));
        TenantCalendar saturday = calendar(WorkingWeek.MONDAY_TO_FRIDAY,
                new TenantDay(d("2026-03-28"), DayKind.SPECIAL_WORKING_DAY, "Layanan Sabtu"));
        assertThat(saturday.addWorkingDays(d("2026-03-17"), 5)).isEqualTo(d("2026-03-30"));
        // a special working day beats a national holiday (the MPP serves on a cuti bersama)
        TenantCalendar servesCuti = calendar(WorkingWeek.MONDAY_TO_FRIDAY,
                new TenantDay(d("2026-03-24"), DayKind.SPECIAL_WORKING_DAY, "Layanan cuti bersama"));
        assertThat(servesCuti.addWorkingDays(d("2026-03-17"), 1)).isEqualTo(d("2026-03-24"));
        assertThat(servesCuti.workingDaysIn(2026)).isEqualTo(241);
    }

    @Test
    void aSixDayWeekCountsSaturdays() {
        TenantCalendar sixDays = calendar(new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)));
        assertThat(sixDays.addWorkingDays(d("2026-03-17"), 5)).isEqualTo(d("2026-03-30"));
        // 2026 has 52 Saturdays, of which 21 March is Idulfitri
        assertThat(sixDays.workingDaysIn(2026)).isEqualTo(240 + 51);
    }

    @Test
    void aPauseMovesTheDeadlineByTheWorkingDaysItCovered() {
        Instant due = standard.deadline(wib("2026-03-17T10:00"), 5); // Tuesday 31 March 16:00
        // returned Wednesday 25th, corrected Friday 27th: 26th and 27th are lost, the due date moves 2 working days
        assertThat(standard.extendForPause(due, wib("2026-03-25T10:00"), wib("2026-03-27T09:00")))
                .isEqualTo(wib("2026-04-02T16:00"));
        // returned and corrected on the same day: nothing moves
        assertThat(standard.extendForPause(due, wib("2026-03-25T10:00"), wib("2026-03-25T15:00"))).isEqualTo(due);
        // returned Friday, corrected on Saturday: no working day lost
        assertThat(standard.extendForPause(due, wib("2026-03-27T10:00"), wib("2026-03-28T11:00"))).isEqualTo(due);
        // over Good Friday and the weekend: only Monday 6 April counts
        Instant later = wib("2026-04-10T16:00");
        assertThat(standard.extendForPause(later, wib("2026-04-02T10:00"), wib("2026-04-06T10:00"))).isEqualTo(wib("2026-04-13T16:00"));
        // the same as restarting with the days that were left: 4 left on the 25th, restarted after the 27th
        assertThat(standard.addWorkingDays(d("2026-03-27"), standard.workingDaysBetween(d("2026-03-25"), d("2026-03-31"))))
                .isEqualTo(d("2026-04-02"));
        assertThatThrownBy(() -> standard.extendForPause(due, wib("2026-03-27T10:00"), wib("2026-03-26T10:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provinceCodesChooseTheZone() {
        assertThat(Stream.of("36.71", "12.03", "61.06", "62.01", "31").map(CalendarSettings::defaultZone)).containsOnly(WIB);
        assertThat(Stream.of("51.71", "52.01", "53.01", "63.71", "64.72", "65.01", "71.02", "72.01", "73.71", "74.01", "75.01", "76.01")
                .map(CalendarSettings::defaultZone)).containsOnly(ZoneId.of("Asia/Makassar"));
        assertThat(Stream.of("81.01", "82.01", "91.01", "92.01", "93.01", "94.01", "95.01", "96.01", "97.01")
                .map(CalendarSettings::defaultZone)).containsOnly(ZoneId.of("Asia/Jayapura"));
    }

    @Test
    void aWeekWithoutDaysIsRefused() {
        assertThatThrownBy(() -> new WorkingWeek(EnumSet.noneOf(DayOfWeek.class))).isInstanceOf(IllegalArgumentException.class);
    }
}
