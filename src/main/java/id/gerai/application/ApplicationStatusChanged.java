package id.gerai.application;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction of every change of an application's status: submitted (DRAFT to IN_PROCESS),
 * sent back for correction, resubmitted, completed, rejected, withdrawn. Figures (received, completed, on time,
 * correction rate, channel mix) are kept from these events; the transaction that changes the status is the one
 * that publishes, so a listener inside it sees nothing half done.
 *
 * @param from        the status before ({@link ApplicationStatus#DRAFT} for a first submission)
 * @param to          the status after
 * @param at          when the change happened
 * @param submittedAt when the application was first submitted (set from the first submission on)
 * @param dueAt       the due time after the change (extended by correction pauses)
 * @param decidedAt   when it was completed, rejected or withdrawn; {@code null} while open
 */
public record ApplicationStatusChanged(TenantId tenant, UUID applicationId, UUID serviceId, int serviceVersion,
                                       UUID agencyId, UUID servicePointId, Channel channel, ApplicationStatus from,
                                       ApplicationStatus to, Instant at, Instant submittedAt, Instant dueAt,
                                       Instant decidedAt) {

    /** The change from {@code before} to {@code after}. */
    public static ApplicationStatusChanged of(Application before, Application after, Instant at) {
        return new ApplicationStatusChanged(after.tenant(), after.id(), after.serviceId(), after.serviceVersion(),
                after.agencyId(), after.servicePointId(), after.channel(), before.status(), after.status(), at,
                after.submittedAt(), after.dueAt(), after.decidedAt());
    }
}
