package id.gerai.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One transition of an application. {@code action} is one of {@code CREATED}, {@code SUBMITTED},
 * {@code CLAIMED}, {@code RELEASED}, {@code APPROVED}, {@code STAGE_COMPLETED}, {@code CORRECTION_REQUESTED},
 * {@code RESUBMITTED}, {@code COMPLETED}, {@code REJECTED}, {@code WITHDRAWN}, {@code REMINDED}, {@code ESCALATED}.
 *
 * @param actorId   who acted; {@code null} for the system
 * @param actorRole the role they acted in ({@code WARGA} for the citizen, a staff role otherwise)
 * @param detail    reason, correction details and the like
 */
public record HistoryEntry(long id, Instant at, String action, String stepCode, UUID actorId, String actorRole,
                           ApplicationStatus statusAfter, Map<String, Object> detail) {
}
