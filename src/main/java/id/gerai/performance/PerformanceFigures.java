package id.gerai.performance;

import id.gerai.platform.TenantId;

/**
 * The figures' maintenance for operators, demos and tests. Figures follow the events on their own; these are for
 * when they must be made again from the source tables (after a bug fix, an import, demo data written directly).
 */
public interface PerformanceFigures {

    /**
     * Throws away {@code tenant}'s figures and makes them again from its applications, survey responses and
     * complaints, in one transaction (audited as {@code performance.rebuilt}). The national figures follow in a
     * {@link #fold()} made before returning.
     *
     * @return how many events were replayed
     */
    long rebuild(TenantId tenant);

    /** Rebuilds every tenant, one transaction each; returns the events replayed. */
    long rebuildAll();

    /** Folds the waiting deltas into the rollups now (the scheduler does it every few seconds); returns how many. */
    int fold();
}
