package id.gerai.calendar.internal;

import java.time.LocalDate;

/** A libur nasional or cuti bersama, with the decree (SKB 3 Menteri) that set it; {@code decree} may be null. */
record NationalHoliday(LocalDate date, DayKind kind, String name, String decree) {
}
