package id.gerai.queue.internal;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * A queue ticket: number {@code seq} of {@code prefix} at a service point on one day (the tenant's date).
 * {@code slotAt} is set for an appointment's ticket: from that moment it is called ahead of walk-ins.
 */
public record Ticket(TenantId tenant, UUID id, String followCode, UUID servicePointId, LocalDate day, String prefix, int seq,
              UUID agencyId, UUID serviceId, UUID appointmentId, Instant slotAt, TicketStatus status, UUID counterId,
              Instant issuedAt, Instant calledAt, Instant lastCalledAt, int callCount, Instant servingAt,
              Instant finishedAt) {

    /** What the visitor reads and the display shows, e.g. {@code B-017}. */
    public String number() {
        return prefix + "-" + String.format("%03d", seq);
    }

    public boolean slotCome(Instant now) {
        return slotAt != null && !slotAt.isAfter(now);
    }

    /**
     * The calling order, as {@code QueueRepository.nextFor} orders it in SQL: appointments whose slot has come, by
     * slot; then everyone else by the time the ticket was taken.
     */
    static Comparator<Ticket> callingOrder(Instant now) {
        return Comparator.<Ticket>comparingInt(t -> t.slotCome(now) ? 0 : 1)
                .thenComparing(t -> t.slotCome(now) ? t.slotAt() : Instant.EPOCH)
                .thenComparing(Ticket::issuedAt)
                .thenComparingInt(Ticket::seq);
    }
}
