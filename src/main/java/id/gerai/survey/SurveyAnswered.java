package id.gerai.survey;

import id.gerai.platform.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that records one SKM response (after an application, or at a kiosk). Figures
 * keep per-element sums and counts from it, from which any period's IKM follows. Like the stored response it names
 * no application and no respondent: answers are anonymous, and no consumer needs more than the service, agency,
 * point and day.
 *
 * @param serviceId      the service the response is about; {@code null} for a kiosk response about a service point
 * @param agencyId       the agency of that service; {@code null} when not known
 * @param servicePointId where the service was given or the kiosk stands; {@code null} for an online application
 * @param answeredOn     the day in the tenant's zone
 * @param answers        the nine elements' values U1..U9, each 1 to 4
 */
public record SurveyAnswered(TenantId tenant, UUID responseId, UUID serviceId, UUID agencyId, UUID servicePointId,
                             LocalDate answeredOn, List<Integer> answers) {
}
