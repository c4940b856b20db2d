package id.gerai.replication.internal;

import id.gerai.platform.TenantId;
import id.gerai.replication.internal.StudyVisit.DesignRef;
import id.gerai.replication.internal.StudyVisit.Side;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module's tables. A visit is read by either party, so its statements name both {@code tenant_id} (the visitor)
 * and {@code host_tenant_id}: {@code (tenant_id = :t or host_tenant_id = :t)}; row-level security allows the same two
 * and nothing else. Plans and their items belong to one tenant.
 */
@Repository
class ReplicationRepository {

    private static final TypeReference<List<DesignRef>> DESIGNS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReplicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- visits -----------------------------------------------------------------------------------------------

    void insert(StudyVisit v) {
        jdbc.sql("""
                        insert into study_visit (tenant_id, id, host_tenant_id, topic, purpose, designs, proposed_from,
                            proposed_to, participants, contact_name, contact_email, contact_phone, status, requested_by,
                            requested_at, updated_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.visitor().value(), v.id(), v.host().value(), v.topic(), v.purpose(),
                        json.writeValueAsString(v.designs()), v.proposedFrom(), v.proposedTo(), v.participants(),
                        v.contactName(), v.contactEmail(), v.contactPhone(), v.status().name(), v.requestedBy(),
                        Timestamp.from(v.requestedAt()), Timestamp.from(v.requestedAt()))
                .update();
    }

    /** The visit if {@code party} is its visitor or host; locked for the step when {@code lock}. */
    Optional<StudyVisit> visit(TenantId party, UUID id, boolean lock) {
        return jdbc.sql("select * from study_visit where (tenant_id = ? or host_tenant_id = ?) and id = ?"
                        + (lock ? " for update" : ""))
                .params(party.value(), party.value(), id)
                .query(this::visit).optional();
    }

    /** Every visit {@code party} asked for or hosts, newest first. */
    List<StudyVisit> visits(TenantId party, int limit) {
        return jdbc.sql("""
                        select * from study_visit where tenant_id = ? or host_tenant_id = ?
                        order by requested_at desc limit ?""")
                .params(party.value(), party.value(), limit)
                .query(this::visit).list();
    }

    /** The visitor's held visits, newest first: the sources of its action plans. */
    List<StudyVisit> heldVisitsOf(TenantId visitor) {
        return jdbc.sql("select * from study_visit where tenant_id = ? and status = 'HELD' order by confirmed_date desc")
                .params(visitor.value()).query(this::visit).list();
    }

    void accept(StudyVisit v, LocalDate date, String note, Instant at) {
        step(v, """
                update study_visit set status = 'ACCEPTED', confirmed_date = ?, host_note = ?, decided_at = ?, updated_at = ?
                where tenant_id = ? and id = ? and host_tenant_id = ? and status = 'REQUESTED'""",
                date, note, Timestamp.from(at), Timestamp.from(at), v.visitor().value(), v.id(), v.host().value());
    }

    void decline(StudyVisit v, String reason, Instant at) {
        step(v, """
                update study_visit set status = 'DECLINED', decline_reason = ?, decided_at = ?, updated_at = ?
                where tenant_id = ? and id = ? and host_tenant_id = ? and status = 'REQUESTED'""",
                reason, Timestamp.from(at), Timestamp.from(at), v.visitor().value(), v.id(), v.host().value());
    }

    void cancel(StudyVisit v, Side by, String reason, Instant at) {
        step(v, """
                update study_visit set status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?, cancelled_at = ?,
                    updated_at = ?
                where tenant_id = ? and id = ? and host_tenant_id = ? and status in ('REQUESTED', 'ACCEPTED')""",
                by.name(), reason, Timestamp.from(at), Timestamp.from(at), v.visitor().value(), v.id(), v.host().value());
    }

    void held(StudyVisit v, String learnings, Instant at) {
        step(v, """
                update study_visit set status = 'HELD', learnings = ?, held_at = ?, updated_at = ?
                where tenant_id = ? and id = ? and host_tenant_id = ? and status = 'ACCEPTED'""",
                learnings, Timestamp.from(at), Timestamp.from(at), v.visitor().value(), v.id(), v.host().value());
    }

    /** Runs one transition's update; the row is locked by the caller, so it must change exactly one row. */
    private void step(StudyVisit v, String sql, Object... params) {
        int n = jdbc.sql(sql).params(params).update();
        if (n != 1) {
            throw new IllegalStateException("study visit " + v.id() + " changed under its lock");
        }
    }

    private StudyVisit visit(ResultSet rs, int row) throws SQLException {
        String cancelledBy = rs.getString("cancelled_by");
        return new StudyVisit(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("host_tenant_id", UUID.class)), rs.getString("topic"), rs.getString("purpose"),
                json.readValue(rs.getString("designs"), DESIGNS), date(rs, "proposed_from"), date(rs, "proposed_to"),
                rs.getInt("participants"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), VisitStatus.valueOf(rs.getString("status")), date(rs, "confirmed_date"),
                rs.getString("host_note"), rs.getString("decline_reason"),
                cancelledBy == null ? null : Side.valueOf(cancelledBy), rs.getString("cancel_reason"),
                rs.getString("learnings"), rs.getObject("requested_by", UUID.class), instant(rs, "requested_at"),
                instant(rs, "decided_at"), instant(rs, "cancelled_at"), instant(rs, "held_at"));
    }

    /** How often each of the host's designs was asked about: in open visits and in held ones. */
    record DesignInterest(UUID serviceId, String name, int open, int held) {
    }

    List<DesignInterest> designInterest(TenantId host) {
        return jdbc.sql("""
                        select (d ->> 'serviceId')::uuid, max(d ->> 'name'),
                            count(*) filter (where v.status in ('REQUESTED', 'ACCEPTED')),
                            count(*) filter (where v.status = 'HELD')
                        from study_visit v cross join lateral jsonb_array_elements(v.designs) d
                        where v.host_tenant_id = ? and v.status in ('REQUESTED', 'ACCEPTED', 'HELD')
                        group by 1 order by 4 desc, 3 desc, 2""")
                .params(host.value())
                .query((rs, n) -> new DesignInterest(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    // --- action plans -----------------------------------------------------------------------------------------

    void insert(ActionPlan p) {
        jdbc.sql("""
                        insert into action_plan (tenant_id, id, title, source, visit_id, service_id, source_note, agency_id,
                            created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.tenant().value(), p.id(), p.title(), p.source().name(), p.visitId(), p.serviceId(),
                        p.sourceNote(), p.agencyId(), p.createdBy(), Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    Optional<ActionPlan> plan(TenantId tenant, UUID id, boolean lock) {
        return jdbc.sql("select * from action_plan where tenant_id = ? and id = ?" + (lock ? " for update" : ""))
                .params(tenant.value(), id).query(this::plan).optional();
    }

    List<ActionPlan> plans(TenantId tenant) {
        return jdbc.sql("select * from action_plan where tenant_id = ? order by created_at desc")
                .params(tenant.value()).query(this::plan).list();
    }

    void touch(TenantId tenant, UUID planId, Instant at) {
        jdbc.sql("update action_plan set updated_at = ? where tenant_id = ? and id = ?")
                .params(Timestamp.from(at), tenant.value(), planId).update();
    }

    void insert(TenantId tenant, ActionPlan.Item i, Instant at) {
        jdbc.sql("""
                        insert into action_plan_item (tenant_id, id, plan_id, what, agency_id, responsible, target_date,
                            status, done_on, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), i.id(), i.planId(), i.what(), i.agencyId(), i.responsible(), i.targetDate(),
                        i.status().name(), i.doneOn(), Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** The items of the tenant's plans; of one plan when {@code planId} is given. */
    List<ActionPlan.Item> items(TenantId tenant, UUID planId) {
        return jdbc.sql("""
                        select * from action_plan_item where tenant_id = ? and (cast(? as uuid) is null or plan_id = ?)
                        order by target_date, created_at""")
                .params(tenant.value(), planId, planId).query(this::item).list();
    }

    Optional<ActionPlan.Item> item(TenantId tenant, UUID planId, UUID itemId) {
        return jdbc.sql("select * from action_plan_item where tenant_id = ? and plan_id = ? and id = ?")
                .params(tenant.value(), planId, itemId).query(this::item).optional();
    }

    void progress(TenantId tenant, ActionPlan.Item item, ActionPlan.Progress p) {
        jdbc.sql("""
                        update action_plan_item set status = ?, done_on = ?, updated_at = ?
                        where tenant_id = ? and id = ?""")
                .params(p.statusAfter().name(), p.statusAfter() == ItemStatus.DONE ? p.notedOn() : null,
                        Timestamp.from(p.createdAt()), tenant.value(), item.id())
                .update();
        jdbc.sql("""
                        insert into action_plan_progress (tenant_id, id, item_id, noted_on, note, status_after, author_id,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), p.id(), item.id(), p.notedOn(), p.note(), p.statusAfter().name(), p.authorId(),
                        Timestamp.from(p.createdAt()))
                .update();
    }

    List<ActionPlan.Progress> progress(TenantId tenant, UUID planId) {
        return jdbc.sql("""
                        select p.* from action_plan_progress p
                        join action_plan_item i on i.tenant_id = p.tenant_id and i.id = p.item_id
                        where p.tenant_id = ? and i.tenant_id = ? and i.plan_id = ?
                        order by p.created_at""")
                .params(tenant.value(), tenant.value(), planId)
                .query((rs, n) -> new ActionPlan.Progress(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
                        date(rs, "noted_on"), rs.getString("note"), ItemStatus.valueOf(rs.getString("status_after")),
                        rs.getObject("author_id", UUID.class), instant(rs, "created_at")))
                .list();
    }

    private ActionPlan plan(ResultSet rs, int row) throws SQLException {
        return new ActionPlan(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("title"), PlanSource.valueOf(rs.getString("source")), rs.getObject("visit_id", UUID.class),
                rs.getObject("service_id", UUID.class), rs.getString("source_note"), rs.getObject("agency_id", UUID.class),
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private ActionPlan.Item item(ResultSet rs, int row) throws SQLException {
        return new ActionPlan.Item(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getString("what"),
                rs.getObject("agency_id", UUID.class), rs.getString("responsible"), date(rs, "target_date"),
                ItemStatus.valueOf(rs.getString("status")), date(rs, "done_on"), instant(rs, "updated_at"));
    }

    // --- the monitor (across tenants; no personal data is read) --------------------------------------------------

    /** Visits per visitor, host and status. */
    record VisitCount(UUID visitor, UUID host, String status, int count) {
    }

    List<VisitCount> visitCounts() {
        return jdbc.sql("select tenant_id, host_tenant_id, status, count(*) n from study_visit group by 1, 2, 3")
                .query((rs, n) -> new VisitCount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    /** A held visit without its people: who visited whom, when, about what, how many went. */
    record HeldVisit(UUID visitor, UUID host, LocalDate date, String topic, int participants) {
    }

    List<HeldVisit> latestHeld(int limit) {
        return jdbc.sql("""
                        select tenant_id, host_tenant_id, confirmed_date, topic, participants from study_visit
                        where status = 'HELD' order by confirmed_date desc limit ?""")
                .params(limit)
                .query((rs, n) -> new HeldVisit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), date(rs, "confirmed_date"),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Items per tenant, status and target date (few rows: overdue is decided in each tenant's zone). */
    record ItemCount(UUID tenant, String status, LocalDate target, int count) {
    }

    List<ItemCount> itemCounts() {
        return jdbc.sql("select tenant_id, status, target_date, count(*) from action_plan_item group by 1, 2, 3")
                .query((rs, n) -> new ItemCount(rs.getObject(1, UUID.class), rs.getString(2), date(rs, "target_date"),
                        rs.getInt(4)))
                .list();
    }

    record PlanCount(UUID tenant, int plans) {
    }

    List<PlanCount> planCounts() {
        return jdbc.sql("select tenant_id, count(*) from action_plan group by 1")
                .query((rs, n) -> new PlanCount(rs.getObject(1, UUID.class), rs.getInt(2))).list();
    }

    boolean anyVisit() {
        return jdbc.sql("select exists (select 1 from study_visit)").query(Boolean.class).single();
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
