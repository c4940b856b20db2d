package id.gerai.survey;

import id.gerai.platform.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Satisfaction surveys for other modules and pages. Results are public data (no personal data), so these make no
 * permission check; answering, the kiosk and the follow-up plan are on the module's own pages.
 */
public interface Surveys {

    /**
     * The survey invitation of a completed application, for its page: empty when the application has none (not
     * completed, or no more: an invitation is deleted a while after it was answered or expired, so that nothing
     * keeps the applicant beside the fact that they answered). The URL is the questionnaire of the signed-in applicant. Include the fragment
     * {@code survey/fragments :: invite(${invitation})} to show it.
     */
    Optional<Invitation> invitationFor(TenantId tenant, UUID applicationId);

    /** The tenant's result for {@code period}, computed from the recorded responses. */
    SkmResult results(TenantId tenant, Period period);

    /** The periods the tenant has published, newest first. */
    List<Period> published(TenantId tenant);
}
