package id.gerai.calendar.internal;

/**
 * What makes a date special. The first two are national (installation-wide, {@code national_holiday}), the
 * last two a tenant's own ({@code tenant_day}).
 */
enum DayKind {
    /** Libur nasional. */
    NATIONAL_HOLIDAY(true, false),
    /** Cuti bersama: collective leave the SKB sets around holidays; government offices close. */
    CUTI_BERSAMA(true, false),
    /** A holiday of the region only (e.g. the anniversary of the kabupaten). */
    REGIONAL_HOLIDAY(false, false),
    /** A day the MPP works although the week or a holiday says otherwise (a Saturday, a cuti bersama). */
    SPECIAL_WORKING_DAY(false, true);

    private final boolean national;
    private final boolean working;

    DayKind(boolean national, boolean working) {
        this.national = national;
        this.working = working;
    }

    boolean national() {
        return national;
    }

    boolean working() {
        return working;
    }

    /** The kind named {@code value} when it is national ({@code wantNational}) or a tenant's; otherwise null. */
    static DayKind parse(String value, boolean wantNational) {
        if (value == null) {
            return null;
        }
        for (DayKind k : values()) {
            if (k.name().equals(value.strip()) && k.national == wantNational) {
                return k;
            }
        }
        return null;
    }
}
