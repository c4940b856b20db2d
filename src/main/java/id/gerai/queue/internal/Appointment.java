package id.gerai.queue.internal;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A citizen's booked slot; {@code slotMin} is the slot's start in minutes after the tenant's midnight. */
public record Appointment(TenantId tenant, UUID id, String code, UUID accountId, UUID servicePointId, UUID agencyId,
                   UUID serviceId, LocalDate day, int slotMin, Instant slotAt, String status, UUID ticketId,
                   Instant createdAt) {

    public String time() {
        return PointSettings.clock(slotMin);
    }
}
