package id.gerai.queue.internal;

/** WAITING -> CALLED (recalled any number of times) -> SERVING -> DONE; CALLED or SERVING -> NO_SHOW. */
public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW;

    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }
}
