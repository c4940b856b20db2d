package id.gerai.survey.internal;

import id.gerai.audit.AuditLog;
import id.gerai.audit.RetentionPurge;
import java.time.Instant;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the survey invitations that can no longer be answered: answered ones, and those completed longer than
 * {@code gerai.survey.invitation-validity} ago. An invitation names the application, its tracking number and the
 * applicant; once nobody can answer it, keeping them serves nothing (UU 27/2022: data minimisation), and while an
 * answered one is kept, the row it changed in the answering transaction is a trace (its transaction id) next to the
 * response. The figures need none of it: the IKM comes from the responses' aggregates and the sample's population
 * from the applications. After deletion the application's page simply shows no "rate this service" card, and the
 * questionnaire link answers "not found".
 *
 * <p>An application is never invited twice: it completes once ({@link SurveyService#invite}).
 *
 * <p>Runs hourly ({@code gerai.survey.invitation-purge-interval}), in blocks of {@value #BATCH} as
 * {@link RetentionPurge} does: each block one transaction across tenants with one audit record
 * {@code survey.invitation.purged} per tenant holding the count, never the invitations. An invitation being answered
 * at that moment is skipped and taken in the next round.
 */
@Component
class SurveyInvitationPurge {

    static final int BATCH = 1_000;

    private final SurveyRepository repo;
    private final RetentionPurge purge;
    private final SurveyProperties properties;

    SurveyInvitationPurge(SurveyRepository repo, AuditLog audit, TransactionTemplate tx, SurveyProperties properties) {
        this.repo = repo;
        this.purge = new RetentionPurge(audit, tx);
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${gerai.survey.invitation-purge-interval:1h}",
            fixedDelayString = "${gerai.survey.invitation-purge-interval:1h}")
    void scheduled() {
        RetentionPurge.scheduledRound("survey invitations answered or older than " + properties.invitationValidity(),
                this::purgeNow);
    }

    /** Deletes the invitations that are answered or expired now; how many. */
    int purgeNow() {
        Instant before = Instant.now().minus(properties.invitationValidity());
        return purge.run("survey.invitation.purged", "survey_invitation", BATCH, Map.of("completedBefore", before.toString()),
                limit -> repo.deleteClosedInvitations(before, limit));
    }
}
