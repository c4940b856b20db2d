package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.Applications.ApplicationSummary;
import id.gerai.application.internal.DemoApplications;
import id.gerai.audit.AuditVerifier;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.region.RegionApi;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.TenancyApi.NewServicePoint;
import id.gerai.tenancy.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo applications. The demo is off in tests and its regions may be taken by other tests' tenants, so, as
 * in {@code CatalogDemoServicesIT}, the loader runs here on fresh tenants shaped like the demo ones: the demo
 * service designs published for the agencies a demo region has, and officers for their steps, a counter officer
 * and a village-office officer, as the demo data grants them.
 */
@GeraiIntegrationTest
class DemoApplicationsIT {

    @Autowired DemoApplications demo;
    @Autowired Applications applications;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired RegionApi regions;
    @Autowired StaffAccounts staff;
    @Autowired CitizenAccounts citizens;
    @Autowired WorkingCalendar calendar;
    @Autowired AuditVerifier audit;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;

    /** Folder of the demo designs → the agency that serves them. */
    private static final Map<String, String> FOLDERS = Map.of("dukcapil", "DUKCAPIL", "dpmptsp", "DPMPTSP", "desa", "PEMDES",
            "polres", "POLRES");

    private record DemoTenant(Tenant tenant, GeraiUser manager) {
    }

    /** A tenant like a demo region: agencies, MPP and village office (and a mall counter), services, staff. */
    private DemoTenant demoTenant(List<String> agencyCodes, boolean mall, boolean villageOfficer) throws IOException {
        Tenant t = fixtures.newTenant();
        Map<String, UUID> agencies = new HashMap<>();
        for (String code : agencyCodes) {
            agencies.put(code, fixtures.newAgency(t, code));
        }
        agencies.put("PEMDES", tenancy.createAgency(t.id(), new TenancyApi.NewAgency("PEMDES", "Pemerintah Desa", AgencyKind.VILLAGE, null)));
        tenancy.createServicePoint(t.id(), new NewServicePoint("MPP", "MPP", ServicePointKind.MPP, "Jl. Merdeka 1", null, 10));
        if (mall) {
            tenancy.createServicePoint(t.id(), new NewServicePoint("MALL", "Gerai Mal", ServicePointKind.MALL, "Mal Kota", null, 2));
        }
        String village = fixtures.villageOf(t);
        UUID office = tenancy.createServicePoint(t.id(), new NewServicePoint("DESA", "Kantor Desa", ServicePointKind.VILLAGE_OFFICE,
                null, village, 1));

        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:catalog/demo/*/*.json")) {
            String folder = r.getURL().getPath().replaceAll(".*/catalog/demo/([^/]+)/[^/]+$", "$1");
            UUID agency = agencies.get(FOLDERS.get(folder));
            if (agency == null) {
                continue;
            }
            String json;
            try (InputStream in = r.getInputStream()) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ServiceDesign design = adapted(catalog.parse(json), agencies.keySet());
            ServiceVersion v = catalog.create(t.id(), new CatalogApi.NewService(agency, design, "uji"));
            catalog.publish(t.id(), v.serviceId(), v.version());
        }
        for (UUID agency : agencies.values()) {
            fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null);
        }
        fixtures.staffWithRole(t, Role.PETUGAS_LOKET);
        if (villageOfficer) {
            fixtures.staffWithRole(t, Role.PETUGAS_LOKET, null, office);
        }
        String manager = fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        return new DemoTenant(t, user(manager, new Membership(t.id(), Role.PENGELOLA_MPP, null, null)));
    }

    /** As the demo does: steps of an agency the tenant lacks go to the service's own agency. */
    private static ServiceDesign adapted(ServiceDesign d, Set<String> agencies) {
        List<ServiceDesign.Step> steps = d.procedure().steps().stream()
                .map(s -> s.agencyCode() == null || agencies.contains(s.agencyCode()) ? s
                        : new ServiceDesign.Step(s.code(), s.name(), s.nameEn(), s.role(), null, s.days(), s.actions(),
                        s.parallelGroup(), s.finalApproval()))
                .toList();
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(),
                new ServiceDesign.Procedure(steps), d.output());
    }

    private GeraiUser user(String email, Membership... memberships) {
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        return new GeraiUser(id, email, email, memberships.length == 0, Set.of(), List.of(memberships), true, null);
    }

    private List<Map<String, Object>> rows(Tenant t, String sql) {
        return TenantContext.call(t.id(), () -> jdbc.sql(sql).param(t.id().value()).query().listOfRows());
    }

    @Test
    void everyTenantGetsApplicationsInEveryStateFiledOnlineAndAtCountersAndSomeOverdue() throws IOException {
        DemoTenant kota = demoTenant(List.of("DUKCAPIL", "DPMPTSP", "DINKES", "BAPENDA", "POLRES"), true, true);
        DemoTenant kabupaten = demoTenant(List.of("DISDUKCAPIL", "DPMPTSP"), false, false);
        // the demo citizen lives in the first tenant's region (the demo data registers it in Kota Tangerang)
        String district = regions.children(kota.tenant().regionCode()).getFirst().code().replace(".", "");
        TenantContext.runAcrossTenants(() -> citizens.register("Siti Rahmawati", district + "4501900001", "warga@gerai.local",
                "081234567890", "GeraiDemo2026!"));

        long started = System.nanoTime();
        int made = demo.load(kota.tenant()) + demo.load(kabupaten.tenant());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(made).isGreaterThanOrEqualTo(25);
        // part of the first start: a few seconds (on a loaded two-core test machine well under this bound)
        assertThat(took).isLessThan(Duration.ofSeconds(30));

        for (DemoTenant d : List.of(kota, kabupaten)) {
            Tenant t = d.tenant();
            Set<ApplicationStatus> statuses = rows(t, "select status from application where tenant_id = ?").stream()
                    .map(r -> ApplicationStatus.valueOf((String) r.get("status")))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApplicationStatus.class)));
            assertThat(statuses).as(t.name()).containsExactlyInAnyOrder(ApplicationStatus.values());

            // filed at counters: by an officer, on the counter's channel; online: by the citizen
            List<Map<String, Object>> channels = rows(t, "select channel, filed_by from application where tenant_id = ?");
            assertThat(channels).filteredOn(r -> r.get("filed_by") != null).extracting(r -> r.get("channel"))
                    .isNotEmpty().allMatch(c -> Set.of("MPP_COUNTER", "MALL_COUNTER", "VILLAGE_OFFICE").contains(c))
                    .contains("MPP_COUNTER", "VILLAGE_OFFICE");
            assertThat(channels).filteredOn(r -> r.get("filed_by") == null).extracting(r -> r.get("channel"))
                    .isNotEmpty().containsOnly("ONLINE");

            // overdue tasks in the manager's overdue view (and for the escalation); some applications were filed days ago
            assertThat(applications.overdue(t.id(), null, d.manager())).as(t.name()).isNotEmpty()
                    .allMatch(Applications.InboxItem::overdue);
            assertThat(rows(t, "select submitted_at from application where tenant_id = ? and submitted_at is not null"))
                    .extracting(r -> ((Timestamp) r.get("submitted_at")).toInstant())
                    .anyMatch(at -> at.isBefore(Instant.now().minus(Duration.ofDays(4))))
                    .allMatch(at -> at.isBefore(Instant.now()));

            // moved back consistently: history in order, due times from the working calendar
            for (Map<String, Object> r : rows(t, """
                    select a.id, a.service_id, a.service_version, a.submitted_at, a.due_at,
                        exists (select 1 from application_history h where h.tenant_id = a.tenant_id and h.application_id = a.id
                                and h.action = 'RESUBMITTED') as resubmitted,
                        (select h.detail->>'due' from application_history h where h.tenant_id = a.tenant_id
                                and h.application_id = a.id and h.action = 'SUBMITTED') as submitted_due,
                        (select bool_and(ok) from (select h.at >= lag(h.at) over (order by h.id) is not false as ok
                            from application_history h where h.tenant_id = a.tenant_id and h.application_id = a.id) x) as ordered
                    from application a where a.tenant_id = ? and a.submitted_at is not null""")) {
                assertThat(r.get("ordered")).as("history order of %s", r.get("id")).isEqualTo(true);
                if (!(Boolean) r.get("resubmitted")) {
                    int days = catalog.version(t.id(), (UUID) r.get("service_id"), (Integer) r.get("service_version"))
                            .orElseThrow().design().timeLimitDays();
                    Instant due = calendar.deadline(t.id(), ((Timestamp) r.get("submitted_at")).toInstant(), days);
                    assertThat(((Timestamp) r.get("due_at")).toInstant()).isEqualTo(due);
                    assertThat(r.get("submitted_due")).isEqualTo(due.toString());
                }
            }
            assertThat(audit.verify(t.id()).ok()).isTrue();
        }

        // some tasks wait in inboxes, some are claimed by an officer
        List<Map<String, Object>> active = rows(kota.tenant(), "select status from application_task where tenant_id = ? and status in ('OPEN', 'CLAIMED')");
        assertThat(active).extracting(r -> r.get("status")).contains("OPEN", "CLAIMED");

        // the demo citizen's "my applications" shows several states
        GeraiUser warga = user("warga@gerai.local");
        List<ApplicationSummary> mine = applications.mine(warga, 50);
        assertThat(mine.stream().map(ApplicationSummary::status).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(mine).allMatch(a -> a.tenant().equals(kota.tenant().id()));

        // a second run changes nothing
        int before = rows(kota.tenant(), "select id from application where tenant_id = ?").size();
        assertThat(demo.load(kota.tenant())).isZero();
        assertThat(demo.load(kabupaten.tenant())).isZero();
        assertThat(rows(kota.tenant(), "select id from application where tenant_id = ?")).hasSize(before);
    }
}
