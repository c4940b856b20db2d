package id.gerai.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's appointments at service points, for their own access and copy of what Gerai holds about them
 * (UU 27/2022) and for closing their account. An appointment holds only the account it was booked by; tickets taken
 * at a kiosk are linked to nobody.
 */
public interface QueueBookings {

    /** Every appointment {@code accountId} booked, in every tenant, newest day first. */
    List<Booking> of(UUID accountId);

    /**
     * Cancels every appointment of {@code accountId} that is still booked (its slot freed for others), each audited as
     * {@code queue.appointment.cancelled} by {@code actor}; runs in the caller's transaction, which must read across
     * tenants. Returns how many were cancelled.
     */
    int cancelBooked(UUID accountId, String actor);

    /**
     * One appointment as booked.
     *
     * @param time   the slot's start, {@code HH:mm} in the tenant's zone
     * @param status {@code BOOKED}, {@code CHECKED_IN} or {@code CANCELLED}
     */
    record Booking(UUID tenantId, String tenantName, String code, String servicePointName, String serviceName,
                   LocalDate day, String time, String status, Instant bookedAt) {
    }
}
