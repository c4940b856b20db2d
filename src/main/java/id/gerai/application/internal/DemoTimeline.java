package id.gerai.application.internal;

import id.gerai.application.ProcedurePlan;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a demo application back in time. The demo applications are made through {@link
 * id.gerai.application.Applications} in a few seconds at start-up; to give the inboxes, the overdue views and
 * the citizen's list something real to show, each step of an application is then moved to the moment it
 * "happened" (days ago), and the due times are computed again with the tenant's working calendar from the
 * moved times, exactly as the engine computes them (time limit from the submission, extended by correction
 * pauses; a step's limit from when its task opened).
 *
 * <p>Only the application's own rows move: the application, its tasks, documents, notes and history. The
 * history is append-only (a trigger refuses updates), so its moved rows are deleted and written again with
 * the same ids. The audit log is not touched: its records keep the real time and its hash chain stays sealed.
 */
@Component
class DemoTimeline {

    /** An active task as the demo needs it. */
    record ActiveTask(UUID id, int stage, String stepCode, String role, UUID agencyId, UUID claimedBy) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WorkingCalendar calendar;

    DemoTimeline(JdbcClient jdbc, TransactionTemplate tx, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.calendar = calendar;
    }

    /** Whether any tenant has an application (the demo is loaded only into an installation without any). */
    boolean anyApplication() {
        return TenantContext.callAcrossTenants(() -> tx.execute(s ->
                jdbc.sql("select exists (select 1 from application)").query(Boolean.class).single()));
    }

    boolean hasApplications(TenantId tenant) {
        return TenantContext.call(tenant, () -> tx.execute(s ->
                jdbc.sql("select exists (select 1 from application where tenant_id = ?)").param(tenant.value())
                        .query(Boolean.class).single()));
    }

    List<ActiveTask> activeTasks(TenantId tenant, UUID applicationId) {
        return TenantContext.call(tenant, () -> tx.execute(s -> jdbc.sql("""
                        select id, stage, step_code, role, agency_id, claimed_by from application_task
                        where tenant_id = ? and application_id = ? and status in ('OPEN', 'CLAIMED')
                        order by stage, step_code""")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> new ActiveTask(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class)))
                .list()));
    }

    /**
     * Moves every timestamp of the application later than {@code after} back by {@code by} (what the last calls
     * wrote; what was moved before stays where it is), in one statement; with {@code design} (the last move) the
     * due times are then computed again, in the same transaction.
     */
    void shift(TenantId tenant, UUID applicationId, Instant after, Duration by, ServiceDesign design) {
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            jdbc.sql(SHIFT).param("since", Timestamp.from(after)).param("ms", by.toMillis()).param("tenant", tenant.value())
                    .param("app", applicationId).update();
            if (design != null) {
                recomputeDue(tenant, applicationId, design);
            }
        }));
    }

    private static final String SHIFT = """
            with app as (
                update application set
                    created_at = case when created_at > :since then created_at - :ms * interval '1 millisecond' else created_at end,
                    updated_at = case when updated_at > :since then updated_at - :ms * interval '1 millisecond' else updated_at end,
                    submitted_at = case when submitted_at > :since then submitted_at - :ms * interval '1 millisecond' else submitted_at end,
                    paused_at = case when paused_at > :since then paused_at - :ms * interval '1 millisecond' else paused_at end,
                    decided_at = case when decided_at > :since then decided_at - :ms * interval '1 millisecond' else decided_at end
                where tenant_id = :tenant and id = :app
                returning id),
            task as (
                update application_task set
                    created_at = case when created_at > :since then created_at - :ms * interval '1 millisecond' else created_at end,
                    claimed_at = case when claimed_at > :since then claimed_at - :ms * interval '1 millisecond' else claimed_at end,
                    decided_at = case when decided_at > :since then decided_at - :ms * interval '1 millisecond' else decided_at end
                where tenant_id = :tenant and application_id = :app
                returning id),
            document as (
                update application_document set uploaded_at = uploaded_at - :ms * interval '1 millisecond'
                where tenant_id = :tenant and application_id = :app and uploaded_at > :since
                returning code),
            note as (
                update application_note set created_at = created_at - :ms * interval '1 millisecond'
                where tenant_id = :tenant and application_id = :app and created_at > :since
                returning id),
            -- the history is append-only (updates are refused): its rows are written again, same ids, earlier times
            moved as (
                delete from application_history
                where tenant_id = :tenant and application_id = :app and at > :since
                returning tenant_id, id, application_id, at, action, step_code, actor_id, actor_role, status_after, detail)
            insert into application_history (tenant_id, id, application_id, at, action, step_code, actor_id, actor_role,
                status_after, detail)
            overriding system value
            select tenant_id, id, application_id, at - :ms * interval '1 millisecond', action, step_code, actor_id, actor_role,
                status_after, detail
            from moved""";

    /** Writes the due time into the history rows of the submission and resubmissions again (append-only: delete, insert). */
    private static final String HISTORY_DUE = """
            with v as (select id::bigint as id, due from unnest(?::text[], ?::text[]) as v(id, due)),
            moved as (
                delete from application_history h using v
                where h.tenant_id = ? and h.application_id = ? and h.id = v.id
                returning h.tenant_id, h.id, h.application_id, h.at, h.action, h.step_code, h.actor_id, h.actor_role,
                    h.status_after, h.detail, v.due)
            insert into application_history (tenant_id, id, application_id, at, action, step_code, actor_id, actor_role,
                status_after, detail)
            overriding system value
            select tenant_id, id, application_id, at, action, step_code, actor_id, actor_role, status_after,
                jsonb_set(coalesce(detail, '{}'::jsonb), '{due}', to_jsonb(due))
            from moved""";

    /**
     * Computes the due times of the application and its tasks again from their (moved) times, as the engine
     * does: the service's limit from the submission, moved on by each correction pause that ended; each task's
     * step limit from when it opened, or, for a step reopened after a correction, its earlier due time moved on
     * by the pause. The history's record of the due time is written again to match. Runs in the caller's
     * transaction and tenant scope.
     */
    private void recomputeDue(TenantId tenant, UUID applicationId, ServiceDesign design) {
        ProcedurePlan plan = ProcedurePlan.of(design.procedure());
        Timestamp submitted = jdbc.sql("select submitted_at from application where tenant_id = ? and id = ?")
                .params(tenant.value(), applicationId).query(Timestamp.class).optional().orElse(null);
        if (submitted == null) {
            return;
        }
        // the due time after the submission and after each resubmission, as the engine wrote it into the history
        record Event(long id, String action, Instant at) {
        }
        List<Event> events = jdbc.sql("""
                        select id, action, at from application_history where tenant_id = ? and application_id = ?
                        and action in ('SUBMITTED', 'CORRECTION_REQUESTED', 'RESUBMITTED') order by id""")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        List<Instant[]> pauses = new ArrayList<>();
        List<Long> dueIds = new ArrayList<>();
        List<String> dueTexts = new ArrayList<>();
        Instant due = calendar.deadline(tenant, submitted.toInstant(), design.timeLimitDays());
        Instant pausedAt = null;
        for (Event e : events) {
            switch (e.action()) {
                case "CORRECTION_REQUESTED" -> pausedAt = e.at();
                case "RESUBMITTED" -> {
                    if (pausedAt != null) {
                        pauses.add(new Instant[] {pausedAt, e.at()});
                        due = calendar.extendForPause(tenant, due, pausedAt, e.at());
                        pausedAt = null;
                    }
                }
                default -> {
                }
            }
            if (!e.action().equals("CORRECTION_REQUESTED")) {
                dueIds.add(e.id());
                dueTexts.add(due.toString());
            }
        }
        jdbc.sql("update application set due_at = ? where tenant_id = ? and id = ?")
                .params(Timestamp.from(due), tenant.value(), applicationId).update();
        if (!dueIds.isEmpty()) {
            jdbc.sql(HISTORY_DUE).params(dueIds.stream().map(String::valueOf).toArray(String[]::new),
                    dueTexts.toArray(String[]::new), tenant.value(), applicationId).update();
        }

        record Row(UUID id, String step, Instant created) {
        }
        List<Row> tasks = jdbc.sql("""
                        select id, step_code, created_at from application_task where tenant_id = ? and application_id = ?
                        order by created_at, step_code""")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        Map<String, Instant> lastDue = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        for (Row t : tasks) {
            ServiceDesign.Step step = plan.step(t.step());
            Instant[] pause = lastDue.containsKey(t.step()) ? pauseEndingAt(pauses, t.created()) : null;
            Instant taskDue = pause != null ? calendar.extendForPause(tenant, lastDue.get(t.step()), pause[0], pause[1])
                    : calendar.deadline(tenant, t.created(), step == null ? 1 : step.days());
            lastDue.put(t.step(), taskDue);
            ids.add(t.id().toString());
            dues.add(taskDue.toString());
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update application_task t set due_at = v.due::timestamptz
                            from unnest(?::text[], ?::text[]) as v(id, due)
                            where t.tenant_id = ? and t.id = v.id::uuid""")
                    .params(ids.toArray(String[]::new), dues.toArray(String[]::new), tenant.value()).update();
        }
    }

    /** The pause whose resubmission opened a task created at {@code created} (same transaction: within a second). */
    private static Instant[] pauseEndingAt(List<Instant[]> pauses, Instant created) {
        for (Instant[] p : pauses) {
            if (Duration.between(p[1], created).abs().compareTo(Duration.ofSeconds(1)) <= 0) {
                return p;
            }
        }
        return null;
    }
}
