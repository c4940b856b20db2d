package id.gerai.survey.internal;

import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.survey.Element;
import id.gerai.survey.Grade;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult.FollowUp;
import id.gerai.survey.SkmResult.Publication;
import id.gerai.survey.SurveyAnswered;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey tables, in explicit SQL; every statement names the tenant. */
@Repository
class SurveyRepository {

    /** Stands for "none" in the aggregate's key columns. */
    static final UUID NONE = new UUID(0, 0);

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- invitations ------------------------------------------------------------------------------------------

    record InvitationRow(TenantId tenant, UUID applicationId, String trackingNo, UUID serviceId, UUID agencyId,
                         UUID servicePointId, UUID applicantId, Instant completedAt, boolean answered) {
    }

    /** Records the invitation; false when the application had one already. */
    boolean insertInvitation(InvitationRow i) {
        return jdbc.sql("""
                        insert into survey_invitation (tenant_id, application_id, tracking_no, service_id, agency_id,
                            service_point_id, applicant_id, completed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(i.tenant().value(), i.applicationId(), i.trackingNo(), i.serviceId(), i.agencyId(), i.servicePointId(),
                        i.applicantId(), Timestamp.from(i.completedAt()))
                .update() == 1;
    }

    private static final String INVITATION = """
            select i.tenant_id, i.application_id, i.tracking_no, i.service_id, i.agency_id, i.service_point_id,
                   i.applicant_id, i.completed_at, i.answered
            from survey_invitation i""";

    Optional<InvitationRow> invitation(TenantId tenant, UUID applicationId) {
        return jdbc.sql(INVITATION + " where i.tenant_id = ? and i.application_id = ?")
                .params(tenant.value(), applicationId).query(SurveyRepository::invitationRow).optional();
    }

    List<InvitationRow> invitations(TenantId tenant) {
        return jdbc.sql(INVITATION + " where i.tenant_id = ? order by i.completed_at, i.application_id")
                .param(tenant.value()).query(SurveyRepository::invitationRow).list();
    }

    /**
     * Marks the invitation answered, in the transaction that inserts its response: the one response per application.
     * The update is guarded, so of two concurrent submissions the second waits for the first and then changes nothing.
     *
     * @return false when it was answered already (or is gone)
     */
    boolean markAnswered(TenantId tenant, UUID applicationId) {
        return jdbc.sql("update survey_invitation set answered = true where tenant_id = ? and application_id = ? and not answered")
                .params(tenant.value(), applicationId).update() == 1;
    }

    /**
     * Deletes, across tenants, at most {@code limit} invitations that can no longer be answered: answered, or completed
     * before {@code completedBefore}. Rows another transaction holds (being answered right now) are skipped and taken
     * in the next round.
     *
     * @return the tenant of each deleted invitation
     */
    List<TenantId> deleteClosedInvitations(Instant completedBefore, int limit) {
        return jdbc.sql("""
                        delete from survey_invitation i
                        using (select tenant_id, application_id from survey_invitation
                               where answered or completed_at < ?
                               limit ? for update skip locked) d
                        where i.tenant_id = d.tenant_id and i.application_id = d.application_id
                        returning i.tenant_id""")
                .params(Timestamp.from(completedBefore), limit)
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }

    boolean anyResponse() {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select exists (select 1 from survey_response)").query(Boolean.class).single());
    }

    /** The invitation of a tracking number, in whichever tenant holds it (read across tenants). */
    Optional<InvitationRow> invitationByTracking(String trackingNo) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql(INVITATION + " where i.tracking_no = ?")
                .param(trackingNo).query(SurveyRepository::invitationRow).optional());
    }

    private static InvitationRow invitationRow(ResultSet rs, int n) throws SQLException {
        return new InvitationRow(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant(), rs.getBoolean(9));
    }

    // --- responses --------------------------------------------------------------------------------------------

    /**
     * One response as stored: nothing in it names the application, its tracking number or the respondent's account
     * (an applicant's response is tied to its application only through the invitation's answered flag).
     */
    record ResponseRow(TenantId tenant, UUID id, String channel, UUID serviceId, UUID agencyId, UUID servicePointId,
                       LocalDate answeredOn, Instant answeredAt, Answers answers, UUID recordedBy) {
    }

    /**
     * Inserts the response and adds it to the day's aggregates, in the caller's transaction. False (and nothing
     * written) when the response id has a response already.
     */
    boolean insertResponse(ResponseRow r) {
        Answers a = r.answers();
        List<Integer> u = a.scores();
        int inserted = jdbc.sql("""
                        insert into survey_response (tenant_id, id, channel, service_id, agency_id, service_point_id,
                            answered_on, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education,
                            occupation, suggestion, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(r.tenant().value(), r.id(), r.channel(), r.serviceId(), r.agencyId(), r.servicePointId(),
                        Date.valueOf(r.answeredOn()), Timestamp.from(r.answeredAt()),
                        u.get(0), u.get(1), u.get(2), u.get(3), u.get(4), u.get(5), u.get(6), u.get(7), u.get(8),
                        a.sex().name(), a.age().name(), a.education().name(), a.occupation().name(), a.suggestion(),
                        r.recordedBy())
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into survey_monthly as d (tenant_id, month, service_key, agency_key, point_key, n,
                            s1, s2, s3, s4, s5, s6, s7, s8, s9)
                        values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, month, service_key, agency_key, point_key) do update set n = d.n + 1,
                            s1 = d.s1 + excluded.s1, s2 = d.s2 + excluded.s2, s3 = d.s3 + excluded.s3,
                            s4 = d.s4 + excluded.s4, s5 = d.s5 + excluded.s5, s6 = d.s6 + excluded.s6,
                            s7 = d.s7 + excluded.s7, s8 = d.s8 + excluded.s8, s9 = d.s9 + excluded.s9""")
                .params(r.tenant().value(), Date.valueOf(month(r.answeredOn())), key(r.serviceId()), key(r.agencyId()),
                        key(r.servicePointId()), u.get(0), u.get(1), u.get(2), u.get(3), u.get(4), u.get(5), u.get(6),
                        u.get(7), u.get(8))
                .update();
        jdbc.sql("""
                        insert into survey_monthly_profile as p (tenant_id, month, dimension, category, n)
                        values (?, ?, 'sex', ?, 1), (?, ?, 'age', ?, 1), (?, ?, 'education', ?, 1), (?, ?, 'occupation', ?, 1)
                        on conflict (tenant_id, month, dimension, category) do update set n = p.n + 1""")
                .params(r.tenant().value(), Date.valueOf(month(r.answeredOn())), a.sex().name(),
                        r.tenant().value(), Date.valueOf(month(r.answeredOn())), a.age().name(),
                        r.tenant().value(), Date.valueOf(month(r.answeredOn())), a.education().name(),
                        r.tenant().value(), Date.valueOf(month(r.answeredOn())), a.occupation().name())
                .update();
        return true;
    }

    /** The aggregate row's month: its first day. */
    static LocalDate month(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    static UUID key(UUID id) {
        return id == null ? NONE : id;
    }

    static UUID unkey(UUID key) {
        return NONE.equals(key) ? null : key;
    }

    /** Every response of the tenant as its event, oldest first, streamed. */
    void replay(TenantId tenant, Consumer<SurveyAnswered> sink) {
        jdbc.sql("""
                        select id, service_id, agency_id, service_point_id, answered_on,
                               u1, u2, u3, u4, u5, u6, u7, u8, u9
                        from survey_response where tenant_id = ? order by answered_at, id""")
                .withFetchSize(1000)
                .param(tenant.value())
                .query(rs -> {
                    List<Integer> u = new ArrayList<>(9);
                    for (int i = 6; i <= 14; i++) {
                        u.add(rs.getInt(i));
                    }
                    sink.accept(new SurveyAnswered(tenant, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class),
                            List.copyOf(u)));
                });
    }

    /** Suggestions of the period, newest first (free text, shown to the MPP manager only). */
    List<String> suggestions(TenantId tenant, Period period, int limit) {
        return jdbc.sql("""
                        select suggestion from survey_response
                        where tenant_id = ? and answered_on >= ? and answered_on < ? and suggestion is not null
                        order by answered_at desc limit ?""")
                .params(tenant.value(), Date.valueOf(period.from()), Date.valueOf(period.until()), limit)
                .query(String.class).list();
    }

    // --- aggregates -------------------------------------------------------------------------------------------

    /** Sums of a period (whole months) per service, agency and service point (keys {@link #NONE} for none). */
    record Sums(UUID service, UUID agency, UUID point, long n, long[] sums) {
    }

    List<Sums> sums(TenantId tenant, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select service_key, agency_key, point_key, sum(n), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
                               sum(s6), sum(s7), sum(s8), sum(s9)
                        from survey_monthly where tenant_id = ? and month >= ? and month < ?
                        group by service_key, agency_key, point_key""")
                .params(tenant.value(), Date.valueOf(from), Date.valueOf(until))
                .query((rs, i) -> {
                    long[] s = new long[9];
                    for (int k = 0; k < 9; k++) {
                        s[k] = rs.getLong(5 + k);
                    }
                    return new Sums(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getLong(4), s);
                })
                .list();
    }

    record ProfileCount(String dimension, String category, long n) {
    }

    List<ProfileCount> profile(TenantId tenant, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select dimension, category, sum(n) from survey_monthly_profile
                        where tenant_id = ? and month >= ? and month < ? group by dimension, category""")
                .params(tenant.value(), Date.valueOf(from), Date.valueOf(until))
                .query((rs, i) -> new ProfileCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The first day of the first month with a response, if any. */
    Optional<LocalDate> firstDay(TenantId tenant) {
        return jdbc.sql("select month from survey_monthly where tenant_id = ? order by month limit 1")
                .param(tenant.value()).query(LocalDate.class).optional();
    }

    // --- publication and follow-up ----------------------------------------------------------------------------

    Optional<Publication> publication(TenantId tenant, Period period) {
        return jdbc.sql("""
                        select published_at, respondents, ikm, converted, grade from survey_publication
                        where tenant_id = ? and period = ?""")
                .params(tenant.value(), period.toString())
                .query((rs, i) -> new Publication(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5) == null ? null : Grade.valueOf(rs.getString(5))))
                .optional();
    }

    boolean insertPublication(TenantId tenant, Period period, UUID by, long respondents, BigDecimal ikm,
                              BigDecimal converted, Grade grade) {
        return jdbc.sql("""
                        insert into survey_publication (tenant_id, period, published_by, respondents, ikm, converted, grade)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenant.value(), period.toString(), by, respondents, ikm, converted, grade == null ? null : grade.name())
                .update() == 1;
    }

    List<Period> publishedPeriods(TenantId tenant) {
        return jdbc.sql("select period from survey_publication where tenant_id = ? order by published_at desc")
                .param(tenant.value()).query(String.class).list()
                .stream().map(p -> Period.parse(p).orElseThrow()).toList();
    }

    List<FollowUp> followUps(TenantId tenant, Period period) {
        return jdbc.sql("""
                        select id, element, action, owner, target_date from survey_followup
                        where tenant_id = ? and period = ? order by element, target_date, created_at""")
                .params(tenant.value(), period.toString())
                .query((rs, i) -> new FollowUp(rs.getObject(1, UUID.class), Element.of(rs.getInt(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list();
    }

    void insertFollowUp(TenantId tenant, Period period, FollowUp f, UUID by) {
        jdbc.sql("""
                        insert into survey_followup (tenant_id, id, period, element, action, owner, target_date, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), f.id(), period.toString(), f.element().number(), f.action(), f.owner(),
                        Date.valueOf(f.targetDate()), by)
                .update();
    }

    Optional<FollowUp> followUp(TenantId tenant, UUID id) {
        return jdbc.sql("select id, element, action, owner, target_date, period from survey_followup where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, i) -> new FollowUp(rs.getObject(1, UUID.class), Element.of(rs.getInt(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .optional();
    }

    Optional<String> followUpPeriod(TenantId tenant, UUID id) {
        return jdbc.sql("select period from survey_followup where tenant_id = ? and id = ?")
                .params(tenant.value(), id).query(String.class).optional();
    }

    void deleteFollowUp(TenantId tenant, UUID id) {
        jdbc.sql("delete from survey_followup where tenant_id = ? and id = ?").params(tenant.value(), id).update();
    }
}
