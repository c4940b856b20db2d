package id.gerai.survey.internal;

import id.gerai.application.ApplicationCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Invites the applicant of every completed application to the satisfaction survey. It runs before the completing
 * transaction commits, inside it and its tenant scope: the invitation and its e-mail (an outbox row) commit with
 * the completion or not at all, so no completed application is left without its invitation and none gets two.
 * The work is two inserts, cheap enough for the officer's request.
 */
@Component
class InviteOnCompletion {

    private final SurveyService surveys;

    InviteOnCompletion(SurveyService surveys) {
        this.surveys = surveys;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ApplicationCompleted completed) {
        surveys.invite(completed);
    }
}
