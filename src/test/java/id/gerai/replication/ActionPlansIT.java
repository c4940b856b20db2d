package id.gerai.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An action plan after a held study visit: items of two agencies, who may update which, closed items, overdue ones,
 * isolation from another tenant, the audit records, and the monitor's counts without names of persons.
 */
@GeraiIntegrationTest
class ActionPlansIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingCalendar calendar;
    @Autowired StaffAccounts staff;
    @Autowired id.gerai.catalog.CatalogApi catalog;

    private ResultActions send(String email, String path, Object body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(email, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    /** A visit of {@code visitor} to {@code host}, accepted for today and held. */
    private UUID heldVisit(Tenant visitor, String visitorManager, Tenant host, String hostManager) throws Exception {
        LocalDate today = LocalDate.now(calendar.zone(visitor.id()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", host.slug());
        body.put("topic", "Mal pelayanan publik di pusat belanja");
        body.put("proposedFrom", today.plusDays(1).toString());
        body.put("proposedTo", today.plusDays(2).toString());
        body.put("participants", 5);
        body.put("contactName", "Budi Narahubung");
        body.put("contactEmail", "budi@contoh.go.id");
        String api = "/api/tenants/" + visitor.slug() + "/study-visits";
        UUID id = UUID.fromString(read(send(visitorManager, api, body).andExpect(status().isCreated())).get("id").asString());
        send(hostManager, "/api/tenants/" + host.slug() + "/study-visits/" + id + "/accept",
                Map.of("confirmedDate", LocalDate.now(calendar.zone(host.id())).toString())).andExpect(status().isOk());
        send(visitorManager, api + "/" + id + "/held", Map.of("learnings", "Loket di mal buka sampai malam dan akhir pekan."))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void aPlanAfterAVisitIsCarriedOutByTheAgenciesAndTheMonitorSeesOnlyCounts() throws Exception {
        Tenant mine = fixtures.newTenant();
        Tenant host = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);
        String hostManager = fixtures.staffWithRole(host, Role.PENGELOLA_MPP);
        String otherManager = fixtures.staffWithRole(other, Role.PENGELOLA_MPP);
        UUID dukcapil = fixtures.newAgency(mine, "DUKCAPIL");
        UUID dpmptsp = fixtures.newAgency(mine, "DPMPTSP");
        String dukcapilAdmin = fixtures.staffWithRole(mine, Role.ADMIN_INSTANSI, dukcapil, null);
        UUID visit = heldVisit(mine, manager, host, hostManager);
        UUID hostsOwnVisit = heldVisit(other, otherManager, host, hostManager);
        String api = "/api/tenants/" + mine.slug() + "/action-plans";
        LocalDate today = LocalDate.now(calendar.zone(mine.id()));

        // a plan's source must be this tenant's own held visit; agency admins may not make plans
        send(manager, api, Map.of("title", "Loket MPP di pusat belanja", "source", "VISIT", "visitId", hostsOwnVisit.toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.visitId").exists());
        send(dukcapilAdmin, api, Map.of("title", "Loket MPP di pusat belanja", "source", "VISIT", "visitId", visit.toString()))
                .andExpect(status().isForbidden());
        JsonNode plan = read(send(manager, api, Map.of("title", "Loket MPP di pusat belanja", "source", "VISIT",
                "visitId", visit.toString())).andExpect(status().isCreated()));
        UUID planId = UUID.fromString(plan.get("id").asString());
        assertThat(plan.get("sourceLabel").asString()).contains("Mal pelayanan publik di pusat belanja");
        String items = api + "/" + planId + "/items";

        JsonNode withItems = read(send(manager, items, Map.of("what", "Buka loket Dukcapil di mal", "agencyId", dukcapil.toString(),
                "responsible", "Kepala Bidang Pelayanan Rahasia", "targetDate", today.plusDays(30).toString())).andExpect(status().isCreated()));
        UUID mall = UUID.fromString(withItems.get("items").get(0).get("id").asString());
        JsonNode all = read(send(manager, items, Map.of("what", "Izin usaha selesai di loket mal", "agencyId", dpmptsp.toString(),
                "responsible", "Sekretaris Dinas", "targetDate", today.minusDays(3).toString())).andExpect(status().isCreated()));
        UUID permits = null;
        for (JsonNode i : all.get("items")) {
            if (i.get("agencyId").asString().equals(dpmptsp.toString())) {
                permits = UUID.fromString(i.get("id").asString());
                assertThat(i.get("overdue").asBoolean()).isTrue();
            }
        }
        assertThat(all.get("summary").get("overdue").asInt()).isEqualTo(1);
        send(dukcapilAdmin, items, Map.of("what", "Tambahan", "agencyId", dukcapil.toString(), "responsible", "Saya",
                "targetDate", today.toString())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("action-plan-manager-only"));

        // the Dukcapil admin updates Dukcapil's item, not DPMPTSP's
        send(dukcapilAdmin, items + "/" + mall + "/progress", Map.of("status", "IN_PROGRESS", "note", "Lokasi di lantai dua disepakati"))
                .andExpect(status().isOk());
        send(dukcapilAdmin, items + "/" + permits + "/progress", Map.of("status", "DONE", "note", "Bukan instansi saya"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("action-item-other-agency"));
        send(dukcapilAdmin, items + "/" + mall + "/progress", Map.of("status", "DONE"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.note").exists());
        JsonNode done = read(send(dukcapilAdmin, items + "/" + mall + "/progress", Map.of("status", "DONE", "note", "Loket dibuka"))
                .andExpect(status().isOk()));
        assertThat(done.get("summary").get("done").asInt()).isEqualTo(1);
        send(manager, items + "/" + mall + "/progress", Map.of("status", "IN_PROGRESS", "note", "Dibuka lagi"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("action-item-closed"));

        // another tenant sees nothing of it
        mvc.perform(get("/api/tenants/" + other.slug() + "/action-plans/" + planId).with(httpBasic(otherManager, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("action-plan-not-found"));
        send(otherManager, "/api/tenants/" + other.slug() + "/action-plans/" + planId + "/items/" + permits + "/progress",
                Map.of("status", "DONE", "note", "x")).andExpect(status().isNotFound());

        // audited: the plan, two items, two progress notes (the refused ones left nothing)
        Map<String, Integer> audited = TenantContext.call(mine.id(), () -> jdbc.sql("""
                        select action, count(*) n from audit_record where tenant_id = ? and action like 'replication.plan%'
                        group by action""").params(mine.id().value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(audited).containsEntry("replication.plan.created", 1).containsEntry("replication.plan-item.added", 2)
                .containsEntry("replication.plan-item.progressed", 2);

        // the monitor: counts per tenant, no person
        String monitor = "pemantau." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        staff.grantPlatformRole(staff.createStaff(new StaffAccounts.NewStaff(monitor, "Pemantau", null, Fixtures.PASSWORD)),
                Role.PEMANTAU);
        mvc.perform(get("/api/monitor/replication").with(httpBasic(manager, Fixtures.PASSWORD))).andExpect(status().isForbidden());
        var answer = mvc.perform(get("/api/monitor/replication").with(httpBasic(monitor, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(answer);
        JsonNode line = null;
        JsonNode hostLine = null;
        for (JsonNode l : report.get("tenants")) {
            if (l.get("tenant").asString().equals(mine.slug())) {
                line = l;
            }
            if (l.get("tenant").asString().equals(host.slug())) {
                hostLine = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("visitsMade").asInt()).isEqualTo(1);
        assertThat(line.get("plans").asInt()).isEqualTo(1);
        assertThat(line.get("items").asInt()).isEqualTo(2);
        assertThat(line.get("done").asInt()).isEqualTo(1);
        assertThat(line.get("overdue").asInt()).isEqualTo(1);
        assertThat(hostLine.get("visitsHosted").asInt()).isEqualTo(2);
        assertThat(answer).doesNotContain("Budi Narahubung", "budi@contoh.go.id", "Kepala Bidang Pelayanan Rahasia",
                "Loket di mal buka");
        assertThat(List.of(report.get("held").valueStream().map(h -> h.get("topic").asString()).toArray()))
                .contains("Mal pelayanan publik di pusat belanja");

        // the pages: the monitor's table names the tenant and no person; the Dukcapil admin gets no form for DPMPTSP's item
        String monitorPage = page("/monitor/replication", login(monitor));
        assertThat(monitorPage).contains("data-tenant=\"" + mine.slug() + "\"").doesNotContain("Kepala Bidang Pelayanan Rahasia");
        String planPage = page("/manage/" + mine.slug() + "/action-plans/" + planId, login(dukcapilAdmin));
        assertThat(planPage).contains("Izin usaha selesai di loket mal", "Lewat tenggat")
                .doesNotContain("/items/" + permits + "/progress");
        assertThat(page("/manage/" + mine.slug() + "/action-plans/" + planId, login(manager)))
                .contains("/items/" + permits + "/progress");
    }

    @Test
    void aPlanFollowsFromACopiedDesignOrABenchmark() throws Exception {
        Tenant origin = fixtures.newTenant();
        var published = id.gerai.application.ApplicationSamples.publish(catalog, origin, fixtures.newAgency(origin, "DUKCAPIL"));
        Tenant mine = fixtures.newTenant();
        UUID agency = fixtures.newAgency(mine, "DUKCAPIL");
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);
        String api = "/api/tenants/" + mine.slug() + "/action-plans";
        UUID own = id.gerai.application.ApplicationSamples.publish(catalog, mine, agency).serviceId();
        UUID copy = catalog.copy(mine.id(), agency, origin.id(), published.serviceId(), published.version()).serviceId();

        send(manager, api, Map.of("title", "Akta lebih cepat", "source", "DESIGN_COPY", "serviceId", own.toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.serviceId").exists());
        send(manager, api, Map.of("title", "Akta lebih cepat", "source", "DESIGN_COPY", "serviceId", copy.toString(),
                "agencyId", agency.toString())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sourceLabel").value(published.design().name()))
                .andExpect(jsonPath("$.agencyName").value("Dinas DUKCAPIL"));
        send(manager, api, Map.of("title", "Naikkan IKM", "source", "BENCHMARK"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.sourceNote").exists());
        send(manager, api, Map.of("title", "Naikkan IKM", "source", "BENCHMARK",
                "sourceNote", "IKM akta kelahiran 2026: kita 78,2, terbaik 91,5 (Kabupaten Banyuwangi)"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.source").value("BENCHMARK"));
        mvc.perform(get(api).with(httpBasic(manager, Fixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    private jakarta.servlet.http.Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String path, jakarta.servlet.http.Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
