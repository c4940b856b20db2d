package id.gerai.queue.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.TenantContext;
import id.gerai.queue.QueueBookings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link QueueBookings} over the appointments table. */
@Component
class QueueBookingsReader implements QueueBookings {

    private final QueueService queue;
    private final QueueRepository repo;
    private final AuditLog audit;

    QueueBookingsReader(QueueService queue, QueueRepository repo, AuditLog audit) {
        this.queue = queue;
        this.repo = repo;
        this.audit = audit;
    }

    @Override
    public List<Booking> of(UUID accountId) {
        return queue.bookingsOf(accountId, Integer.MAX_VALUE).stream().map(v -> {
            Appointment a = v.appointment();
            return new Booking(a.tenant().value(), v.tenantName(), a.code(), v.pointName(), v.serviceName(), a.day(),
                    a.time(), a.status(), a.createdAt());
        }).toList();
    }

    @Override
    public int cancelBooked(UUID accountId, String actor) {
        if (!TenantContext.scope().acrossTenants()) {
            throw new IllegalStateException("Cancelling an account's bookings reads every tenant: run it across tenants");
        }
        List<Appointment> cancelled = repo.cancelAllBooked(accountId, Instant.now());
        for (Appointment a : cancelled) {
            audit.record(AuditEvent.of(a.tenant(), "queue.appointment.cancelled", "queue-appointment", a.id(),
                    Map.of("status", "BOOKED"), Map.of("status", "CANCELLED", "reason", "account-closed")).byActor(actor));
        }
        return cancelled.size();
    }
}
