package id.gerai.calendar.internal;

import id.gerai.platform.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar tables. {@code national_holiday} is installation-wide reference data (no tenant, no RLS);
 * {@code tenant_calendar} and {@code tenant_day} are tenant rows: every statement names {@code tenant_id},
 * and row-level security checks the connection's scope as a second wall.
 */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this connection's row-level security scope (the settings the tenant policies read) sees the tenant. */
    boolean sessionSees(TenantId tenant) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        select coalesce(current_setting('gerai.cross_tenant', true) = 'on', false)
                            or nullif(current_setting('gerai.tenant_id', true), '') = :tenant""")
                .param("tenant", tenant.value().toString()).query(Boolean.class).single());
    }

    // --- national holidays ----------------------------------------------------------------------------

    List<NationalHoliday> nationalHolidays() {
        return jdbc.sql("select date, kind, name, decree from national_holiday order by date")
                .query(CalendarRepository::national).list();
    }

    Optional<NationalHoliday> nationalHoliday(LocalDate date) {
        return jdbc.sql("select date, kind, name, decree from national_holiday where date = :d")
                .param("d", date).query(CalendarRepository::national).optional();
    }

    /** False when the date already has a holiday (the primary key decides, so two admins cannot both win). */
    boolean insertNationalHoliday(NationalHoliday h) {
        return jdbc.sql("""
                        insert into national_holiday (date, kind, name, decree) values (:d, :kind, :name, :decree)
                        on conflict (date) do nothing
                        """)
                .param("d", h.date()).param("kind", h.kind().name()).param("name", h.name()).param("decree", h.decree())
                .update() == 1;
    }

    Optional<NationalHoliday> deleteNationalHoliday(LocalDate date) {
        return jdbc.sql("delete from national_holiday where date = :d returning date, kind, name, decree")
                .param("d", date).query(CalendarRepository::national).optional();
    }

    /** The first and last year with national holiday data, if any. */
    Optional<int[]> nationalYears() {
        return jdbc.sql("""
                        select extract(year from min(date))::int, extract(year from max(date))::int
                        from national_holiday having count(*) > 0
                        """)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
    }

    // --- tenant settings and days ---------------------------------------------------------------------

    Optional<CalendarSettings> settings(TenantId tenant) {
        return jdbc.sql("select working_days, close_time, zone from tenant_calendar where tenant_id = :t")
                .param("t", tenant.value())
                .query((rs, n) -> new CalendarSettings(WorkingWeek.ofIsoNumbers(isoDays(rs.getArray(1))),
                        rs.getObject(2, LocalTime.class), ZoneId.of(rs.getString(3))))
                .optional();
    }

    void saveSettings(TenantId tenant, CalendarSettings s) {
        jdbc.sql("""
                        insert into tenant_calendar (tenant_id, working_days, close_time, zone, updated_at)
                        values (:t, cast(:days as smallint[]), :close, :zone, now())
                        on conflict (tenant_id) do update
                            set working_days = excluded.working_days, close_time = excluded.close_time,
                                zone = excluded.zone, updated_at = now()
                        """)
                .param("t", tenant.value())
                .param("days", "{" + String.join(",", Arrays.stream(s.week().isoNumbers()).map(String::valueOf).toList()) + "}")
                .param("close", s.closeTime()).param("zone", s.zone().getId())
                .update();
    }

    List<TenantDay> tenantDays(TenantId tenant) {
        return jdbc.sql("select date, kind, name from tenant_day where tenant_id = :t order by date")
                .param("t", tenant.value()).query(CalendarRepository::tenantDay).list();
    }

    Optional<TenantDay> tenantDay(TenantId tenant, LocalDate date) {
        return jdbc.sql("select date, kind, name from tenant_day where tenant_id = :t and date = :d")
                .param("t", tenant.value()).param("d", date).query(CalendarRepository::tenantDay).optional();
    }

    boolean insertTenantDay(TenantId tenant, TenantDay day) {
        return jdbc.sql("""
                        insert into tenant_day (tenant_id, date, kind, name) values (:t, :d, :kind, :name)
                        on conflict (tenant_id, date) do nothing
                        """)
                .param("t", tenant.value()).param("d", day.date()).param("kind", day.kind().name()).param("name", day.name())
                .update() == 1;
    }

    Optional<TenantDay> deleteTenantDay(TenantId tenant, LocalDate date) {
        return jdbc.sql("delete from tenant_day where tenant_id = :t and date = :d returning date, kind, name")
                .param("t", tenant.value()).param("d", date).query(CalendarRepository::tenantDay).optional();
    }

    private static List<Integer> isoDays(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static NationalHoliday national(ResultSet rs, int n) throws SQLException {
        return new NationalHoliday(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4));
    }

    private static TenantDay tenantDay(ResultSet rs, int n) throws SQLException {
        return new TenantDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3));
    }
}
