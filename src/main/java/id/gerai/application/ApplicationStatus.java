package id.gerai.application;

/** Where an application is. */
public enum ApplicationStatus {
    /** Being filled in; nobody at the agency sees it yet. */
    DRAFT,
    /** Submitted and complete; the procedure's steps are at work and the clock runs. */
    IN_PROCESS,
    /** Returned to the citizen to fix named fields or documents; the clock is paused. */
    CORRECTION,
    /** Approved by the final step. */
    COMPLETED,
    /** Refused, with a reason. */
    REJECTED,
    /** Withdrawn by the citizen. */
    WITHDRAWN;

    /** Submitted and not decided yet. */
    public boolean open() {
        return this == IN_PROCESS || this == CORRECTION;
    }

    /** Decided or withdrawn: nothing changes any more. */
    public boolean closed() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
    }

    /** The citizen (or the counter officer for them) may change the data and documents. */
    public boolean editable() {
        return this == DRAFT || this == CORRECTION;
    }
}
