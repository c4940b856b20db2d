package id.gerai.application.internal;

import id.gerai.application.ApplicationStatus;
import id.gerai.application.ApplicationStatusChanged;
import id.gerai.application.Channel;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconstructs the {@link ApplicationStatusChanged} events of a tenant from the history (the module's ordered event
 * log) and the application rows, exactly as {@link ApplicationService} published them: a history row whose
 * {@code status_after} differs from the status before is a change; the due time is the one the submission and each
 * resubmission wrote into the history; the submission and the decision take the application's own timestamps (the
 * ones the event carried), other changes the history row's time. Streams row by row, so a tenant of any size fits.
 */
@Component
class StatusChangeReplay {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    StatusChangeReplay(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    void replay(TenantId tenant, Consumer<ApplicationStatusChanged> sink) {
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            State state = new State();
            jdbc.sql("""
                            select a.id, a.service_id, a.service_version, a.agency_id, a.service_point_id, a.channel,
                                   a.submitted_at, a.decided_at, h.at, h.action, h.status_after, h.detail ->> 'due'
                            from application_history h
                            join application a on a.tenant_id = h.tenant_id and a.id = h.application_id
                            where h.tenant_id = ? and a.submitted_at is not null
                            order by h.application_id, h.id""")
                    .param(tenant.value())
                    .query(rs -> {
                        state.row(tenant, rs, sink);
                    });
        }));
    }

    /** Where the replay is within one application. */
    private static final class State {
        UUID application;
        ApplicationStatus status;
        Instant due;

        void row(TenantId tenant, ResultSet rs, Consumer<ApplicationStatusChanged> sink) throws SQLException {
            UUID id = rs.getObject(1, UUID.class);
            if (!id.equals(application)) {
                application = id;
                status = ApplicationStatus.DRAFT;
                due = null;
            }
            ApplicationStatus after = ApplicationStatus.valueOf(rs.getString(11));
            String action = rs.getString(10);
            String dueText = rs.getString(12);
            if (dueText != null && ("SUBMITTED".equals(action) || "RESUBMITTED".equals(action))) {
                due = Instant.parse(dueText);
            }
            if (after == status) {
                return;
            }
            Instant submittedAt = instant(rs.getTimestamp(7));
            Instant at = instant(rs.getTimestamp(9));
            Instant decidedAt = null;
            if (status == ApplicationStatus.DRAFT) {
                at = submittedAt;
            } else if (after.closed()) {
                decidedAt = instant(rs.getTimestamp(8));
                at = decidedAt == null ? at : decidedAt;
            }
            sink.accept(new ApplicationStatusChanged(tenant, id, rs.getObject(2, UUID.class), rs.getInt(3),
                    rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), Channel.valueOf(rs.getString(6)), status,
                    after, at, submittedAt, due, decidedAt));
            status = after;
        }

        private static Instant instant(Timestamp t) {
            return t == null ? null : t.toInstant();
        }
    }
}
