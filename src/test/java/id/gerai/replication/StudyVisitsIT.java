package id.gerai.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationSamples;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
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
 * A study visit over the API between two fresh tenants: the request with the host's published designs, the host's
 * answer, the states and the steps they refuse, the e-mails, the audit records in each party's chain, and a third
 * tenant that sees nothing, through the API or the database.
 */
@GeraiIntegrationTest
class StudyVisitsIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogApi catalog;
    @Autowired WorkingCalendar calendar;

    record Party(Tenant tenant, String manager) {
        String api() {
            return "/api/tenants/" + tenant.slug() + "/study-visits";
        }
    }

    record Setup(Party visitor, Party host, Party third, ServiceVersion design) {
    }

    private Setup setup() {
        Tenant v = fixtures.newTenant();
        Tenant h = fixtures.newTenant();
        Tenant x = fixtures.newTenant();
        UUID agency = fixtures.newAgency(h, "DUKCAPIL");
        ServiceVersion design = ApplicationSamples.publish(catalog, h, agency);
        return new Setup(new Party(v, fixtures.staffWithRole(v, Role.PENGELOLA_MPP)),
                new Party(h, fixtures.staffWithRole(h, Role.PENGELOLA_MPP)),
                new Party(x, fixtures.staffWithRole(x, Role.PENGELOLA_MPP)), design);
    }

    private LocalDate today(Tenant t) {
        return LocalDate.now(calendar.zone(t.id()));
    }

    private ResultActions send(String email, String path, Object body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(email, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    private Map<String, Object> request(Setup s, List<UUID> designs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", s.host().tenant().slug());
        body.put("topic", "Adminduk keliling sampai desa");
        body.put("purpose", "Mempelajari jemput bola akta kelahiran di desa");
        body.put("designs", designs);
        body.put("proposedFrom", today(s.visitor().tenant()).plusDays(14).toString());
        body.put("proposedTo", today(s.visitor().tenant()).plusDays(15).toString());
        body.put("participants", 12);
        body.put("contactName", "Rina Narahubung Rahasia");
        body.put("contactEmail", "rina." + UUID.randomUUID().toString().substring(0, 6) + "@contoh.go.id");
        body.put("contactPhone", "081234567890");
        return body;
    }

    private int audited(Tenant t, UUID visit, String action) {
        return TenantContext.call(t.id(), () -> jdbc.sql(
                        "select count(*) from audit_record where tenant_id = ? and entity_id = ? and action = ?")
                .params(t.id().value(), visit.toString(), action).query(Integer.class).single());
    }

    private int mails(Tenant sender, String recipient, String subjectPart) {
        return TenantContext.call(sender.id(), () -> jdbc.sql("""
                        select count(*) from notification_outbox where tenant_id = ? and recipient = ? and subject like ?""")
                .params(sender.id().value(), recipient, "%" + subjectPart + "%").query(Integer.class).single());
    }

    @Test
    void aVisitIsRequestedAcceptedAndHeldBetweenTwoTenantsOnly() throws Exception {
        Setup s = setup();
        String host = s.host().manager();
        String visitor = s.visitor().manager();

        // a design the host has not published is refused, field by field
        send(visitor, s.visitor().api(), request(s, List.of(UUID.randomUUID())))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.designs").exists());
        Map<String, Object> asking = request(s, List.of(s.design().serviceId()));
        JsonNode created = read(send(visitor, s.visitor().api(), asking).andExpect(status().isCreated()));
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(created.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.get("side").asString()).isEqualTo("VISITOR");
        assertThat(created.get("designs").get(0).get("serviceId").asString()).isEqualTo(s.design().serviceId().toString());

        // the host sees it among its visits, with the contact, and was e-mailed
        JsonNode hostList = read(mvc.perform(get(s.host().api()).with(httpBasic(host, Fixtures.PASSWORD))).andExpect(status().isOk()));
        assertThat(hostList).anySatisfy(v -> {
            assertThat(v.get("id").asString()).isEqualTo(id.toString());
            assertThat(v.get("side").asString()).isEqualTo("HOST");
            assertThat(v.get("contact").get("name").asString()).isEqualTo("Rina Narahubung Rahasia");
        });
        assertThat(mails(s.visitor().tenant(), host, "Permintaan studi tiru")).isEqualTo(1);

        // a third tenant sees nothing: not by id, not in its list, not in the database under its scope
        mvc.perform(get(s.third().api() + "/" + id).with(httpBasic(s.third().manager(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("study-visit-not-found"));
        send(s.third().manager(), s.third().api() + "/" + id + "/cancel", Map.of("reason", "bukan urusan kami"))
                .andExpect(status().isNotFound());
        JsonNode thirdList = read(mvc.perform(get(s.third().api()).with(httpBasic(s.third().manager(), Fixtures.PASSWORD))));
        assertThat(thirdList).noneSatisfy(v -> assertThat(v.get("id").asString()).isEqualTo(id.toString()));
        int seen = TenantContext.call(s.third().tenant().id(), () -> jdbc.sql("select count(*) from study_visit where id = ?")
                .params(id).query(Integer.class).single());
        assertThat(seen).isZero();
        // nor can the host, which may update the row, hand it to the third tenant, or insert one in the visitor's name
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.run(s.host().tenant().id(), () -> jdbc.sql(
                        "update study_visit set tenant_id = ? where host_tenant_id = ? and id = ?")
                .params(s.third().tenant().id().value(), s.host().tenant().id().value(), id).update()))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.run(s.host().tenant().id(), () -> jdbc.sql("""
                        insert into study_visit (tenant_id, id, host_tenant_id, topic, proposed_from, proposed_to, participants,
                            contact_name, contact_email, status, requested_by, requested_at, updated_at)
                        select tenant_id, gen_random_uuid(), host_tenant_id, topic, proposed_from, proposed_to, participants,
                            contact_name, contact_email, 'REQUESTED', requested_by, now(), now()
                        from study_visit where host_tenant_id = ? and id = ?""")
                .params(s.host().tenant().id().value(), id).update()))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        // the host's manager cannot use the visitor's path to act as the visitor: 403 with the visitor's tenant role check
        send(host, s.visitor().api() + "/" + id + "/held", Map.of("learnings", "x".repeat(30))).andExpect(status().isForbidden());

        // only the host answers; a date in the past is refused
        send(visitor, s.visitor().api() + "/" + id + "/accept", Map.of("confirmedDate", today(s.visitor().tenant()).toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("study-visit-host-only"));
        send(host, s.host().api() + "/" + id + "/accept", Map.of("confirmedDate", today(s.host().tenant()).minusDays(1).toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.confirmedDate").exists());
        // accepted for today, so that it may be marked held at once and no longer be cancelled
        JsonNode accepted = read(send(host, s.host().api() + "/" + id + "/accept",
                Map.of("confirmedDate", today(s.host().tenant()).toString(), "note", "Silakan datang pukul 09.00"))
                .andExpect(status().isOk()));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(mails(s.host().tenant(), visitor, "diterima")).isEqualTo(1);
        assertThat(mails(s.host().tenant(), (String) asking.get("contactEmail"), "diterima")).isEqualTo(1);

        send(host, s.host().api() + "/" + id + "/decline", Map.of("reason", "terlambat"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("study-visit-not-requested"));
        send(visitor, s.visitor().api() + "/" + id + "/cancel", Map.of("reason", "anggaran"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("study-visit-date-reached"));
        send(host, s.host().api() + "/" + id + "/held", Map.of("learnings", "Kami belajar banyak dari pengunjung ini."))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("study-visit-visitor-only"));
        send(visitor, s.visitor().api() + "/" + id + "/held", Map.of("learnings", "singkat"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.learnings").exists());
        JsonNode held = read(send(visitor, s.visitor().api() + "/" + id + "/held",
                Map.of("learnings", "Loket jemput bola di desa memangkas waktu akta kelahiran menjadi satu hari."))
                .andExpect(status().isOk()));
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("actions").get("plan").asBoolean()).isTrue();
        // the host sees which of its designs were studied
        mvc.perform(get(s.host().api() + "/designs").with(httpBasic(host, Fixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].serviceId").value(s.design().serviceId().toString()))
                .andExpect(jsonPath("$[0].held").value(1)).andExpect(jsonPath("$[0].open").value(0));
        mvc.perform(get(s.visitor().api() + "/designs").with(httpBasic(visitor, Fixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        send(visitor, s.visitor().api() + "/" + id + "/cancel", Map.of("reason", "salah klik"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("study-visit-not-open"));

        // each step audited in the acting tenant's chain, the contact masked
        assertThat(audited(s.visitor().tenant(), id, "replication.visit.requested")).isEqualTo(1);
        assertThat(audited(s.host().tenant(), id, "replication.visit.accepted")).isEqualTo(1);
        assertThat(audited(s.visitor().tenant(), id, "replication.visit.held")).isEqualTo(1);
        String after = TenantContext.call(s.visitor().tenant().id(), () -> jdbc.sql(
                "select after_data::text from audit_record where tenant_id = ? and entity_id = ? and action = 'replication.visit.requested'")
                .params(s.visitor().tenant().id().value(), id.toString()).query(String.class).single());
        assertThat(after).doesNotContain("Rina Narahubung").contains("R*** N***");
    }

    @Test
    void theHostDeclinesWithAReasonAndEitherSideCancelsBeforeTheDate() throws Exception {
        Setup s = setup();
        String host = s.host().manager();
        String visitor = s.visitor().manager();
        UUID first = UUID.fromString(read(send(visitor, s.visitor().api(), request(s, List.of()))
                .andExpect(status().isCreated())).get("id").asString());
        send(host, s.host().api() + "/" + first + "/decline", Map.of())
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.reason").exists());
        send(host, s.host().api() + "/" + first + "/decline", Map.of("reason", "Jadwal penuh sampai akhir tahun"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("Jadwal penuh sampai akhir tahun"));
        send(host, s.host().api() + "/" + first + "/accept", Map.of("confirmedDate", today(s.host().tenant()).plusDays(20).toString()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("study-visit-not-requested"));
        assertThat(audited(s.host().tenant(), first, "replication.visit.declined")).isEqualTo(1);

        // accepted for a later day: the visitor may cancel it before then, and it may not be marked held yet
        UUID second = UUID.fromString(read(send(visitor, s.visitor().api(), request(s, List.of()))).get("id").asString());
        send(host, s.host().api() + "/" + second + "/accept", Map.of("confirmedDate", today(s.host().tenant()).plusDays(20).toString()))
                .andExpect(status().isOk());
        send(visitor, s.visitor().api() + "/" + second + "/held", Map.of("learnings", "Belum terjadi, jadi tidak boleh."))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("study-visit-not-yet"));
        send(visitor, s.visitor().api() + "/" + second + "/cancel", Map.of("reason", "Anggaran perjalanan dipotong"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelledBy").value("VISITOR"));
        assertThat(audited(s.visitor().tenant(), second, "replication.visit.cancelled")).isEqualTo(1);
        assertThat(mails(s.visitor().tenant(), host, "dibatalkan")).isEqualTo(1);

        // the host cancels a request it has not answered
        UUID third = UUID.fromString(read(send(visitor, s.visitor().api(), request(s, List.of()))).get("id").asString());
        send(host, s.host().api() + "/" + third + "/cancel", Map.of("reason", "Gedung MPP sedang direnovasi"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cancelledBy").value("HOST"));
        assertThat(audited(s.host().tenant(), third, "replication.visit.cancelled")).isEqualTo(1);

        // an unknown visit is "not found" before its input is looked at
        send(host, s.host().api() + "/" + UUID.randomUUID() + "/accept", Map.of())
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("study-visit-not-found"));

        // someone without the MPP manager's role is refused
        String officer = fixtures.staffWithRole(s.visitor().tenant(), Role.PETUGAS_INSTANSI);
        mvc.perform(get(s.visitor().api()).with(httpBasic(officer, Fixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDescribed() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/study-visits'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/study-visits/{id}/accept'].post.description")
                        .value(org.hamcrest.Matchers.containsString("study-visit-not-requested")))
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/action-plans/{id}/items/{itemId}/progress'].post").exists())
                .andExpect(jsonPath("$.paths['/api/monitor/replication'].get").exists());
    }
}
