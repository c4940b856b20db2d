package id.gerai.application;

import id.gerai.platform.Masking;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One application as stored.
 *
 * @param trackingNo     canonical tracking number (nine characters; see {@link TrackingNumber})
 * @param accessCode     the second factor of the public status check, printed on the receipt
 * @param serviceVersion the service version it was filed under; its design rules the form and procedure
 * @param applicantId    the citizen's account (an unclaimed record for a walk-in citizen without one)
 * @param filedBy        the officer who filed it at a counter; {@code null} when filed online
 * @param stage          index of the procedure stage at work (see {@link ProcedurePlan})
 * @param data           the form data (a JSON object)
 * @param correction     what to fix while {@link ApplicationStatus#CORRECTION}
 * @param dueAt          when the service's time limit ends (extended by correction pauses)
 * @param lockVersion    grows with every change; a save may name the version it read
 * @param anonymisedAt   when retention removed the applicant's personal data (name, NIK, contact, account, form
 *                       data, attachments); {@code null} while it is kept. The applicant fields are null after it.
 */
public record Application(TenantId tenant, UUID id, String trackingNo, String accessCode, UUID serviceId,
                          int serviceVersion, UUID agencyId, UUID applicantId, String applicantName, String applicantNik,
                          String applicantEmail, String applicantPhone, String lang, Channel channel, UUID servicePointId,
                          UUID filedBy, ApplicationStatus status, int stage, Map<String, Object> data,
                          Correction correction, String decisionReason, Instant createdAt, Instant updatedAt,
                          Instant submittedAt, Instant dueAt, Instant pausedAt, Instant decidedAt, int lockVersion,
                          Instant anonymisedAt) {

    /** The tracking number as printed and read out: {@code K7M-3Q9-XD2}. */
    public String displayTracking() {
        return TrackingNumber.display(trackingNo);
    }

    /** Its personal data was removed when its retention ended: pages say so instead of showing blanks. */
    public boolean anonymised() {
        return anonymisedAt != null;
    }

    public String maskedNik() {
        return Masking.nik(applicantNik);
    }

    /** Still running and past its due time at {@code now}. */
    public boolean overdueAt(Instant now) {
        return status == ApplicationStatus.IN_PROCESS && dueAt != null && dueAt.isBefore(now);
    }
}
