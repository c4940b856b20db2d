package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.AttachedDocument;
import id.gerai.application.Channel;
import id.gerai.application.Correction;
import id.gerai.application.Decision;
import id.gerai.application.HistoryEntry;
import id.gerai.application.Note;
import id.gerai.application.Task;
import id.gerai.application.TaskStatus;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of the application tables. Every statement names {@code tenant_id} and runs under the caller's tenant
 * scope, except the lookups by tracking number and by applicant, which run across tenants on purpose (the
 * service checks who may see the result).
 */
@Repository
class ApplicationRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static final String APP_COLUMNS = """
            a.tenant_id, a.id, a.tracking_no, a.access_code, a.service_id, a.service_version, a.agency_id, a.applicant_id,
            a.applicant_name, a.applicant_nik, a.applicant_email, a.applicant_phone, a.lang, a.channel, a.service_point_id,
            a.filed_by, a.status, a.stage, a.form_data::text as form_data, a.correction::text as correction,
            a.decision_reason, a.created_at, a.updated_at, a.submitted_at, a.due_at, a.paused_at, a.decided_at, a.lock_version,
            a.anonymised_at""";

    static final String TASK_COLUMNS = """
            t.tenant_id, t.id, t.application_id, t.stage, t.step_code, t.role, t.agency_id, t.service_id, t.channel, t.status,
            t.claimed_by, t.claimed_at, t.outcome, t.decided_by, t.decided_at, t.created_at, t.due_at, t.reminded_at,
            t.escalated_at""";

    /** The task columns under names that do not clash with the application's ({@code t_...}). */
    static final String TASK_COLUMNS_AS = """
            t.id as t_id, t.stage as t_stage, t.step_code as t_step_code, t.role as t_role, t.agency_id as t_agency_id,
            t.service_id as t_service_id, t.channel as t_channel, t.status as t_status, t.claimed_by as t_claimed_by,
            t.claimed_at as t_claimed_at, t.outcome as t_outcome, t.decided_by as t_decided_by, t.decided_at as t_decided_at,
            t.created_at as t_created_at, t.due_at as t_due_at, t.reminded_at as t_reminded_at, t.escalated_at as t_escalated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- application ------------------------------------------------------------------------------------

    void insert(Application a, String idempotencyKey) {
        jdbc.sql("""
                        insert into application (tenant_id, id, tracking_no, access_code, service_id, service_version, agency_id,
                            applicant_id, applicant_name, applicant_nik, applicant_email, applicant_phone, lang, channel,
                            service_point_id, filed_by, status, stage, form_data, idempotency_key, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?::jsonb, ?, ?, ?)""")
                .params(a.tenant().value(), a.id(), a.trackingNo(), a.accessCode(), a.serviceId(), a.serviceVersion(),
                        a.agencyId(), a.applicantId(), a.applicantName(), a.applicantNik(), a.applicantEmail(),
                        a.applicantPhone(), a.lang(), a.channel().name(), a.servicePointId(), a.filedBy(),
                        toJson(a.data()), idempotencyKey, ts(a.createdAt()), ts(a.createdAt()))
                .update();
    }

    /** Inserts a new draft and its history row ({@code CREATED}) in one statement. */
    void insert(Application a, String idempotencyKey, HistoryRow history) {
        jdbc.sql("""
                        with a as (
                            insert into application (tenant_id, id, tracking_no, access_code, service_id, service_version, agency_id,
                                applicant_id, applicant_name, applicant_nik, applicant_email, applicant_phone, lang, channel,
                                service_point_id, filed_by, status, stage, form_data, idempotency_key, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?::jsonb, ?, ?, ?)
                            returning tenant_id, id)
                        insert into application_history (tenant_id, application_id, action, step_code, actor_id, actor_role, status_after, detail)
                        select a.tenant_id, a.id, ?, ?, ?, ?, ?, ?::jsonb from a""")
                .params(a.tenant().value(), a.id(), a.trackingNo(), a.accessCode(), a.serviceId(), a.serviceVersion(),
                        a.agencyId(), a.applicantId(), a.applicantName(), a.applicantNik(), a.applicantEmail(),
                        a.applicantPhone(), a.lang(), a.channel().name(), a.servicePointId(), a.filedBy(),
                        toJson(a.data()), idempotencyKey, ts(a.createdAt()), ts(a.createdAt()),
                        history.action(), history.stepCode(), history.actorId(), history.actorRole(), history.statusAfter().name(),
                        detailJson(history.detail()))
                .update();
    }

    /** What {@link #insertSubmitted} wrote that only the database knows: the row's stamp and the history as stored. */
    record Submitted(Stamp stamp, List<HistoryEntry> history) {
    }

    /**
     * Inserts an application that is submitted as it is filed, with the tasks of its first stage, its documents and
     * its history rows ({@code CREATED}, then {@code SUBMITTED}), in one statement: the row is written once as it
     * ends up, where a draft and its submission would write it twice. Its lock version is 1, as after a draft's
     * submission. Returns the stamp and the history rows as stored (their ids and times are the database's).
     */
    Submitted insertSubmitted(Application a, String idempotencyKey, Instant submittedAt, Instant dueAt, List<Task> opened,
                              List<AttachedDocument> documents, List<HistoryRow> history) {
        Stamp[] stamp = new Stamp[1];
        List<HistoryEntry> stored = jdbc.sql("""
                        with a as (
                            insert into application (tenant_id, id, tracking_no, access_code, service_id, service_version, agency_id,
                                applicant_id, applicant_name, applicant_nik, applicant_email, applicant_phone, lang, channel,
                                service_point_id, filed_by, status, stage, form_data, idempotency_key, created_at, updated_at,
                                submitted_at, due_at, lock_version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROCESS', 0, ?::jsonb, ?, ?, now(), ?, ?, 1)
                            returning tenant_id, id, updated_at, lock_version),
                        """ + OPEN_TASKS + """
                        ,
                        d as (
                            insert into application_document (tenant_id, application_id, code, sha256, size_bytes, content_type,
                                file_name, uploaded_by, uploaded_at)
                            select a.tenant_id, a.id, x.code, x.sha256, x.size, x.type, x.name, x.by, x.at
                            from a, unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::timestamptz[])
                                as x(code, sha256, size, type, name, by, at)),
                        h as (
                            insert into application_history (tenant_id, application_id, action, step_code, actor_id, actor_role,
                                status_after, detail)
                            select a.tenant_id, a.id, x.action, x.step_code, x.actor_id, x.actor_role, x.status_after, x.detail::jsonb
                            from a, unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                                with ordinality as x(action, step_code, actor_id, actor_role, status_after, detail, n)
                            order by x.n
                            returning id, at, action, step_code, actor_id, actor_role, status_after, detail::text as detail)
                        select a.updated_at, a.lock_version, h.id, h.at, h.action, h.step_code, h.actor_id, h.actor_role,
                            h.status_after, h.detail
                        from a, h order by h.id""")
                .params(submittedParams(a, idempotencyKey, submittedAt, dueAt, opened, documents, history))
                .query((rs, n) -> {
                    stamp[0] = new Stamp(instant(rs, 1), rs.getInt(2));
                    return historyEntry(rs, 3);
                })
                .list();
        if (stamp[0] == null) {
            throw new IllegalStateException("an application was inserted without its history");
        }
        return new Submitted(stamp[0], stored);
    }

    private List<Object> submittedParams(Application a, String idempotencyKey, Instant submittedAt, Instant dueAt,
                                         List<Task> opened, List<AttachedDocument> documents, List<HistoryRow> history) {
        List<Object> params = new ArrayList<>(List.of(a.tenant().value(), a.id(), a.trackingNo(), a.accessCode(), a.serviceId(),
                a.serviceVersion(), a.agencyId(), a.applicantId(), a.applicantName(), a.applicantNik()));
        // nulls (no e-mail, no phone, no service point, filed by the applicant, no key) are not allowed in List.of
        params.addAll(Arrays.asList(a.applicantEmail(), a.applicantPhone(), a.lang(), a.channel().name(), a.servicePointId(),
                a.filedBy(), toJson(a.data()), idempotencyKey, ts(a.createdAt()), ts(submittedAt), ts(dueAt)));
        params.addAll(openTaskArrays(opened));
        params.addAll(documentArrays(documents));
        params.addAll(List.of(history.stream().map(HistoryRow::action).toArray(String[]::new),
                history.stream().map(HistoryRow::stepCode).toArray(String[]::new),
                history.stream().map(HistoryRow::actorId).toArray(UUID[]::new),
                history.stream().map(HistoryRow::actorRole).toArray(String[]::new),
                history.stream().map(h -> h.statusAfter().name()).toArray(String[]::new),
                history.stream().map(h -> detailJson(h.detail())).toArray(String[]::new)));
        return params;
    }

    /** The documents as one array per column: code, sha256, size, type, file name, uploaded by, uploaded at. */
    private static List<Object> documentArrays(List<AttachedDocument> docs) {
        return List.of(docs.stream().map(AttachedDocument::code).toArray(String[]::new),
                docs.stream().map(AttachedDocument::sha256).toArray(String[]::new),
                docs.stream().map(AttachedDocument::size).toArray(Long[]::new),
                docs.stream().map(AttachedDocument::contentType).toArray(String[]::new),
                docs.stream().map(AttachedDocument::fileName).toArray(String[]::new),
                docs.stream().map(AttachedDocument::uploadedBy).toArray(UUID[]::new),
                docs.stream().map(d -> ts(d.uploadedAt())).toArray(Timestamp[]::new));
    }

    /**
     * A data-modifying CTE {@code n} opening tasks for the application that CTE {@code a} returns; its parameters are
     * {@link #openTaskArrays}.
     */
    private static final String OPEN_TASKS = """
            n as (
                insert into application_task (tenant_id, id, application_id, stage, step_code, role, agency_id, service_id,
                    channel, status, created_at, due_at)
                select a.tenant_id, x.id, a.id, x.stage, x.step_code, x.role, x.agency_id, x.service_id, x.channel, 'OPEN',
                    x.created_at, x.due_at
                from a, unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[],
                    ?::timestamptz[]) as x(id, stage, step_code, role, agency_id, service_id, channel, created_at, due_at))""";

    /** The parameters of {@link #OPEN_TASKS}: one array per column. */
    private static List<Object> openTaskArrays(List<Task> opened) {
        return List.of(opened.stream().map(Task::id).toArray(UUID[]::new),
                opened.stream().map(Task::stage).toArray(Integer[]::new),
                opened.stream().map(Task::stepCode).toArray(String[]::new),
                opened.stream().map(Task::role).toArray(String[]::new),
                opened.stream().map(Task::agencyId).toArray(UUID[]::new),
                opened.stream().map(Task::serviceId).toArray(UUID[]::new),
                opened.stream().map(t -> t.channel().name()).toArray(String[]::new),
                opened.stream().map(t -> ts(t.createdAt())).toArray(Timestamp[]::new),
                opened.stream().map(t -> ts(t.dueAt())).toArray(Timestamp[]::new));
    }

    Optional<Application> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.tenant_id = ? and a.id = ?")
                .params(tenant.value(), id).query(this::application).optional();
    }

    /**
     * Locks the row until the transaction ends: every transition of one application goes through here. The lock
     * is {@code for no key update}, what an {@code update} of the row takes anyway: it orders transitions of one
     * application but leaves the foreign-key checks of inserts into the child tables (history rows of a claim)
     * free to run.
     */
    Optional<Application> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.tenant_id = ? and a.id = ? for no key update")
                .params(tenant.value(), id).query(this::application).optional();
    }

    /** An application locked for a decision on one of its tasks, with that task as it is now. */
    record Locked(Application application, Task task) {
    }

    /**
     * Locks the application of task {@code taskId} and the task itself, and reads both, in one statement. Both rows
     * are locked, so if the statement had to wait for another transition (a second click on the same decision) it
     * reads the rows as that one left them, not as they were when it started.
     */
    Optional<Locked> lockTask(TenantId tenant, UUID taskId) {
        return locked(tenant, taskId, " for no key update of a, t");
    }

    /**
     * Reads the task and its application as {@link #lockTask} does, without locking: for a transition that writes
     * guarded by what it read ({@link #advance} with the application's version and the task still claimed).
     */
    Optional<Locked> readTask(TenantId tenant, UUID taskId) {
        return locked(tenant, taskId, "");
    }

    private Optional<Locked> locked(TenantId tenant, UUID taskId, String lock) {
        // application first in the FROM and in the locking clause: rows are locked in that order, the order of
        // every transition (application, then tasks), so two transitions never wait for each other in a circle
        // both rows by their primary keys (the application's through its task), so no plan, however poor the table
        // statistics (a new installation, an unanalysed table), can join by scanning
        return jdbc.sql("select " + APP_COLUMNS + ", " + TASK_COLUMNS_AS + " " + """
                         from application a, application_task t
                         where a.tenant_id = ? and a.id = (select x.application_id from application_task x where x.tenant_id = ? and x.id = ?)
                           and t.tenant_id = ? and t.id = ?""" + lock)
                .params(tenant.value(), tenant.value(), taskId, tenant.value(), taskId)
                .query((rs, n) -> new Locked(application(rs, n), prefixedTask(rs)))
                .optional();
    }

    Optional<Application> byIdempotencyKey(TenantId tenant, UUID applicantId, String key) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.tenant_id = ? and a.applicant_id = ? and a.idempotency_key = ?")
                .params(tenant.value(), applicantId, key).query(this::application).optional();
    }

    /** Across tenants: the caller must be in a cross-tenant scope. */
    Optional<Application> byTracking(String trackingNo) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.tracking_no = ?")
                .param(trackingNo).query(this::application).optional();
    }

    /** Across tenants: the caller must be in a cross-tenant scope. */
    List<Application> byApplicant(UUID applicantId, int limit) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.applicant_id = ? order by a.created_at desc limit ?")
                .params(applicantId, limit).query(this::application).list();
    }

    List<Application> filedBy(TenantId tenant, UUID officer, UUID servicePoint, int limit) {
        return jdbc.sql("select " + APP_COLUMNS + " " + """
                         from application a where a.tenant_id = ? and (a.filed_by = ? or (cast(? as uuid) is not null and a.service_point_id = ?
                             and a.channel <> 'ONLINE')) order by a.created_at desc limit ?""")
                .params(tenant.value(), officer, servicePoint, servicePoint, limit).query(this::application).list();
    }

    List<Application> byNik(TenantId tenant, String nik, int limit) {
        return jdbc.sql("select " + APP_COLUMNS + " from application a where a.tenant_id = ? and a.applicant_nik = ? order by a.created_at desc limit ?")
                .params(tenant.value(), nik, limit).query(this::application).list();
    }

    void saveData(TenantId tenant, UUID id, Map<String, Object> data) {
        jdbc.sql("""
                        update application set form_data = ?::jsonb, updated_at = now(), lock_version = lock_version + 1
                        where tenant_id = ? and id = ?""")
                .params(toJson(data), tenant.value(), id).update();
    }

    /** Writes the status and the clock fields of a transition. */
    void transition(TenantId tenant, UUID id, ApplicationStatus status, int stage, Instant submittedAt, Instant dueAt,
                    Instant pausedAt, Instant decidedAt, Correction correction, String decisionReason) {
        jdbc.sql("""
                        update application set status = ?, stage = ?, submitted_at = ?, due_at = ?, paused_at = ?, decided_at = ?,
                            correction = ?::jsonb, decision_reason = ?, updated_at = now(), lock_version = lock_version + 1
                        where tenant_id = ? and id = ?""")
                .params(status.name(), stage, ts(submittedAt), ts(dueAt), ts(pausedAt), ts(decidedAt),
                        correction == null ? null : json.writeValueAsString(correction), decisionReason, tenant.value(), id)
                .update();
    }

    /** One row of {@code application_history} to write. */
    record HistoryRow(String action, String stepCode, UUID actorId, String actorRole, ApplicationStatus statusAfter,
                      Map<String, ?> detail) {
    }

    /** A task decided in a transition: DONE with {@code outcome} by {@code officer}. */
    record TaskDone(UUID taskId, Decision outcome, UUID officer) {
    }

    /** What the database set on the application row in a transition. */
    record Stamp(Instant updatedAt, int lockVersion) {
    }

    /**
     * A transition that moves an application forward (submission, an approval), written in one statement: the
     * application's status and clock (paused time, correction and decision reason cleared, as they are while an
     * application is in process), optionally the decided task, the tasks of the stage that opens, and the history
     * row. Returns what the database stamped on the application.
     *
     * <p>Guarded: nothing is written, and the result is empty, unless the application is still at
     * {@code expectedLockVersion} and the decided task is still claimed by the deciding officer. So a transition
     * that read its rows without locking them writes only if no other transition came in between.
     */
    Optional<Stamp> advance(TenantId tenant, UUID id, int expectedLockVersion, ApplicationStatus status, int stage,
                            Instant submittedAt, Instant dueAt, Instant decidedAt, TaskDone done, List<Task> opened,
                            HistoryRow history) {
        // The application row first, then the task: every transition locks in this order (see lockTask).
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                with a as (
                    update application set status = ?, stage = ?, submitted_at = ?, due_at = ?, paused_at = null, decided_at = ?,
                        correction = null, decision_reason = null, updated_at = now(), lock_version = lock_version + 1
                    where tenant_id = ? and id = ? and lock_version = ?
                    returning tenant_id, id, updated_at, lock_version)""");
        params.addAll(java.util.Arrays.asList(status.name(), stage, ts(submittedAt), ts(dueAt), ts(decidedAt), tenant.value(), id,
                expectedLockVersion));
        if (done != null) {
            sql.append("""
                    ,
                    d as (
                        update application_task set status = 'DONE', outcome = ?, decided_by = ?, decided_at = now()
                        where tenant_id = ? and id = ? and status = 'CLAIMED' and claimed_by = ? and exists (select 1 from a)
                        returning id)""");
            params.addAll(List.of(done.outcome().name(), done.officer(), tenant.value(), done.taskId(), done.officer()));
        }
        if (!opened.isEmpty()) {
            sql.append("""
                    ,
                    """).append(OPEN_TASKS);
            params.addAll(openTaskArrays(opened));
        }
        sql.append("""
                ,
                h as (
                    insert into application_history (tenant_id, application_id, action, step_code, actor_id, actor_role, status_after, detail)
                    select a.tenant_id, a.id, ?, ?, ?, ?, ?, ?::jsonb from a)
                select updated_at, lock_version, """ + (done != null ? "(select count(*) from d)" : "1") + " from a");
        params.addAll(java.util.Arrays.asList(history.action(), history.stepCode(), history.actorId(), history.actorRole(),
                history.statusAfter().name(), detailJson(history.detail())));
        // no row: the application moved on; a row but no task decided: the task did (the caller rolls both back)
        record Written(Stamp stamp, boolean taskDecided) {
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Written(new Stamp(instant(rs, 1), rs.getInt(2)), rs.getInt(3) == 1))
                .optional()
                .filter(Written::taskDecided)
                .map(Written::stamp);
    }

    ApplicationStatus statusOf(TenantId tenant, UUID id) {
        return ApplicationStatus.valueOf(jdbc.sql("select status from application where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query(String.class).single());
    }

    /** A change that leaves status and clock as they are (a parallel step approved) still moves the version. */
    void touch(TenantId tenant, UUID id) {
        jdbc.sql("update application set updated_at = now(), lock_version = lock_version + 1 where tenant_id = ? and id = ?")
                .params(tenant.value(), id).update();
    }

    void deleteDraft(TenantId tenant, UUID id) {
        jdbc.sql("delete from application where tenant_id = ? and id = ? and status = 'DRAFT'").params(tenant.value(), id).update();
    }

    // --- documents --------------------------------------------------------------------------------------

    /**
     * Stores the uploads (of different codes), each replacing an earlier one of its code, in one statement; returns
     * the replaced files' SHA-256 by code (none for a code that had no file). The caller holds the application's lock.
     */
    Map<String, String> putDocuments(TenantId tenant, UUID applicationId, List<AttachedDocument> docs) {
        Map<String, String> replaced = new HashMap<>();
        jdbc.sql("""
                        with old as (
                            select code, sha256 from application_document
                            where tenant_id = ? and application_id = ? and code = any(?::text[])),
                        put as (
                            insert into application_document (tenant_id, application_id, code, sha256, size_bytes, content_type,
                                file_name, uploaded_by, uploaded_at)
                            select ?, ?, x.code, x.sha256, x.size, x.type, x.name, x.by, x.at
                            from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::timestamptz[])
                                as x(code, sha256, size, type, name, by, at)
                            on conflict (tenant_id, application_id, code) do update set sha256 = excluded.sha256,
                                size_bytes = excluded.size_bytes, content_type = excluded.content_type, file_name = excluded.file_name,
                                uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at)
                        select code, sha256 from old""")
                .params(Stream.concat(Stream.of(tenant.value(), applicationId, docs.stream().map(AttachedDocument::code)
                        .toArray(String[]::new), tenant.value(), applicationId), documentArrays(docs).stream()).toList())
                .query((ResultSet rs) -> {
                    replaced.put(rs.getString(1), rs.getString(2));
                });
        return replaced;
    }

    boolean removeDocument(TenantId tenant, UUID applicationId, String code) {
        return jdbc.sql("delete from application_document where tenant_id = ? and application_id = ? and code = ?")
                .params(tenant.value(), applicationId, code).update() > 0;
    }

    List<AttachedDocument> documents(TenantId tenant, UUID applicationId) {
        return jdbc.sql("""
                        select code, sha256, size_bytes, content_type, file_name, uploaded_by, uploaded_at from application_document
                        where tenant_id = ? and application_id = ? order by code""")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> new AttachedDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, UUID.class), instant(rs, 7)))
                .list();
    }

    // --- tasks ------------------------------------------------------------------------------------------

    void insertTask(Task t) {
        jdbc.sql("""
                        insert into application_task (tenant_id, id, application_id, stage, step_code, role, agency_id, service_id, channel,
                            status, created_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(t.tenant().value(), t.id(), t.applicationId(), t.stage(), t.stepCode(), t.role(), t.agencyId(),
                        t.serviceId(), t.channel().name(), ts(t.createdAt()), ts(t.dueAt()))
                .update();
    }

    Optional<Task> task(TenantId tenant, UUID id) {
        return jdbc.sql("select " + TASK_COLUMNS + " from application_task t where t.tenant_id = ? and t.id = ?")
                .params(tenant.value(), id).query(ApplicationRepository::task).optional();
    }

    List<Task> tasks(TenantId tenant, UUID applicationId) {
        return jdbc.sql("select " + TASK_COLUMNS + " from application_task t where t.tenant_id = ? and t.application_id = ? order by t.created_at, t.step_code")
                .params(tenant.value(), applicationId).query(ApplicationRepository::task).list();
    }

    int activeInStage(TenantId tenant, UUID applicationId, int stage) {
        return jdbc.sql("""
                        select count(*) from application_task
                        where tenant_id = ? and application_id = ? and stage = ? and status in ('OPEN', 'CLAIMED')""")
                .params(tenant.value(), applicationId, stage).query(Integer.class).single();
    }

    /**
     * OPEN → CLAIMED by {@code officer} and the history row ({@code CLAIMED}, the application's status after) in one
     * statement; the claimed task, or empty when it was not open.
     */
    Optional<Task> claimWithHistory(TenantId tenant, UUID taskId, UUID officer) {
        return jdbc.sql("""
                        with t as (
                            update application_task set status = 'CLAIMED', claimed_by = ?, claimed_at = now()
                            where tenant_id = ? and id = ? and status = 'OPEN'
                            returning *),
                        h as (
                            insert into application_history (tenant_id, application_id, action, step_code, actor_id, actor_role, status_after)
                            select t.tenant_id, t.application_id, 'CLAIMED', t.step_code, ?, t.role, a.status
                            from t join application a on a.tenant_id = t.tenant_id and a.id = t.application_id)
                        select""" + " " + TASK_COLUMNS + " from t")
                .params(officer, tenant.value(), taskId, officer)
                .query(ApplicationRepository::task)
                .optional();
    }

    /** Active tasks of the stage other than {@code taskId}: a stage is done when none is left. */
    int otherActiveInStage(TenantId tenant, UUID applicationId, int stage, UUID taskId) {
        return jdbc.sql("""
                        select count(*) from application_task
                        where tenant_id = ? and application_id = ? and stage = ? and status in ('OPEN', 'CLAIMED') and id <> ?""")
                .params(tenant.value(), applicationId, stage, taskId).query(Integer.class).single();
    }

    /** OPEN → CLAIMED by {@code officer}; false when the task was not open. */
    boolean claim(TenantId tenant, UUID taskId, UUID officer) {
        return jdbc.sql("""
                        update application_task set status = 'CLAIMED', claimed_by = ?, claimed_at = now()
                        where tenant_id = ? and id = ? and status = 'OPEN'""")
                .params(officer, tenant.value(), taskId).update() == 1;
    }

    /** CLAIMED by {@code officer} → OPEN; false when it was not theirs. */
    boolean release(TenantId tenant, UUID taskId, UUID officer) {
        return jdbc.sql("""
                        update application_task set status = 'OPEN', claimed_by = null, claimed_at = null
                        where tenant_id = ? and id = ? and status = 'CLAIMED' and claimed_by = ?""")
                .params(tenant.value(), taskId, officer).update() == 1;
    }

    void complete(TenantId tenant, UUID taskId, Decision outcome, UUID officer) {
        jdbc.sql("""
                        update application_task set status = 'DONE', outcome = ?, decided_by = ?, decided_at = now()
                        where tenant_id = ? and id = ?""")
                .params(outcome.name(), officer, tenant.value(), taskId).update();
    }

    int cancelActive(TenantId tenant, UUID applicationId) {
        return jdbc.sql("""
                        update application_task set status = 'CANCELLED'
                        where tenant_id = ? and application_id = ? and status in ('OPEN', 'CLAIMED')""")
                .params(tenant.value(), applicationId).update();
    }

    boolean markReminded(TenantId tenant, UUID taskId) {
        return jdbc.sql("""
                        update application_task set reminded_at = now()
                        where tenant_id = ? and id = ? and reminded_at is null and status in ('OPEN', 'CLAIMED')""")
                .params(tenant.value(), taskId).update() == 1;
    }

    boolean markEscalated(TenantId tenant, UUID taskId) {
        return jdbc.sql("""
                        update application_task set escalated_at = now(), reminded_at = coalesce(reminded_at, now())
                        where tenant_id = ? and id = ? and escalated_at is null and status in ('OPEN', 'CLAIMED')""")
                .params(tenant.value(), taskId).update() == 1;
    }

    /** Across tenants: active tasks needing a reminder (due before {@code remindBefore}) or an escalation (overdue). */
    List<Task> needingAttention(Instant now, Instant remindBefore, int limit) {
        return jdbc.sql("select " + TASK_COLUMNS + " " + """
                         from application_task t
                         where t.status in ('OPEN', 'CLAIMED') and t.due_at < ?
                           and ((t.reminded_at is null) or (t.escalated_at is null and t.due_at < ?))
                         order by t.due_at limit ?""")
                .params(ts(remindBefore), ts(now), limit).query(ApplicationRepository::task).list();
    }

    // --- history and notes -------------------------------------------------------------------------------

    void history(TenantId tenant, UUID applicationId, String action, String stepCode, UUID actorId, String actorRole,
                 ApplicationStatus statusAfter, Map<String, ?> detail) {
        jdbc.sql("""
                        insert into application_history (tenant_id, application_id, action, step_code, actor_id, actor_role, status_after, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(tenant.value(), applicationId, action, stepCode, actorId, actorRole, statusAfter.name(),
                        detailJson(detail))
                .update();
    }

    private String detailJson(Map<String, ?> detail) {
        return detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail);
    }

    List<HistoryEntry> history(TenantId tenant, UUID applicationId) {
        return jdbc.sql("""
                        select id, at, action, step_code, actor_id, actor_role, status_after, detail::text from application_history
                        where tenant_id = ? and application_id = ? order by id""")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> historyEntry(rs, 1))
                .list();
    }

    /** A history entry from the columns id, at, action, step code, actor id, actor role, status after, detail from {@code first}. */
    private HistoryEntry historyEntry(ResultSet rs, int first) throws SQLException {
        String detail = rs.getString(first + 7);
        return new HistoryEntry(rs.getLong(first), instant(rs, first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getObject(first + 4, UUID.class), rs.getString(first + 5), ApplicationStatus.valueOf(rs.getString(first + 6)),
                detail == null ? Map.of() : json.readValue(detail, MAP));
    }

    void insertNote(TenantId tenant, UUID applicationId, Note note) {
        jdbc.sql("insert into application_note (tenant_id, id, application_id, author_id, author_name, body, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), note.id(), applicationId, note.authorId(), note.authorName(), note.body(), ts(note.createdAt()))
                .update();
    }

    List<Note> notes(TenantId tenant, UUID applicationId) {
        return jdbc.sql("select id, author_id, author_name, body, created_at from application_note where tenant_id = ? and application_id = ? order by created_at")
                .params(tenant.value(), applicationId)
                .query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs, 5)))
                .list();
    }

    // --- inbox ------------------------------------------------------------------------------------------

    /** A task with the application columns an inbox shows. */
    record InboxRow(Task task, String trackingNo, String applicantName, ApplicationStatus applicationStatus,
                    int serviceVersion) {
    }

    /**
     * Active tasks matching {@code scope} (an SQL predicate over {@code t} with its parameters) and the filter
     * predicate, soonest due first.
     */
    List<InboxRow> inbox(TenantId tenant, String scope, List<Object> scopeParams, String filter, List<Object> filterParams,
                         int limit) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(scopeParams);
        params.addAll(filterParams);
        params.add(limit);
        return jdbc.sql("select " + TASK_COLUMNS + " " + """
                        , a.tracking_no, a.applicant_name, a.status as app_status, a.service_version
                         from application_task t join application a on a.tenant_id = t.tenant_id and a.id = t.application_id
                         where t.tenant_id = ? and t.status in ('OPEN', 'CLAIMED') and (""" + scope + ")" + filter + " " + """
                         order by t.due_at, t.created_at limit ?""")
                .params(params)
                .query((rs, n) -> new InboxRow(task(rs, n), rs.getString("tracking_no"), rs.getString("applicant_name"),
                        ApplicationStatus.valueOf(rs.getString("app_status")), rs.getInt("service_version")))
                .list();
    }

    /** total, mine, unclaimed, due soon, overdue over the active tasks in {@code scope}. */
    int[] inboxCounts(TenantId tenant, String scope, List<Object> scopeParams, UUID me, Instant now, Instant soon) {
        List<Object> params = new ArrayList<>();
        params.add(me);
        params.add(ts(now));
        params.add(ts(soon));
        params.add(ts(now));
        params.add(tenant.value());
        params.addAll(scopeParams);
        return jdbc.sql("""
                        select count(*), count(*) filter (where t.claimed_by = ?), count(*) filter (where t.status = 'OPEN'),
                               count(*) filter (where t.due_at >= ? and t.due_at < ?), count(*) filter (where t.due_at < ?)
                        from application_task t where t.tenant_id = ? and t.status in ('OPEN', 'CLAIMED') and (""" + scope + ")")
                .params(params)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)})
                .single();
    }

    // --- mapping ----------------------------------------------------------------------------------------

    Application application(ResultSet rs, int n) throws SQLException {
        String correction = rs.getString("correction");
        return new Application(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("tracking_no"), rs.getString("access_code"), rs.getObject("service_id", UUID.class),
                rs.getInt("service_version"), rs.getObject("agency_id", UUID.class), rs.getObject("applicant_id", UUID.class),
                rs.getString("applicant_name"), rs.getString("applicant_nik"), rs.getString("applicant_email"),
                rs.getString("applicant_phone"), rs.getString("lang"), Channel.valueOf(rs.getString("channel")),
                rs.getObject("service_point_id", UUID.class), rs.getObject("filed_by", UUID.class),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("stage"),
                json.readValue(rs.getString("form_data"), MAP),
                correction == null ? null : json.readValue(correction, Correction.class), rs.getString("decision_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"), instant(rs, "due_at"),
                instant(rs, "paused_at"), instant(rs, "decided_at"), rs.getInt("lock_version"), instant(rs, "anonymised_at"));
    }

    static Task task(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Task(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getInt("stage"), rs.getString("step_code"), rs.getString("role"),
                rs.getObject("agency_id", UUID.class), rs.getObject("service_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), TaskStatus.valueOf(rs.getString("status")),
                rs.getObject("claimed_by", UUID.class), instant(rs, "claimed_at"),
                outcome == null ? null : Decision.valueOf(outcome), rs.getObject("decided_by", UUID.class),
                instant(rs, "decided_at"), instant(rs, "created_at"), instant(rs, "due_at"), instant(rs, "reminded_at"),
                instant(rs, "escalated_at"));
    }

    /** The task of a {@link #lockTask} row: its columns under {@link #TASK_COLUMNS_AS}, tenant and application from the application's. */
    private static Task prefixedTask(ResultSet rs) throws SQLException {
        String outcome = rs.getString("t_outcome");
        return new Task(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("t_id", UUID.class),
                rs.getObject("id", UUID.class), rs.getInt("t_stage"), rs.getString("t_step_code"), rs.getString("t_role"),
                rs.getObject("t_agency_id", UUID.class), rs.getObject("t_service_id", UUID.class),
                Channel.valueOf(rs.getString("t_channel")), TaskStatus.valueOf(rs.getString("t_status")),
                rs.getObject("t_claimed_by", UUID.class), instant(rs, "t_claimed_at"),
                outcome == null ? null : Decision.valueOf(outcome), rs.getObject("t_decided_by", UUID.class),
                instant(rs, "t_decided_at"), instant(rs, "t_created_at"), instant(rs, "t_due_at"), instant(rs, "t_reminded_at"),
                instant(rs, "t_escalated_at"));
    }

    private String toJson(Map<String, Object> data) {
        return json.writeValueAsString(data == null ? new LinkedHashMap<>() : data);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
