package id.gerai.calendar.internal;

import java.time.LocalDate;

/** A tenant's regional holiday or special working day. */
record TenantDay(LocalDate date, DayKind kind, String name) {
}
