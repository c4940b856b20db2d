package id.gerai.queue.internal;

import id.gerai.platform.TenantId;
import id.gerai.queue.QueueRecords;
import id.gerai.queue.TicketEnded;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@link QueueRecords} over the tickets table. */
@Component
class QueueRecordsReader implements QueueRecords {

    private final QueueRepository repo;

    QueueRecordsReader(QueueRepository repo) {
        this.repo = repo;
    }

    @Override
    public void replayEnded(TenantId tenant, Consumer<TicketEnded> sink) {
        repo.ended(tenant, t -> sink.accept(ended(t)));
    }

    /** The event of an ended ticket (DONE or NO_SHOW), the same for the live end and for a replay. */
    static TicketEnded ended(Ticket t) {
        return new TicketEnded(t.tenant(), t.id(), t.servicePointId(), t.agencyId(), t.serviceId(), t.day(), t.issuedAt(),
                t.slotAt(), t.calledAt(), t.finishedAt(), t.appointmentId() != null,
                t.status() == TicketStatus.DONE ? TicketEnded.Outcome.SERVED : TicketEnded.Outcome.NO_SHOW);
    }
}
