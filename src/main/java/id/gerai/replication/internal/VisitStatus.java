package id.gerai.replication.internal;

/**
 * Where a study visit stands. The visitor asks ({@code REQUESTED}); the host accepts with a confirmed date
 * ({@code ACCEPTED}) or declines with a reason ({@code DECLINED}); either side cancels an open visit before its date
 * ({@code CANCELLED}); from the confirmed date on, the visitor marks it held and writes what they learned
 * ({@code HELD}). Declined, cancelled and held visits never change again.
 */
enum VisitStatus {
    REQUESTED, ACCEPTED, DECLINED, CANCELLED, HELD;

    boolean open() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
