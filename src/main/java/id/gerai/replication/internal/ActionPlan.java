package id.gerai.replication.internal;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A tenant's action plan (rencana aksi) and where it comes from. */
record ActionPlan(TenantId tenant, UUID id, String title, PlanSource source, UUID visitId, UUID serviceId,
                  String sourceNote, UUID agencyId, UUID createdBy, Instant createdAt, Instant updatedAt) {

    /** One thing the plan will change: who does it, by when, and how far it is. */
    record Item(UUID id, UUID planId, String what, UUID agencyId, String responsible, LocalDate targetDate,
                ItemStatus status, LocalDate doneOn, Instant updatedAt) {

        /** Past its target date and not closed, seen from {@code today} in the tenant's zone. */
        boolean overdue(LocalDate today) {
            return status.open() && targetDate.isBefore(today);
        }
    }

    /** A progress note with the status after it. */
    record Progress(UUID id, UUID itemId, LocalDate notedOn, String note, ItemStatus statusAfter, UUID authorId,
                    Instant createdAt) {
    }
}
