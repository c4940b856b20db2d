package id.gerai.performance;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.catalog.CatalogApi;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.identity.CitizenAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.survey.SurveyAnswered;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Figures kept from the events, folded, and made again from the source tables. */
@GeraiIntegrationTest
class FiguresIT {

    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired CitizenAccounts citizens;
    @Autowired Applications applications;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired PerformanceFigures figures;

    private Map<String, Object> totals(TenantId tenant) {
        return TenantContext.call(tenant, () -> jdbc.sql("""
                select coalesce(sum(received), 0) as received, coalesce(sum(completed), 0) as completed,
                       coalesce(sum(rejected), 0) as rejected, coalesce(sum(withdrawn), 0) as withdrawn,
                       coalesce(sum(corrections), 0) as corrections, coalesce(sum(decided), 0) as decided,
                       coalesce(sum(on_time), 0) as on_time, coalesce(sum(ch_online), 0) as online,
                       coalesce(sum(ikm_n), 0) as ikm_n, coalesce(sum(complaints), 0) as complaints,
                       coalesce(sum(answered_on_time), 0) as answered_on_time
                from perf_daily where tenant_id = ?""").param(tenant.value()).query().singleRow());
    }

    private long open(TenantId tenant) {
        return TenantContext.call(tenant, () -> jdbc.sql("select coalesce(sum(n), 0) from perf_open where tenant_id = ?")
                .param(tenant.value()).query(Long.class).single());
    }

    /** Every rollup row of the tenant as text, to compare two ways of making them. */
    private List<String> snapshot(TenantId tenant) {
        return TenantContext.call(tenant, () -> {
            List<String> rows = new java.util.ArrayList<>();
            rows.addAll(jdbc.sql("select d::text from perf_daily d where tenant_id = ? order by day, agency_id, service_id, point_id")
                    .param(tenant.value()).query(String.class).list());
            rows.addAll(jdbc.sql("select m::text from perf_monthly m where tenant_id = ? order by month, agency_id, service_id")
                    .param(tenant.value()).query(String.class).list());
            rows.addAll(jdbc.sql("select t::text from perf_tenant_monthly t where tenant_id = ? order by month")
                    .param(tenant.value()).query(String.class).list());
            rows.addAll(jdbc.sql("select o::text from perf_open o where tenant_id = ? order by agency_id, service_id, point_id, due_at")
                    .param(tenant.value()).query(String.class).list());
            return rows;
        });
    }

    private static final String TENANT_MONTH_COLUMNS = """
            month, received, completed, rejected, withdrawn, corrections, decided, on_time, time_hist, ch_online, ch_mpp,
            ch_mall, ch_village, ikm_n, ikm_sum, complaints, answered, answered_on_time""";

    /** The tenant-level monthly rollup as the fold keeps it. */
    private List<String> tenantMonthly(TenantId tenant) {
        return TenantContext.call(tenant, () -> jdbc.sql("select row(" + TENANT_MONTH_COLUMNS
                + ")::text from perf_tenant_monthly where tenant_id = ? order by month")
                .param(tenant.value()).query(String.class).list());
    }

    /** The monthly rollup summed over agencies and services: what the tenant-level rollup must equal. */
    private List<String> monthlySummed(TenantId tenant) {
        return TenantContext.call(tenant, () -> jdbc.sql("""
                select row(month, sum(received), sum(completed), sum(rejected), sum(withdrawn), sum(corrections),
                           sum(decided), sum(on_time), perf_sum(time_hist), sum(ch_online), sum(ch_mpp), sum(ch_mall),
                           sum(ch_village), sum(ikm_n), perf_sum(ikm_sum), sum(complaints), sum(answered),
                           sum(answered_on_time))::text
                from perf_monthly where tenant_id = ? group by month order by month""")
                .param(tenant.value()).query(String.class).list());
    }

    /**
     * The national rollup and the tenant-level rollup summed over every tenant, read in one statement (one snapshot)
     * across tenants, a line per month. Arrays are compared as the dashboards read them: trailing zeros, which a
     * rebuild's subtraction can leave behind, and an array of zeros mean what a shorter array and null mean.
     */
    private List<List<String>> nationalAndTenantsSummed() {
        List<String> national = new java.util.ArrayList<>();
        List<String> tenants = new java.util.ArrayList<>();
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                select true, month, received, completed, rejected, withdrawn, corrections, decided, on_time, ch_online,
                       ch_mpp, ch_mall, ch_village, ikm_n, complaints, answered, answered_on_time, time_hist, ikm_sum
                from perf_national_monthly
                union all
                select false, month, sum(received), sum(completed), sum(rejected), sum(withdrawn), sum(corrections),
                       sum(decided), sum(on_time), sum(ch_online), sum(ch_mpp), sum(ch_mall), sum(ch_village), sum(ikm_n),
                       sum(complaints), sum(answered), sum(answered_on_time), perf_sum(time_hist), perf_sum(ikm_sum)
                from perf_tenant_monthly group by month
                order by 1, 2""").query(rs -> {
                    StringBuilder line = new StringBuilder(rs.getString(2));
                    for (int c = 3; c <= 17; c++) {
                        line.append(' ').append(rs.getLong(c));
                    }
                    line.append(' ').append(trimmed(rs.getArray(18))).append(' ').append(trimmed(rs.getArray(19)));
                    (rs.getBoolean(1) ? national : tenants).add(line.toString());
                }));
        return List.of(national, tenants);
    }

    private static String trimmed(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return "null";
        }
        List<Integer> values = new java.util.ArrayList<>(List.of((Integer[]) array.getArray()));
        while (!values.isEmpty() && values.getLast() == 0) {
            values.removeLast();
        }
        return values.isEmpty() ? "null" : values.toString();
    }

    /** The national rows equal the tenant-level rows summed over tenants, and no rebuild's change waits to be added. */
    private void assertNationalIsTheSumOfTheTenants() {
        List<List<String>> both = nationalAndTenantsSummed();
        assertThat(both.getFirst()).isNotEmpty().containsExactlyElementsOf(both.getLast());
        assertThat(TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from perf_national_delta")
                .query(Long.class).single())).isZero();
    }

    @Test
    void figuresFollowTheApplicationsAndARebuildGivesTheSame() {
        PerformanceSamples.Setup s = PerformanceSamples.setup(fixtures, catalog, citizens, "AKTA_KELAHIRAN", "Akta Kelahiran");
        PerformanceSamples apps = new PerformanceSamples(applications, jdbc);
        apps.completed(s);
        apps.completed(s);
        apps.rejected(s);
        apps.withdrawn(s);
        apps.submitted(s);
        Application corrected = apps.inCorrection(s);
        Application back = apps.resubmit(s, apps.inCorrection(s));
        assertThat(back.status()).isEqualTo(ApplicationStatus.IN_PROCESS);
        assertThat(corrected.status()).isEqualTo(ApplicationStatus.CORRECTION);
        TenantId t = s.tenant().id();

        assertThat(figures.fold()).isPositive();
        Map<String, Object> f = totals(t);
        assertThat(((Number) f.get("received")).intValue()).isEqualTo(7);
        assertThat(((Number) f.get("completed")).intValue()).isEqualTo(2);
        assertThat(((Number) f.get("rejected")).intValue()).isEqualTo(1);
        assertThat(((Number) f.get("withdrawn")).intValue()).isEqualTo(1);
        assertThat(((Number) f.get("corrections")).intValue()).isEqualTo(2);
        assertThat(((Number) f.get("decided")).intValue()).isEqualTo(3);
        assertThat(((Number) f.get("on_time")).intValue()).isEqualTo(3);
        assertThat(((Number) f.get("online")).intValue()).isEqualTo(7);
        // open: the one in process, the one in correction, the one resubmitted
        assertThat(open(t)).isEqualTo(3);
        assertThat(TenantContext.call(t, () -> jdbc.sql("select count(*) from perf_delta where tenant_id = ?")
                .param(t.value()).query(Long.class).single())).isZero();
        // the service dimension learnt the kind code from the catalogue
        assertThat(TenantContext.call(t, () -> jdbc.sql("select kind_code from perf_service where tenant_id = ? and service_id = ?")
                .params(t.value(), s.service().serviceId()).query(String.class).single())).isEqualTo("AKTA_KELAHIRAN");

        List<String> incremental = snapshot(t);
        assertThat(incremental).isNotEmpty();
        assertThat(tenantMonthly(t)).isNotEmpty().containsExactlyElementsOf(monthlySummed(t));
        assertNationalIsTheSumOfTheTenants();
        long replayed = figures.rebuild(t);
        assertThat(replayed).isEqualTo(7 + 4 + 2 + 1); // 7 received, 4 ended, 2 corrections, 1 resubmission
        assertThat(snapshot(t)).containsExactlyElementsOf(incremental);
        assertThat(tenantMonthly(t)).containsExactlyElementsOf(monthlySummed(t));
        assertNationalIsTheSumOfTheTenants();
        assertThat(TenantContext.call(t, () -> jdbc.sql("""
                select count(*) from audit_record where tenant_id = ? and action = 'performance.rebuilt'""")
                .param(t.value()).query(Long.class).single())).isEqualTo(1);

        // another tenant's scope sees none of it (row-level security)
        TenantId other = fixtures.newTenant().id();
        assertThat(TenantContext.call(other, () -> jdbc.sql("select count(*) from perf_daily").query(Long.class).single())).isZero();
        // nor any national row, which only code working across tenants reads
        assertThat(TenantContext.call(t, () -> jdbc.sql("select count(*) from perf_national_monthly").query(Long.class).single()))
                .isZero();
    }

    /** A delta with no event behind it: figures a rebuild must take away again, the national ones included. */
    private void phantom(TenantId t, UUID agency, UUID service, LocalDate day) {
        TenantContext.run(t, () -> jdbc.sql("""
                insert into perf_delta (tenant_id, day, agency_id, service_id, point_id, received, completed, decided, on_time,
                    work_days, ch_mpp, ikm_n, ikm)
                values (?, ?, ?, ?, '00000000-0000-0000-0000-000000000000', 5, 1, 1, 1, 3, 5, 1, '{4,4,4,4,4,4,4,4,4}')""")
                .params(t.value(), day, agency, service).update());
    }

    private List<String> national(LocalDate month) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                select row(received, completed, decided, ch_mpp, ikm_n)::text from perf_national_monthly where month = ?""")
                .param(month).query(String.class).list());
    }

    @Test
    void nationalFiguresFollowTheFoldARebuildOfOneTenantAndARebuildOfAll() {
        PerformanceSamples.Setup s = PerformanceSamples.setup(fixtures, catalog, citizens, "KARTU_KELUARGA", "Kartu Keluarga");
        PerformanceSamples apps = new PerformanceSamples(applications, jdbc);
        apps.completed(s);
        apps.submitted(s);
        TenantId t = s.tenant().id();
        // figures no event explains: this month, and a month long ago that nobody else has figures for
        LocalDate longAgo = LocalDate.of(2001, 1, 1);
        phantom(t, s.agency(), s.service().serviceId(), LocalDate.now());
        phantom(t, s.agency(), s.service().serviceId(), longAgo.plusDays(14));
        figures.fold();
        assertThat(national(longAgo)).containsExactly("(5,1,1,5,1)");
        assertNationalIsTheSumOfTheTenants();

        // the rebuild takes the phantoms away from the tenant and from the country, the month long ago entirely
        figures.rebuild(t);
        assertThat(national(longAgo)).isEmpty();
        assertThat(TenantContext.call(t, () -> jdbc.sql("select sum(received) from perf_tenant_monthly where tenant_id = ?")
                .param(t.value()).query(Long.class).single())).isEqualTo(2);
        assertNationalIsTheSumOfTheTenants();

        phantom(t, s.agency(), s.service().serviceId(), longAgo);
        figures.fold();
        assertThat(national(longAgo)).containsExactly("(5,1,1,5,1)");
        figures.rebuildAll();
        assertThat(national(longAgo)).isEmpty();
        assertNationalIsTheSumOfTheTenants();
    }

    @Test
    void surveyAnswersAndComplaintsCountFromTheirEvents() {
        PerformanceSamples.Setup s = PerformanceSamples.setup(fixtures, catalog, citizens, "KTP_EL", "KTP Elektronik");
        TenantId t = s.tenant().id();
        UUID service = s.service().serviceId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TenantContext.run(t, () -> tx.executeWithoutResult(x -> {
            events.publishEvent(new SurveyAnswered(t, UUID.randomUUID(), service, s.agency(), null, LocalDate.now(),
                    List.of(4, 4, 3, 4, 3, 4, 4, 3, 4)));
            events.publishEvent(new SurveyAnswered(t, UUID.randomUUID(), service, s.agency(), null, LocalDate.now(),
                    List.of(3, 3, 3, 3, 3, 3, 3, 3, 3)));
            UUID c1 = UUID.randomUUID();
            events.publishEvent(new ComplaintFiled(t, c1, s.agency(), service, null, now));
            events.publishEvent(new ComplaintFiled(t, UUID.randomUUID(), s.agency(), null, null, now));
            events.publishEvent(new ComplaintAnswered(t, c1, s.agency(), service, null, now, now, true));
        }));
        // a rolled-back transaction leaves nothing behind
        try {
            TenantContext.run(t, () -> tx.executeWithoutResult(x -> {
                events.publishEvent(new ComplaintFiled(t, UUID.randomUUID(), s.agency(), null, null, now));
                throw new IllegalStateException("rolled back");
            }));
        } catch (IllegalStateException expected) {
            // as intended
        }
        figures.fold();
        Map<String, Object> f = totals(t);
        assertThat(((Number) f.get("ikm_n")).intValue()).isEqualTo(2);
        assertThat(((Number) f.get("complaints")).intValue()).isEqualTo(2);
        assertThat(((Number) f.get("answered_on_time")).intValue()).isEqualTo(1);
        String sums = TenantContext.call(t, () -> jdbc.sql("""
                select perf_sum(ikm_sum)::text from perf_daily where tenant_id = ?""").param(t.value()).query(String.class).single());
        assertThat(sums).isEqualTo("{7,7,6,7,6,7,7,6,7}");
        assertThat(tenantMonthly(t)).isNotEmpty().containsExactlyElementsOf(monthlySummed(t));
    }
}
