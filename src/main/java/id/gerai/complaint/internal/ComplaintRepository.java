package id.gerai.complaint.internal;

import id.gerai.platform.TenantId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of the complaint tables. Every statement names {@code tenant_id} and runs under the caller's tenant scope,
 * except the lookups by tracking number and by reporter, which run across tenants on purpose (the service checks
 * who may see the result), and the deadline scan of the watch.
 */
@Repository
class ComplaintRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static final String COLUMNS = """
            c.tenant_id, c.id, c.tracking_no, c.kind, c.title, c.body, c.incident_date, c.location, c.service_id,
            c.application_tracking, c.service_point_id, c.agency_id, c.confidential, c.anonymous, c.reporter_id,
            c.reporter_name, c.reporter_nik, c.reporter_email, c.reporter_phone, c.lang, c.channel, c.lapor_id, c.status,
            c.status_reason, c.filed_at, c.verified_at, c.forwarded_at, c.answered_at, c.closed_at, c.due_at,
            c.escalated_at, c.rating, c.satisfied, c.closed_by, c.lock_version, c.anonymised_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ComplaintRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- complaint ----------------------------------------------------------------------------------------

    void insert(Complaint c, String accessCodeHash) {
        jdbc.sql("""
                        insert into complaint (tenant_id, id, tracking_no, access_code_hash, kind, title, body, incident_date,
                            location, service_id, application_tracking, service_point_id, agency_id, confidential, anonymous,
                            reporter_id, reporter_name, reporter_nik, reporter_email, reporter_phone, lang, channel, lapor_id,
                            status, status_reason, filed_at, verified_at, forwarded_at, answered_at, closed_at, due_at,
                            rating, satisfied, closed_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.tenant().value(), c.id(), c.trackingNo(), accessCodeHash, c.kind().name(), c.title(), c.body(),
                        c.incidentDate() == null ? null : Date.valueOf(c.incidentDate()), c.location(), c.serviceId(),
                        c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(), c.anonymous(),
                        c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(), c.lang(),
                        c.channel(), c.laporId(), c.status().name(), c.statusReason(), ts(c.filedAt()), ts(c.verifiedAt()),
                        ts(c.forwardedAt()), ts(c.answeredAt()), ts(c.closedAt()), ts(c.dueAt()), c.rating(), c.satisfied(),
                        c.closedBy(), ts(c.filedAt()))
                .update();
    }

    Optional<Complaint> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from complaint c where c.tenant_id = ? and c.id = ?")
                .params(tenant.value(), id).query(ComplaintRepository::complaint).optional();
    }

    /** The row, locked until the transaction ends, so steps of one complaint run one after the other. */
    Optional<Complaint> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from complaint c where c.tenant_id = ? and c.id = ? for update")
                .params(tenant.value(), id).query(ComplaintRepository::complaint).optional();
    }

    /** By tracking number in any tenant (call across tenants); with the stored hash of its access code. */
    Optional<Located> byTracking(String trackingNo) {
        return jdbc.sql("select " + COLUMNS + ", c.access_code_hash from complaint c where c.tracking_no = ?")
                .param(trackingNo)
                .query((rs, n) -> new Located(complaint(rs, n), rs.getString("access_code_hash"))).optional();
    }

    record Located(Complaint complaint, String accessCodeHash) {
    }

    Optional<Complaint> byLaporId(TenantId tenant, String laporId) {
        return jdbc.sql("select " + COLUMNS + " from complaint c where c.tenant_id = ? and c.lapor_id = ?")
                .params(tenant.value(), laporId).query(ComplaintRepository::complaint).optional();
    }

    /** A reporter's complaints in every tenant (call across tenants), newest first. */
    List<Complaint> byReporter(UUID reporterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from complaint c where c.reporter_id = ? order by c.filed_at desc limit ?")
                .params(reporterId, limit).query(ComplaintRepository::complaint).list();
    }

    /**
     * Complaints of a tenant for an inbox: {@code agencyId} null for the coordinator (everything), else those
     * forwarded to that agency at some point. {@code statuses} empty means every status.
     */
    List<Complaint> list(TenantId tenant, UUID agencyId, List<String> statuses, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from complaint c where c.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (agencyId != null) {
            sql.append(" and c.agency_id = ? and c.forwarded_at is not null");
            params.add(agencyId);
        }
        if (!statuses.isEmpty()) {
            sql.append(" and c.status = any(?)");
            params.add(statuses.toArray(String[]::new));
        }
        sql.append(" order by c.due_at nulls last, c.filed_at desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ComplaintRepository::complaint).list();
    }

    /** All of a tenant's complaints, oldest first (export, replay). */
    List<Complaint> all(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from complaint c where c.tenant_id = ? order by c.filed_at, c.id")
                .param(tenant.value()).query(ComplaintRepository::complaint).list();
    }

    /** The public list: not confidential, verified and handed on; newest first. */
    List<Complaint> publicList(TenantId tenant, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from complaint c where c.tenant_id = ? and not c.confidential
                         and c.status in ('FORWARDED', 'ANSWERED', 'CLOSED')
                         order by c.filed_at desc limit ? offset ?""")
                .params(tenant.value(), limit, offset).query(ComplaintRepository::complaint).list();
    }

    int publicCount(TenantId tenant) {
        return jdbc.sql("""
                        select count(*) from complaint c where c.tenant_id = ? and not c.confidential
                        and c.status in ('FORWARDED', 'ANSWERED', 'CLOSED')""")
                .param(tenant.value()).query(Integer.class).single();
    }

    /** Writes the changeable columns of {@code c} (the state after a step) and bumps its version. */
    void update(Complaint c) {
        int n = jdbc.sql("""
                        update complaint set kind = ?, agency_id = ?, service_id = ?, service_point_id = ?, confidential = ?,
                            status = ?, status_reason = ?, verified_at = ?, forwarded_at = ?, answered_at = ?, closed_at = ?,
                            due_at = ?, escalated_at = ?, rating = ?, satisfied = ?, closed_by = ?, updated_at = now(),
                            lock_version = lock_version + 1
                        where tenant_id = ? and id = ? and lock_version = ?""")
                .params(c.kind().name(), c.agencyId(), c.serviceId(), c.servicePointId(), c.confidential(), c.status().name(),
                        c.statusReason(), ts(c.verifiedAt()), ts(c.forwardedAt()), ts(c.answeredAt()), ts(c.closedAt()),
                        ts(c.dueAt()), ts(c.escalatedAt()), c.rating(), c.satisfied(), c.closedBy(), c.tenant().value(),
                        c.id(), c.lockVersion())
                .update();
        if (n != 1) {
            throw new IllegalStateException("complaint " + c.id() + " changed while locked");
        }
    }

    /**
     * Complaints whose clock has run out at {@code now}, in every tenant (call across tenants): a staff step past
     * due and not yet escalated, or an answer nobody replied to.
     */
    List<Complaint> needingAttention(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from complaint c where c.due_at < ?
                         and ((c.status in ('RECEIVED', 'VERIFIED', 'FORWARDED') and c.escalated_at is null)
                              or c.status = 'ANSWERED')
                         order by c.due_at limit ?""")
                .params(ts(now), limit).query(ComplaintRepository::complaint).list();
    }

    // --- messages, attachments, history ---------------------------------------------------------------------

    void message(TenantId tenant, UUID complaintId, ComplaintMessage m) {
        jdbc.sql("""
                        insert into complaint_message (tenant_id, id, complaint_id, author, author_id, agency_id, body, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), m.id(), complaintId, m.author(), null, m.agencyId(), m.body(), ts(m.createdAt()))
                .update();
    }

    void messageBy(TenantId tenant, UUID complaintId, ComplaintMessage m, UUID authorId) {
        jdbc.sql("""
                        insert into complaint_message (tenant_id, id, complaint_id, author, author_id, agency_id, body, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), m.id(), complaintId, m.author(), authorId, m.agencyId(), m.body(), ts(m.createdAt()))
                .update();
    }

    List<ComplaintMessage> messages(TenantId tenant, UUID complaintId) {
        return jdbc.sql("""
                        select id, author, agency_id, body, created_at from complaint_message
                        where tenant_id = ? and complaint_id = ? order by created_at, id""")
                .params(tenant.value(), complaintId)
                .query((rs, n) -> new ComplaintMessage(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getObject("agency_id", UUID.class), rs.getString("body"), instant(rs, "created_at")))
                .list();
    }

    /** The agency follow-ups of many complaints at once (public list). */
    Map<UUID, List<ComplaintMessage>> followUps(TenantId tenant, List<UUID> complaintIds) {
        Map<UUID, List<ComplaintMessage>> out = new java.util.HashMap<>();
        if (complaintIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select complaint_id, id, author, agency_id, body, created_at from complaint_message
                        where tenant_id = ? and complaint_id = any(?) and author = 'AGENCY' order by created_at, id""")
                .params(tenant.value(), complaintIds.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new ArrayList<>())
                            .add(new ComplaintMessage(rs.getObject("id", UUID.class), rs.getString("author"),
                                    rs.getObject("agency_id", UUID.class), rs.getString("body"), instant(rs, "created_at")));
                });
        return out;
    }

    void attachment(TenantId tenant, UUID complaintId, ComplaintAttachment a) {
        jdbc.sql("""
                        insert into complaint_attachment (tenant_id, complaint_id, seq, message_id, author, sha256, size_bytes,
                            content_type, file_name, created_at)
                        values (?, ?, (select coalesce(max(seq), 0) + 1 from complaint_attachment where tenant_id = ? and complaint_id = ?),
                            ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), complaintId, tenant.value(), complaintId, a.messageId(), a.author(), a.sha256(),
                        a.size(), a.contentType(), a.fileName(), ts(a.createdAt()))
                .update();
    }

    List<ComplaintAttachment> attachments(TenantId tenant, UUID complaintId) {
        return jdbc.sql("""
                        select seq, message_id, author, sha256, size_bytes, content_type, file_name, created_at
                        from complaint_attachment where tenant_id = ? and complaint_id = ? order by seq""")
                .params(tenant.value(), complaintId)
                .query((rs, n) -> new ComplaintAttachment(rs.getInt("seq"), rs.getObject("message_id", UUID.class),
                        rs.getString("author"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("content_type"),
                        rs.getString("file_name"), instant(rs, "created_at")))
                .list();
    }

    void history(TenantId tenant, UUID complaintId, Instant at, String action, UUID actorId, String actorRole,
                 ComplaintStatus after, UUID agencyId, Map<String, ?> detail) {
        jdbc.sql("""
                        insert into complaint_history (tenant_id, complaint_id, at, action, actor_id, actor_role, status_after,
                            agency_id, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(tenant.value(), complaintId, ts(at), action, actorId, actorRole, after.name(), agencyId,
                        detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail))
                .update();
    }

    List<ComplaintHistoryEntry> history(TenantId tenant, UUID complaintId) {
        return jdbc.sql("""
                        select id, at, action, actor_id, actor_role, status_after, agency_id, detail::text as detail
                        from complaint_history where tenant_id = ? and complaint_id = ? order by id""")
                .params(tenant.value(), complaintId).query(this::entry).list();
    }

    /** Every complaint of a tenant as filed (the agency named at filing), oldest first (replay). */
    List<ComplaintFiledRow> filed(TenantId tenant) {
        return jdbc.sql("""
                        select c.id, h.agency_id, c.service_id, c.service_point_id, c.filed_at
                        from complaint c left join lateral (
                            select agency_id from complaint_history h
                            where h.tenant_id = c.tenant_id and h.complaint_id = c.id and h.action in ('FILED', 'IMPORTED')
                            order by h.id limit 1) h on true
                        where c.tenant_id = ? order by c.filed_at, c.id""")
                .param(tenant.value())
                .query((rs, n) -> new ComplaintFiledRow(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getObject("service_id", UUID.class), rs.getObject("service_point_id", UUID.class),
                        instant(rs, "filed_at")))
                .list();
    }

    record ComplaintFiledRow(UUID id, UUID agencyId, UUID serviceId, UUID servicePointId, Instant filedAt) {
    }

    /** The follow-ups of a tenant, oldest first, with the complaint they answer (replay). */
    List<Answered> answered(TenantId tenant) {
        return jdbc.sql("""
                        select h.complaint_id, h.at, h.agency_id, h.detail::text as detail, c.service_id, c.service_point_id,
                            c.filed_at
                        from complaint_history h join complaint c on c.tenant_id = h.tenant_id and c.id = h.complaint_id
                        where h.tenant_id = ? and h.action = 'ANSWERED' order by h.at, h.id""")
                .param(tenant.value())
                .query((rs, n) -> {
                    Map<String, Object> d = rs.getString("detail") == null ? Map.of() : json.readValue(rs.getString("detail"), MAP);
                    return new Answered(rs.getObject("complaint_id", UUID.class), rs.getObject("agency_id", UUID.class),
                            rs.getObject("service_id", UUID.class), rs.getObject("service_point_id", UUID.class),
                            instant(rs, "filed_at"), instant(rs, "at"), Boolean.TRUE.equals(d.get("onTime")));
                })
                .list();
    }

    record Answered(UUID complaintId, UUID agencyId, UUID serviceId, UUID servicePointId, Instant filedAt, Instant at,
                    boolean onTime) {
    }

    /** Whether any complaint exists (demo data runs once). */
    boolean any() {
        return jdbc.sql("select exists (select 1 from complaint)").query(Boolean.class).single();
    }

    boolean anyIn(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from complaint where tenant_id = ?)").param(tenant.value())
                .query(Boolean.class).single();
    }

    /**
     * Moves a complaint's times {@code shift} into the past (demo data): its own timestamps, its messages and
     * history (append-only: rows deleted and written again with earlier times), then sets its due time.
     */
    void backdate(TenantId tenant, UUID id, java.time.Duration shift, Instant dueAt) {
        long micros = shift.toNanos() / 1000;
        jdbc.sql("""
                        update complaint set filed_at = filed_at - make_interval(secs => ? / 1e6),
                            verified_at = verified_at - make_interval(secs => ? / 1e6),
                            forwarded_at = forwarded_at - make_interval(secs => ? / 1e6),
                            answered_at = answered_at - make_interval(secs => ? / 1e6),
                            closed_at = closed_at - make_interval(secs => ? / 1e6),
                            escalated_at = null, due_at = ?
                        where tenant_id = ? and id = ?""")
                .params(micros, micros, micros, micros, micros, ts(dueAt), tenant.value(), id).update();
        jdbc.sql("""
                        update complaint_message set created_at = created_at - make_interval(secs => ? / 1e6)
                        where tenant_id = ? and complaint_id = ?""").params(micros, tenant.value(), id).update();
        jdbc.sql("""
                        update complaint_attachment set created_at = created_at - make_interval(secs => ? / 1e6)
                        where tenant_id = ? and complaint_id = ?""").params(micros, tenant.value(), id).update();
        jdbc.sql("""
                        with moved as (delete from complaint_history where tenant_id = ? and complaint_id = ? returning *)
                        insert into complaint_history (tenant_id, complaint_id, at, action, actor_id, actor_role, status_after,
                            agency_id, detail)
                        select tenant_id, complaint_id, at - make_interval(secs => ? / 1e6), action, actor_id, actor_role,
                            status_after, agency_id, detail from moved order by id""")
                .params(tenant.value(), id, micros).update();
    }

    // --- mapping ------------------------------------------------------------------------------------------

    private ComplaintHistoryEntry entry(ResultSet rs, int n) throws SQLException {
        String d = rs.getString("detail");
        return new ComplaintHistoryEntry(rs.getLong("id"), instant(rs, "at"), rs.getString("action"),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_role"), ComplaintStatus.valueOf(rs.getString("status_after")),
                rs.getObject("agency_id", UUID.class), d == null ? Map.of() : json.readValue(d, MAP));
    }

    static Complaint complaint(ResultSet rs, int n) throws SQLException {
        Date incident = rs.getDate("incident_date");
        return new Complaint(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("tracking_no"), ComplaintKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("body"), incident == null ? null : incident.toLocalDate(), rs.getString("location"),
                rs.getObject("service_id", UUID.class), rs.getString("application_tracking"),
                rs.getObject("service_point_id", UUID.class), rs.getObject("agency_id", UUID.class),
                rs.getBoolean("confidential"), rs.getBoolean("anonymous"), rs.getObject("reporter_id", UUID.class),
                rs.getString("reporter_name"), rs.getString("reporter_nik"), rs.getString("reporter_email"),
                rs.getString("reporter_phone"), rs.getString("lang"), rs.getString("channel"), rs.getString("lapor_id"),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), instant(rs, "filed_at"),
                instant(rs, "verified_at"), instant(rs, "forwarded_at"), instant(rs, "answered_at"),
                instant(rs, "closed_at"), instant(rs, "due_at"), instant(rs, "escalated_at"),
                (Integer) rs.getObject("rating"), (Boolean) rs.getObject("satisfied"), rs.getString("closed_by"),
                rs.getInt("lock_version"), instant(rs, "anonymised_at"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
