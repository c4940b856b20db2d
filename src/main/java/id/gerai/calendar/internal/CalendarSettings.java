package id.gerai.calendar.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A tenant's working week, close of business and time zone. Until the MPP manager saves them, a tenant works
 * Monday–Friday until 16:00 in the zone of its province ({@link #defaultZone(String)}).
 */
record CalendarSettings(WorkingWeek week, LocalTime closeTime, ZoneId zone) {

    static final LocalTime DEFAULT_CLOSE = LocalTime.of(16, 0);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    /** The zones Indonesia uses, west to east; the database accepts only these. */
    static final List<ZoneId> ZONES = List.of(WIB, WITA, WIT);

    /** Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi keep WITA (UTC+8). */
    private static final Set<String> WITA_PROVINCES = Set.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76");
    /** Maluku and Papua keep WIT (UTC+9). */
    private static final Set<String> WIT_PROVINCES = Set.of("81", "82", "91", "92", "93", "94", "95", "96", "97");

    CalendarSettings {
        if (week == null || closeTime == null || zone == null) {
            throw new IllegalArgumentException("week, close time and zone are required");
        }
    }

    static CalendarSettings defaultsFor(String regionCode) {
        return new CalendarSettings(WorkingWeek.MONDAY_TO_FRIDAY, DEFAULT_CLOSE, defaultZone(regionCode));
    }

    /** WIB unless the region's province (first two digits of its code) lies in WITA or WIT. */
    static ZoneId defaultZone(String regionCode) {
        String province = regionCode == null || regionCode.length() < 2 ? "" : regionCode.substring(0, 2);
        if (WITA_PROVINCES.contains(province)) {
            return WITA;
        }
        if (WIT_PROVINCES.contains(province)) {
            return WIT;
        }
        return WIB;
    }
}
