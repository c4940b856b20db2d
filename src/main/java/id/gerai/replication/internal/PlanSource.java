package id.gerai.replication.internal;

/** What an action plan follows from: one of the tenant's study visits, a design it copied, or a benchmark. */
enum PlanSource {
    VISIT, DESIGN_COPY, BENCHMARK;

    static PlanSource parse(String s) {
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
