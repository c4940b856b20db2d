package id.gerai.performance.internal;

import id.gerai.platform.TenantId;
import id.gerai.queue.TicketEnded;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code perf_queue_delta}: what one ended ticket adds to the queue figures of its day, service point and
 * agency. Made the same way by the listener (inside the transaction that ended the ticket) and by a rebuild (from
 * the replayed tickets), so both give the same figures.
 */
record QueueDelta(TenantId tenant, LocalDate day, UUID point, UUID agency, int served, int noShows, int fromAppointments,
                  Integer waitSeconds, Integer serviceSeconds) {

    static QueueDelta of(TicketEnded e) {
        boolean served = e.outcome() == TicketEnded.Outcome.SERVED;
        return new QueueDelta(e.tenant(), e.day(), e.servicePointId(), e.agencyId(), served ? 1 : 0, served ? 0 : 1,
                e.fromAppointment() ? 1 : 0, seconds(e.waited()), seconds(e.served()));
    }

    private static Integer seconds(Duration d) {
        return d == null ? null : (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
    }
}
