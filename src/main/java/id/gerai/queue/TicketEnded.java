package id.gerai.queue;

import id.gerai.platform.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published in the transaction that ends a queue ticket: finished at the counter ({@link Outcome#SERVED}) or marked
 * a no-show ({@link Outcome#NO_SHOW}). The queue's figures over time (performance) are kept from these events; the
 * transaction that ends the ticket is the one that publishes, so a listener inside it sees nothing half done and a
 * rolled-back end takes its figures with it. Holds no person: a ticket names nobody.
 *
 * @param day        the ticket's day, the tenant's date in its zone
 * @param issuedAt   when the ticket was taken (or the appointment checked in)
 * @param slotAt     an appointment's slot start, {@code null} for a walk-in; the wait counts from it when later
 * @param calledAt   the first call to a counter
 * @param finishedAt when it was finished or marked a no-show
 */
public record TicketEnded(TenantId tenant, UUID ticketId, UUID servicePointId, UUID agencyId, UUID serviceId,
                          LocalDate day, Instant issuedAt, Instant slotAt, Instant calledAt, Instant finishedAt,
                          boolean fromAppointment, Outcome outcome) {

    /** How a ticket ended. */
    public enum Outcome { SERVED, NO_SHOW }

    /**
     * The wait from taking the ticket (or from the appointment's slot, when that came later) to the first call, as the
     * queue's own figures of the day count it; {@code null} when it was never called.
     */
    public Duration waited() {
        if (calledAt == null) {
            return null;
        }
        Instant from = slotAt != null && slotAt.isAfter(issuedAt) ? slotAt : issuedAt;
        Duration d = Duration.between(from, calledAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The time at the counter, from the first call to the finish; {@code null} for a no-show. */
    public Duration served() {
        if (outcome != Outcome.SERVED || calledAt == null || finishedAt == null) {
            return null;
        }
        Duration d = Duration.between(calledAt, finishedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
