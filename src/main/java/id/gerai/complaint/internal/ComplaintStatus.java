package id.gerai.complaint.internal;

/**
 * Where a complaint is in its flow. {@code RECEIVED} and {@code VERIFIED} wait for the coordinator (verification
 * limit), {@code FORWARDED} for the agency (follow-up limit), {@code ANSWERED} for the reporter (closed by the
 * system when the limit passes). {@code POSTPONED} waits for more from the reporter and has no clock.
 */
public enum ComplaintStatus {
    RECEIVED, VERIFIED, FORWARDED, ANSWERED, CLOSED, POSTPONED, NOT_OUR_AUTHORITY, ARCHIVED;

    /** Waiting for the coordinator. */
    boolean atCoordinator() {
        return this == RECEIVED || this == VERIFIED || this == POSTPONED;
    }

    /** Ended: nothing more happens. */
    boolean finished() {
        return this == CLOSED || this == NOT_OUR_AUTHORITY || this == ARCHIVED;
    }

    /** Running with a clock an officer must beat (escalated when it passes). */
    boolean staffClock() {
        return this == RECEIVED || this == VERIFIED || this == FORWARDED;
    }

    /** Seen on the public list (when not confidential): verified and handed on. */
    boolean publicVisible() {
        return this == FORWARDED || this == ANSWERED || this == CLOSED;
    }
}
