package id.gerai.application;

/** Where one step's task is. */
public enum TaskStatus {
    /** Waiting in the inbox of its role and agency. */
    OPEN,
    /** Taken by one officer, who alone may decide it (or release it). */
    CLAIMED,
    /** Decided. */
    DONE,
    /** No longer needed (the application was rejected, withdrawn or returned for correction). */
    CANCELLED;

    public boolean active() {
        return this == OPEN || this == CLAIMED;
    }
}
