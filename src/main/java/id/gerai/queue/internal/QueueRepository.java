package id.gerai.queue.internal;

import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queue's tables. Every statement names {@code tenant_id}; row-level security is the second wall. */
@Repository
class QueueRepository {

    private static final String TICKET_COLUMNS = """
            tenant_id, id, follow_code, service_point_id, day, prefix, seq, agency_id, service_id, appointment_id, slot_at,
            status, counter_id, issued_at, called_at, last_called_at, call_count, serving_at, finished_at """.strip() + " ";
    private static final String APPOINTMENT_COLUMNS = """
            tenant_id, id, code, account_id, service_point_id, agency_id, service_id, day, slot_min, slot_at, status,
            ticket_id, created_at """.strip() + " ";

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- counters ---------------------------------------------------------------------------------------------

    List<Counter> counters(TenantId tenant) {
        return jdbc.sql("""
                        select tenant_id, id, service_point_id, code, name, agency_ids::text agencies, service_ids::text services, active
                        from queue_counter where tenant_id = ? order by code""")
                .params(tenant.value()).query(QueueRepository::counter).list();
    }

    Optional<Counter> counter(TenantId tenant, UUID id, boolean lock) {
        return jdbc.sql("""
                        select tenant_id, id, service_point_id, code, name, agency_ids::text agencies, service_ids::text services, active
                        from queue_counter where tenant_id = ? and id = ?""" + (lock ? " for update" : ""))
                .params(tenant.value(), id).query(QueueRepository::counter).optional();
    }

    void insertCounter(Counter c) {
        jdbc.sql("""
                        insert into queue_counter (tenant_id, id, service_point_id, code, name, agency_ids, service_ids, active)
                        values (?, ?, ?, ?, ?, cast(? as uuid[]), cast(? as uuid[]), ?)""")
                .params(c.tenant().value(), c.id(), c.servicePointId(), c.code(), c.name(), array(c.agencyIds()),
                        array(c.serviceIds()), c.active()).update();
    }

    void updateCounter(Counter c) {
        jdbc.sql("""
                        update queue_counter set code = ?, name = ?, agency_ids = cast(? as uuid[]), service_ids = cast(? as uuid[]),
                               active = ?, updated_at = now()
                        where tenant_id = ? and id = ?""")
                .params(c.code(), c.name(), array(c.agencyIds()), array(c.serviceIds()), c.active(), c.tenant().value(), c.id())
                .update();
    }

    // --- prefixes and numbers ---------------------------------------------------------------------------------

    Optional<String> prefix(TenantId tenant, UUID agencyId) {
        return jdbc.sql("select prefix from queue_prefix where tenant_id = ? and agency_id = ?")
                .params(tenant.value(), agencyId).query(String.class).optional();
    }

    List<String> prefixes(TenantId tenant) {
        return jdbc.sql("select prefix from queue_prefix where tenant_id = ?").params(tenant.value()).query(String.class).list();
    }

    java.util.Map<UUID, String> prefixesByAgency(TenantId tenant) {
        return jdbc.sql("select agency_id, prefix from queue_prefix where tenant_id = ?").params(tenant.value())
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** True when this agency got {@code prefix}; false when another transaction took the agency or the letter first. */
    boolean claimPrefix(TenantId tenant, UUID agencyId, String prefix) {
        return jdbc.sql("insert into queue_prefix (tenant_id, agency_id, prefix) values (?, ?, ?) on conflict do nothing")
                .params(tenant.value(), agencyId, prefix).update() == 1;
    }

    /**
     * The next number of a service point, day and prefix. The upsert locks the counter row until the caller's
     * transaction ends: concurrent tickets wait their turn, and a rollback gives the number back.
     */
    int nextNumber(TenantId tenant, UUID pointId, LocalDate day, String prefix) {
        return jdbc.sql("""
                        insert into queue_number (tenant_id, service_point_id, day, prefix, last_no) values (?, ?, ?, ?, 1)
                        on conflict (tenant_id, service_point_id, day, prefix) do update set last_no = queue_number.last_no + 1
                        returning last_no""")
                .params(tenant.value(), pointId, day, prefix).query(Integer.class).single();
    }

    // --- tickets ----------------------------------------------------------------------------------------------

    void insertTicket(Ticket t) {
        jdbc.sql("insert into queue_ticket (" + TICKET_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.tenant().value(), t.id(), t.followCode(), t.servicePointId(), t.day(), t.prefix(), t.seq(),
                        t.agencyId(), t.serviceId(), t.appointmentId(), ts(t.slotAt()), t.status().name(), t.counterId(),
                        ts(t.issuedAt()), ts(t.calledAt()), ts(t.lastCalledAt()), t.callCount(), ts(t.servingAt()),
                        ts(t.finishedAt()))
                .update();
    }

    Optional<Ticket> ticketByFollowCode(TenantId tenant, String code) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where tenant_id = ? and follow_code = ?")
                .params(tenant.value(), code).query(QueueRepository::ticket).optional();
    }

    Optional<Ticket> ticket(TenantId tenant, UUID id) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query(QueueRepository::ticket).optional();
    }

    /** Every ended ticket (served or no-show) of the tenant, oldest day first, streamed to {@code sink}. */
    void ended(TenantId tenant, java.util.function.Consumer<Ticket> sink) {
        jdbc.sql("select " + TICKET_COLUMNS + """
                         from queue_ticket where tenant_id = ? and status in ('DONE', 'NO_SHOW') order by day, issued_at""")
                .params(tenant.value()).query(rs -> {
                    sink.accept(ticket(rs, 0));
                });
    }

    /** The ticket at a counter now (called or being served), locked. */
    Optional<Ticket> atCounter(TenantId tenant, UUID counterId, boolean lock) {
        return jdbc.sql("select " + TICKET_COLUMNS + """
                         from queue_ticket where tenant_id = ? and counter_id = ? and status in ('CALLED', 'SERVING')
                        order by called_at desc limit 1""" + (lock ? " for update" : ""))
                .params(tenant.value(), counterId).query(QueueRepository::ticket).optional();
    }

    /**
     * Takes the next waiting ticket the counter serves, in {@link Ticket#callingOrder}, skipping tickets another
     * transaction has locked (another counter is taking them right now): two counters never get the same ticket, and
     * neither waits for the other.
     */
    Optional<Ticket> nextFor(Counter c, LocalDate day, Instant now) {
        return jdbc.sql("select " + TICKET_COLUMNS + """
                         from queue_ticket
                        where tenant_id = :tenant and service_point_id = :point and day = :day and status = 'WAITING'
                          and (:all or agency_id = any(cast(:agencies as uuid[])) or service_id = any(cast(:services as uuid[])))
                        order by case when slot_at <= :now then 0 else 1 end, case when slot_at <= :now then slot_at end,
                                 issued_at, seq
                        limit 1
                        for update skip locked""")
                .param("tenant", c.tenant().value()).param("point", c.servicePointId()).param("day", day)
                .param("all", c.servesAll()).param("agencies", array(c.agencyIds())).param("services", array(c.serviceIds()))
                .param("now", ts(now)).query(QueueRepository::ticket).optional();
    }

    void called(TenantId tenant, UUID ticketId, UUID counterId, Instant now) {
        jdbc.sql("""
                        update queue_ticket set status = 'CALLED', counter_id = ?, called_at = coalesce(called_at, ?), last_called_at = ?,
                               call_count = call_count + 1
                        where tenant_id = ? and id = ?""")
                .params(counterId, ts(now), ts(now), tenant.value(), ticketId).update();
    }

    void status(TenantId tenant, UUID ticketId, TicketStatus status, Instant now) {
        String column = switch (status) {
            case SERVING -> "serving_at";
            case DONE, NO_SHOW -> "finished_at";
            default -> throw new IllegalArgumentException(status.name());
        };
        jdbc.sql("update queue_ticket set status = ?, " + column + " = ? where tenant_id = ? and id = ?")
                .params(status.name(), ts(now), tenant.value(), ticketId).update();
    }

    /** The waiting tickets of one agency at a service point on a day (a few hundred at most). */
    List<Ticket> waiting(TenantId tenant, UUID pointId, LocalDate day, UUID agencyId) {
        return jdbc.sql("select " + TICKET_COLUMNS + """
                         from queue_ticket where tenant_id = ? and service_point_id = ? and day = ? and status = 'WAITING'
                          and agency_id = ?""")
                .params(tenant.value(), pointId, day, agencyId).query(QueueRepository::ticket).list();
    }

    int waitingCount(TenantId tenant, UUID pointId, LocalDate day) {
        return jdbc.sql("select count(*) from queue_ticket where tenant_id = ? and service_point_id = ? and day = ? and status = 'WAITING'")
                .params(tenant.value(), pointId, day).query(Integer.class).single();
    }

    /** Average minutes a counter spent on an agency's finished tickets at a service point on a day; null without any. */
    Double averageServiceMinutes(TenantId tenant, UUID pointId, LocalDate day, UUID agencyId) {
        return jdbc.sql("""
                        select avg(extract(epoch from finished_at - coalesce(serving_at, called_at)) / 60)::float8
                        from queue_ticket where tenant_id = ? and service_point_id = ? and day = ? and agency_id = ? and status = 'DONE'""")
                .params(tenant.value(), pointId, day, agencyId).query(Double.class).optional().orElse(null);
    }

    /** The latest calls at a service point on a day, newest first. */
    List<Ticket> recentCalls(TenantId tenant, UUID pointId, LocalDate day, int limit) {
        return jdbc.sql("select " + TICKET_COLUMNS + """
                         from queue_ticket where tenant_id = ? and service_point_id = ? and day = ? and last_called_at is not null
                        order by last_called_at desc limit ?""")
                .params(tenant.value(), pointId, day, limit).query(QueueRepository::ticket).list();
    }

    /** Today's figures of a tenant per service point and agency. */
    public record FigureRow(UUID servicePointId, UUID agencyId, int issued, int waiting, int atCounter, int served, int noShow,
                     Double averageWaitMinutes, Double p90WaitMinutes) {
    }

    List<FigureRow> figures(TenantId tenant, LocalDate day) {
        return jdbc.sql("""
                        select service_point_id, agency_id, count(*) issued,
                               count(*) filter (where status = 'WAITING') waiting,
                               count(*) filter (where status in ('CALLED', 'SERVING')) at_counter,
                               count(*) filter (where status = 'DONE') served,
                               count(*) filter (where status = 'NO_SHOW') no_show,
                               avg(extract(epoch from called_at - greatest(issued_at, coalesce(slot_at, issued_at))) / 60)::float8 avg_wait,
                               (percentile_cont(0.9) within group (order by extract(epoch from called_at - greatest(issued_at,
                                   coalesce(slot_at, issued_at))) / 60))::float8 p90_wait
                        from queue_ticket where tenant_id = ? and day = ?
                        group by service_point_id, agency_id order by service_point_id, agency_id""")
                .params(tenant.value(), day)
                .query((rs, n) -> new FigureRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), (Double) rs.getObject(8), (Double) rs.getObject(9)))
                .list();
    }

    // --- settings and appointments ----------------------------------------------------------------------------

    Optional<PointSettings> settings(TenantId tenant, UUID pointId, boolean lock) {
        return jdbc.sql("select opens_min, closes_min, slot_minutes, slot_capacity from queue_point_settings "
                        + "where tenant_id = ? and service_point_id = ?" + (lock ? " for update" : ""))
                .params(tenant.value(), pointId)
                .query((rs, n) -> new PointSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).optional();
    }

    void saveSettings(TenantId tenant, UUID pointId, PointSettings s) {
        jdbc.sql("""
                        insert into queue_point_settings (tenant_id, service_point_id, opens_min, closes_min, slot_minutes, slot_capacity)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, service_point_id) do update set opens_min = excluded.opens_min,
                           closes_min = excluded.closes_min, slot_minutes = excluded.slot_minutes,
                           slot_capacity = excluded.slot_capacity, updated_at = now()""")
                .params(tenant.value(), pointId, s.opensMin(), s.closesMin(), s.slotMinutes(), s.slotCapacity()).update();
    }

    /** Makes sure the point has a settings row (the defaults), so bookings can lock it. */
    void ensureSettings(TenantId tenant, UUID pointId) {
        PointSettings d = PointSettings.DEFAULT;
        jdbc.sql("""
                        insert into queue_point_settings (tenant_id, service_point_id, opens_min, closes_min, slot_minutes, slot_capacity)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenant.value(), pointId, d.opensMin(), d.closesMin(), d.slotMinutes(), d.slotCapacity()).update();
    }

    /** Bookings (not cancelled) per slot start of a service point on a day. */
    java.util.Map<Integer, Integer> bookedPerSlot(TenantId tenant, UUID pointId, LocalDate day) {
        return jdbc.sql("""
                        select slot_min, count(*) from queue_appointment
                        where tenant_id = ? and service_point_id = ? and day = ? and status <> 'CANCELLED' group by slot_min""")
                .params(tenant.value(), pointId, day)
                .query((rs, n) -> java.util.Map.entry(rs.getInt(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    boolean hasBooking(TenantId tenant, UUID accountId, UUID pointId, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from queue_appointment where tenant_id = ? and account_id = ? and service_point_id = ?
                                       and day = ? and status = 'BOOKED')""")
                .params(tenant.value(), accountId, pointId, day).query(Boolean.class).single();
    }

    void insertAppointment(Appointment a) {
        jdbc.sql("insert into queue_appointment (" + APPOINTMENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.tenant().value(), a.id(), a.code(), a.accountId(), a.servicePointId(), a.agencyId(), a.serviceId(),
                        a.day(), a.slotMin(), ts(a.slotAt()), a.status(), a.ticketId(), ts(a.createdAt()))
                .update();
    }

    Optional<Appointment> appointment(TenantId tenant, UUID id, boolean lock) {
        return jdbc.sql("select " + APPOINTMENT_COLUMNS + " from queue_appointment where tenant_id = ? and id = ?"
                        + (lock ? " for update" : ""))
                .params(tenant.value(), id).query(QueueRepository::appointment).optional();
    }

    Optional<Appointment> appointmentByCode(TenantId tenant, String code) {
        return jdbc.sql("select " + APPOINTMENT_COLUMNS + " from queue_appointment where tenant_id = ? and code = ?")
                .params(tenant.value(), code).query(QueueRepository::appointment).optional();
    }

    /** A citizen's bookings in every tenant, newest day first; the caller reads across tenants, filtered by account. */
    List<Appointment> appointmentsOf(UUID accountId, int limit) {
        return jdbc.sql("select " + APPOINTMENT_COLUMNS + """
                         from queue_appointment where account_id = ? order by day desc, slot_min desc limit ?""")
                .params(accountId, limit).query(QueueRepository::appointment).list();
    }

    /** Cancels every still-booked appointment of an account, in every tenant the caller reads; the rows as cancelled. */
    List<Appointment> cancelAllBooked(UUID accountId, Instant now) {
        return jdbc.sql("update queue_appointment set status = 'CANCELLED', cancelled_at = ? where account_id = ? and status = 'BOOKED' returning "
                        + APPOINTMENT_COLUMNS)
                .params(ts(now), accountId).query(QueueRepository::appointment).list();
    }

    void cancelled(TenantId tenant, UUID id, Instant now) {
        jdbc.sql("update queue_appointment set status = 'CANCELLED', cancelled_at = ? where tenant_id = ? and id = ?")
                .params(ts(now), tenant.value(), id).update();
    }

    void checkedIn(TenantId tenant, UUID id, UUID ticketId, Instant now) {
        jdbc.sql("update queue_appointment set status = 'CHECKED_IN', checked_in_at = ?, ticket_id = ? where tenant_id = ? and id = ?")
                .params(ts(now), ticketId, tenant.value(), id).update();
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    private static Counter counter(ResultSet rs, int n) throws SQLException {
        return new Counter(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getObject("service_point_id", UUID.class), rs.getString("code"), rs.getString("name"),
                uuids(rs.getString("agencies")), uuids(rs.getString("services")), rs.getBoolean("active"));
    }

    private static Ticket ticket(ResultSet rs, int n) throws SQLException {
        return new Ticket(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("follow_code"), rs.getObject("service_point_id", UUID.class),
                rs.getObject("day", LocalDate.class), rs.getString("prefix"), rs.getInt("seq"),
                rs.getObject("agency_id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), instant(rs, "slot_at"), TicketStatus.valueOf(rs.getString("status")),
                rs.getObject("counter_id", UUID.class), instant(rs, "issued_at"), instant(rs, "called_at"),
                instant(rs, "last_called_at"), rs.getInt("call_count"), instant(rs, "serving_at"), instant(rs, "finished_at"));
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        return new Appointment(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("code"), rs.getObject("account_id", UUID.class), rs.getObject("service_point_id", UUID.class),
                rs.getObject("agency_id", UUID.class), rs.getObject("service_id", UUID.class),
                rs.getObject("day", LocalDate.class), rs.getInt("slot_min"), instant(rs, "slot_at"), rs.getString("status"),
                rs.getObject("ticket_id", UUID.class), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** A PostgreSQL array literal of uuids, e.g. {@code {a,b}} (uuids need no quoting). */
    static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<UUID> uuids(String literal) {
        String inner = literal == null ? "" : literal.replaceAll("[{}]", "").strip();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(String::strip).map(UUID::fromString).toList();
    }
}
