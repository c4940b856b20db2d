package id.gerai.replication.internal;

/** An action plan item's status; {@code DONE} and {@code DROPPED} close it. */
enum ItemStatus {
    PLANNED, IN_PROGRESS, DONE, DROPPED;

    boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    static ItemStatus parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
