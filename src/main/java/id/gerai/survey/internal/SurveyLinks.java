package id.gerai.survey.internal;

import id.gerai.platform.TenantId;
import id.gerai.survey.Invitation;
import id.gerai.survey.Surveys;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * For the citizen's application page ({@code ${@surveyLinks.of(...)}}): the "rate this service" invitation of
 * a completed application. The application module cannot depend on this one (surveys listen to applications),
 * so its page includes {@code survey/fragments :: invite} by name and reads the invitation through this bean.
 */
@Component("surveyLinks")
public class SurveyLinks {

    private final Surveys surveys;

    SurveyLinks(Surveys surveys) {
        this.surveys = surveys;
    }

    /** The invitation, or {@code null} when the application has none (not completed, or completed before surveys). */
    public Invitation of(TenantId tenant, UUID applicationId) {
        return surveys.invitationFor(tenant, applicationId).orElse(null);
    }
}
