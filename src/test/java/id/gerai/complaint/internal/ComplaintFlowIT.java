package id.gerai.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.complaint.ComplaintRecords;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.support.TestMailServer;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A complaint's whole life over the API: filing, verification, forwarding, follow-up, rating, the clocks, privacy. */
@GeraiIntegrationTest
class ComplaintFlowIT {

    @Autowired MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Value("${gerai.complaints.filings-per-hour}") int filingsPerHour;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingCalendar calendar;
    @Autowired ComplaintWatch watch;
    @Autowired ComplaintRecords records;

    private record Setup(Tenant tenant, UUID agency, UUID otherAgency, String coordinator, String officer, String otherOfficer) {
        String api() {
            return "/api/tenants/" + tenant.slug() + "/complaints";
        }
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID other = fixtures.newAgency(t, "DPMPTSP");
        return new Setup(t, agency, other, fixtures.staffWithRole(t, Role.PENGELOLA_MPP),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, other, null));
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B r, String email) {
        return r.with(httpBasic(email, Fixtures.PASSWORD));
    }

    private jakarta.servlet.http.Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private Map<String, Object> complaint(Setup s, String email, boolean confidential, boolean anonymous) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", s.tenant().slug());
        body.put("kind", "PENGADUAN");
        body.put("title", "Antrean KTP-el terlalu lama");
        body.put("body", "Saya menunggu lebih dari lima jam di loket Dukcapil tanpa kepastian kapan dipanggil.");
        body.put("agencyId", s.agency().toString());
        body.put("confidential", confidential);
        body.put("anonymous", anonymous);
        body.put("name", "Siti Pelapor Rahasia");
        body.put("email", email);
        body.put("phone", "081234567890");
        return body;
    }

    private JsonNode file(Setup s, Map<String, Object> body) throws Exception {
        return read(mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isCreated()));
    }

    private UUID idOf(Setup s, String tracking) {
        return TenantContext.call(s.tenant().id(), () -> jdbc.sql("select id from complaint where tenant_id = ? and tracking_no = ?")
                .params(s.tenant().id().value(), tracking).query(UUID.class).single());
    }

    private JsonNode act(Setup s, String who, UUID id, String action, Map<String, Object> body) throws Exception {
        return read(mvc.perform(as(post(s.api() + "/" + id + "/" + action), who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isOk()));
    }

    @Test
    void anAnonymousConfidentialComplaintGoesFromFilingToARatedClose() throws Exception {
        Setup s = setup();
        String reporterMail = "pelapor-" + UUID.randomUUID() + "@contoh.id";
        JsonNode receipt = file(s, complaint(s, reporterMail, true, true));
        String tracking = receipt.get("trackingNo").asString();
        String code = receipt.get("accessCode").asString();
        assertThat(code).matches("\\d{8}");
        assertThat(id.gerai.application.TrackingNumber.normalize(receipt.get("trackingDisplay").asString())).isEqualTo(tracking);
        Instant filedAt = Instant.parse(receipt.get("filedAt").asString());
        assertThat(Instant.parse(receipt.get("dueAt").asString())).isEqualTo(calendar.deadline(s.tenant().id(), filedAt, 3));
        UUID id = idOf(s, tracking);

        // a stranger with the number alone reads nothing
        mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"trackingNo\":\"" + tracking + "\",\"accessCode\":\"00000000\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("complaint-not-found"));
        JsonNode tracked = read(mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON)
                .content("{\"trackingNo\":\"" + receipt.get("trackingDisplay").asString() + "\",\"accessCode\":\"" + code + "\"}"))
                .andExpect(status().isOk()));
        assertThat(tracked.get("status").asString()).isEqualTo("RECEIVED");

        // the agency sees nothing before it is forwarded; the coordinator sees the reporter
        mvc.perform(as(get(s.api() + "/" + id), s.officer())).andExpect(status().isNotFound());
        JsonNode coord = read(mvc.perform(as(get(s.api() + "/" + id), s.coordinator())).andExpect(status().isOk()));
        assertThat(coord.get("reporter").get("email").asString()).isEqualTo(reporterMail);

        // a follow-up before forwarding, or by another agency, is refused
        act(s, s.coordinator(), id, "verify", Map.of());
        mvc.perform(as(post(s.api() + "/" + id + "/follow-up"), s.officer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Sudah kami tangani.\"}")).andExpect(status().isNotFound());
        mvc.perform(as(post(s.api() + "/" + id + "/forward"), s.coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.agencyId").exists());
        JsonNode forwarded = act(s, s.coordinator(), id, "forward", Map.of("agencyId", s.agency().toString()));
        assertThat(forwarded.get("status").asString()).isEqualTo("FORWARDED");
        Instant forwardedAt = Instant.parse(forwarded.get("forwardedAt").asString());
        assertThat(Instant.parse(forwarded.get("dueAt").asString())).isEqualTo(calendar.deadline(s.tenant().id(), forwardedAt, 5));
        mvc.perform(as(get(s.api() + "/" + id), s.otherOfficer())).andExpect(status().isNotFound());

        // anonymity: the agency's API and page never show who reported it
        String agencyJson = mvc.perform(as(get(s.api() + "/" + id), s.officer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String agencyInbox = mvc.perform(as(get(s.api()), s.officer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String agencyPage = mvc.perform(get("/manage/" + s.tenant().slug() + "/complaints/" + id).cookie(login(s.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String seen : List.of(agencyJson, agencyInbox, agencyPage)) {
            assertThat(seen).contains(tracking.substring(0, 3)).doesNotContain("Siti Pelapor Rahasia")
                    .doesNotContain(reporterMail).doesNotContain("081234567890");
        }
        String coordPage = mvc.perform(get("/manage/" + s.tenant().slug() + "/complaints/" + id).cookie(login(s.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(coordPage).contains("Siti Pelapor Rahasia");

        // the agency follows up
        JsonNode answered = act(s, s.officer(), id, "follow-up", Map.of("body", "Loket tambahan dibuka mulai Senin; mohon maaf."));
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        Instant answeredAt = Instant.parse(answered.get("answeredAt").asString());
        assertThat(Instant.parse(answered.get("dueAt").asString())).isEqualTo(calendar.deadline(s.tenant().id(), answeredAt, 10));

        // confidential: never on the public list, even answered
        JsonNode publicList = read(mvc.perform(get("/api/complaints/public").param("tenant", s.tenant().slug())).andExpect(status().isOk()));
        assertThat(publicList.get("total").asInt()).isZero();
        String publicPage = mvc.perform(get("/t/" + s.tenant().slug() + "/complaints")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(publicPage).doesNotContain("Antrean KTP-el");

        // the reporter reopens, the agency answers again, the reporter rates: closed
        mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("trackingNo", tracking, "accessCode", code, "action", "reply", "body", "Belum, antrean masih panjang.",
                                "reopen", true))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FORWARDED"));
        act(s, s.officer(), id, "follow-up", Map.of("body", "Kami menambah dua petugas di loket KTP-el."));
        mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("trackingNo", tracking, "accessCode", code, "action", "rate", "rating", 9))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.rating").exists());
        JsonNode closed = read(mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("trackingNo", tracking, "accessCode", code, "action", "rate", "rating", 4, "satisfied", true))))
                .andExpect(status().isOk()));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        List<String> actions = new ArrayList<>();
        closed.get("history").forEach(h -> actions.add(h.get("action").asString()));
        assertThat(actions).containsExactly("FILED", "VERIFIED", "FORWARDED", "ANSWERED", "REOPENED", "ANSWERED", "RATED");

        // every step audited
        int audited = TenantContext.call(s.tenant().id(), () -> jdbc.sql(
                "select count(*) from audit_record where tenant_id = ? and entity_id = ? and action like 'complaint.%'")
                .params(s.tenant().id().value(), id.toString()).query(Integer.class).single());
        assertThat(audited).isEqualTo(7);

        // the reporter was e-mailed at each state change (receipt with the code first)
        var mails = TestMailServer.awaitReceived(reporterMail, 6, Duration.ofSeconds(30));
        assertThat(mails.size()).isGreaterThanOrEqualTo(6);
        assertThat(TestMailServer.subject(mails.getFirst())).contains(receipt.get("trackingDisplay").asString());
    }

    @Test
    void publicComplaintsAreListedWithTheirAnswerButNeverTheReporter() throws Exception {
        Setup s = setup();
        JsonNode receipt = file(s, complaint(s, "terbuka-" + UUID.randomUUID() + "@contoh.id", false, false));
        UUID id = idOf(s, receipt.get("trackingNo").asString());
        JsonNode before = read(mvc.perform(get("/api/complaints/public").param("tenant", s.tenant().slug())));
        assertThat(before.get("total").asInt()).as("not verified yet").isZero();
        act(s, s.coordinator(), id, "forward", Map.of("agencyId", s.agency().toString()));
        act(s, s.officer(), id, "follow-up", Map.of("body", "Jadwal loket diperpanjang sampai pukul 16.00."));
        JsonNode list = read(mvc.perform(get("/api/complaints/public").param("tenant", s.tenant().slug())).andExpect(status().isOk()));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("answers").get(0).get("body").asString()).contains("16.00");
        assertThat(list.toString()).doesNotContain("Siti Pelapor Rahasia").doesNotContain("contoh.id");
        String page = mvc.perform(get("/t/" + s.tenant().slug() + "/complaints")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Antrean KTP-el").contains("16.00").doesNotContain("Siti Pelapor Rahasia");
    }

    @Test
    void overdueStepsAreEscalatedAndAnAnswerWithoutReplyClosesItself() throws Exception {
        Setup s = setup();
        UUID late = idOf(s, file(s, complaint(s, "lambat-" + UUID.randomUUID() + "@contoh.id", false, false)).get("trackingNo").asString());
        UUID quiet = idOf(s, file(s, complaint(s, "diam-" + UUID.randomUUID() + "@contoh.id", false, false)).get("trackingNo").asString());
        act(s, s.coordinator(), quiet, "forward", Map.of("agencyId", s.agency().toString()));
        act(s, s.officer(), quiet, "follow-up", Map.of("body", "Sudah kami perbaiki jadwal antreannya."));
        TenantContext.run(s.tenant().id(), () -> jdbc.sql("update complaint set due_at = now() - interval '1 minute' where tenant_id = ? and id = any(?)")
                .params(s.tenant().id().value(), new UUID[] {late, quiet}).update());

        // the inbox flags it overdue
        JsonNode overdue = read(mvc.perform(as(get(s.api()).param("filter", "OVERDUE"), s.coordinator())).andExpect(status().isOk()));
        assertThat(overdue.get("counts").get("overdue").asInt()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();

        int[] done = watch.runNow();
        assertThat(done[0]).isGreaterThanOrEqualTo(1);
        assertThat(done[1]).isGreaterThanOrEqualTo(1);
        JsonNode escalated = read(mvc.perform(as(get(s.api() + "/" + late), s.coordinator())));
        assertThat(escalated.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(escalated.get("history").toString()).contains("ESCALATED");
        JsonNode closed = read(mvc.perform(as(get(s.api() + "/" + quiet), s.coordinator())));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history").toString()).contains("AUTO_CLOSED");
        // once only
        watch.runNow();
        JsonNode again = read(mvc.perform(as(get(s.api() + "/" + late), s.coordinator())));
        assertThat(again.get("history").toString().split("ESCALATED", -1)).hasSize(2);
        // the coordinator was told
        var mails = TestMailServer.awaitReceived(s.coordinator(), 3, Duration.ofSeconds(30));
        assertThat(mails.stream().map(TestMailServer::subject)).anyMatch(x -> x.startsWith("Lewat tenggat: verifikasi"));
    }

    @Test
    void theVerificationLimitSkipsARegionalHoliday() throws Exception {
        Setup s = setup();
        LocalDate today = LocalDate.now(calendar.zone(s.tenant().id()));
        // the next two working days become regional holidays
        List<LocalDate> holidays = new ArrayList<>();
        LocalDate d = today;
        while (holidays.size() < 2) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(s.tenant().id(), d)) {
                holidays.add(d);
            }
        }
        LocalDate withoutHolidays = calendar.addWorkingDays(s.tenant().id(), today, 3);
        for (LocalDate h : holidays) {
            mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/calendar/days"), s.coordinator())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"date\":\"" + h + "\",\"kind\":\"REGIONAL_HOLIDAY\",\"name\":\"Hari jadi\"}"))
                    .andExpect(status().isCreated());
        }
        JsonNode receipt = file(s, complaint(s, "libur-" + UUID.randomUUID() + "@contoh.id", false, false));
        LocalDate due = Instant.parse(receipt.get("dueAt").asString()).atZone(calendar.zone(s.tenant().id())).toLocalDate();
        assertThat(due).isAfter(withoutHolidays).isAfter(holidays.getLast());
        assertThat(calendar.workingDaysBetween(s.tenant().id(), today, due)).isEqualTo(3);
    }

    @Test
    void anotherTenantsStaffCannotReadOrActOnAComplaint() throws Exception {
        Setup s = setup();
        Setup other = setup();
        UUID id = idOf(s, file(s, complaint(s, "silang-" + UUID.randomUUID() + "@contoh.id", false, false)).get("trackingNo").asString());
        mvc.perform(as(get(s.api() + "/" + id), other.coordinator())).andExpect(status().isNotFound());
        mvc.perform(as(get(other.api() + "/" + id), other.coordinator())).andExpect(status().isNotFound());
        mvc.perform(as(post(s.api() + "/" + id + "/forward"), other.coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyId\":\"" + other.agency() + "\"}")).andExpect(status().isForbidden());
        mvc.perform(as(post(other.api() + "/" + id + "/archive"), other.coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isNotFound());
        JsonNode inbox = read(mvc.perform(as(get(other.api()).param("filter", "ALL"), other.coordinator())));
        assertThat(inbox.get("items").toString()).doesNotContain(id.toString());
        mvc.perform(as(get(s.api()), other.officer())).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/lapor/export"), other.coordinator())).andExpect(status().isForbidden());
    }

    @Test
    void whoeverHoldsTheTrackingNumberAndCodeDownloadsTheAttachmentsWithoutTheCodeInAnyUrl() throws Exception {
        Setup s = setup();
        byte[] pdf = ("%PDF-1.4\n1 0 obj<<>>endobj\n% bukti " + UUID.randomUUID() + "\ntrailer<<>>\n%%EOF\n").getBytes();
        Map<String, Object> body = complaint(s, "lampiran-" + UUID.randomUUID() + "@contoh.id", false, true);
        JsonNode receipt = read(mvc.perform(multipart("/api/complaints")
                        .file(new MockMultipartFile("complaint", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body)))
                        .file(new MockMultipartFile("files", "bukti antrean.pdf", "application/pdf", pdf)))
                .andExpect(status().isCreated()));
        String tracking = receipt.get("trackingNo").asString();
        String code = receipt.get("accessCode").asString();

        // the API: the number and code in the body
        byte[] got = mvc.perform(post("/api/complaints/track/attachments/1").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("trackingNo", tracking, "accessCode", code))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(got).isEqualTo(pdf);
        mvc.perform(post("/api/complaints/track/attachments/1").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("trackingNo", tracking, "accessCode", "SALAH-KODE"))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("complaint-not-found"));
        mvc.perform(post("/api/complaints/track/attachments/2").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("trackingNo", tracking, "accessCode", code))))
                .andExpect(status().isNotFound());

        // the tracking page: each attachment is a button of a form that posts the number and code
        String page = mvc.perform(post("/complaints/track").param("trackingNo", tracking).param("accessCode", code)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = page.substring(page.indexOf("action=\"/complaints/track/attachment\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(page).containsPattern("<form[^>]*method=\"post\"\\s+action=\"/complaints/track/attachment\"");
        assertThat(form).contains("name=\"seq\" value=\"1\"", "name=\"accessCode\" value=\"" + code + "\"",
                "name=\"trackingNo\" value=\"" + tracking + "\"", ">bukti antrean.pdf</button>", "Unduh lampiran bukti antrean.pdf");
        assertThat(page).doesNotContain("attachment?").doesNotContain("accessCode=");
        byte[] downloaded = mvc.perform(post("/complaints/track/attachment").param("trackingNo", tracking).param("accessCode", code)
                        .param("seq", "1")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        mvc.perform(post("/complaints/track/attachment").param("trackingNo", tracking).param("accessCode", "SALAH-KODE")
                        .param("seq", "1")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAnsweredWithProblemDetailsFieldByField() throws Exception {
        Setup s = setup();
        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tenant\":\"" + s.tenant().slug() + "\",\"kind\":\"GOSIP\",\"title\":\"\",\"body\":\"pendek\","
                                + "\"email\":\"bukan-email\",\"applicationTracking\":\"K7M-3Q9-XD3\",\"incidentDate\":\"2999-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.title").exists())
                .andExpect(jsonPath("$.errors.body").exists())
                .andExpect(jsonPath("$.errors.email").exists())
                .andExpect(jsonPath("$.errors.applicationTracking").exists())
                .andExpect(jsonPath("$.errors.incidentDate").exists());
        Map<String, Object> noContact = complaint(s, null, false, false);
        noContact.remove("email");
        noContact.remove("phone");
        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(noContact)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.email").exists());
        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON).content("{\"tenant\":\"tidak-ada\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.tenant").exists());
        // a file that is not what it claims is refused and nothing is filed
        Map<String, Object> body = complaint(s, "lampiran-" + UUID.randomUUID() + "@contoh.id", false, false);
        mvc.perform(multipart("/api/complaints")
                        .file(new MockMultipartFile("complaint", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body)))
                        .file(new MockMultipartFile("files", "foto.pdf", "application/pdf", "#!/bin/sh\necho bukan pdf\n".getBytes())))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("blob.type-not-accepted"));
        int count = TenantContext.call(s.tenant().id(), () -> jdbc.sql("select count(*) from complaint where tenant_id = ?")
                .param(s.tenant().id().value()).query(Integer.class).single());
        assertThat(count).isZero();
        // on the page the refusal is said with what was detected, in words, not placeholders
        String page = mvc.perform(multipart("/complaints")
                        .file(new MockMultipartFile("files", "foto.pdf", "application/pdf", "#!/bin/sh\necho bukan pdf\n".getBytes()))
                        .param("tenant", s.tenant().slug()).param("kind", "PENGADUAN").param("title", "Antrean terlalu lama")
                        .param("body", "Saya menunggu lebih dari lima jam di loket tanpa kepastian kapan dipanggil.")
                        .param("email", "halaman-" + UUID.randomUUID() + "@contoh.id")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("terdeteksi: application/x-sh").doesNotContain("{0}").doesNotContain("{1}");
        // a PDF is accepted
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
        JsonNode ok = read(mvc.perform(multipart("/api/complaints")
                        .file(new MockMultipartFile("complaint", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body)))
                        .file(new MockMultipartFile("files", "bukti.pdf", "application/octet-stream", pdf)))
                .andExpect(status().isCreated()));
        UUID id = idOf(s, ok.get("trackingNo").asString());
        JsonNode seen = read(mvc.perform(as(get(s.api() + "/" + id), s.coordinator())));
        assertThat(seen.get("attachments").get(0).get("contentType").asString()).isEqualTo("application/pdf");
        // a step not allowed now is a conflict
        mvc.perform(as(post(s.api() + "/" + id + "/resume"), s.coordinator())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("complaint-step-not-allowed"));
        mvc.perform(as(post(s.api() + "/" + id + "/postpone"), s.coordinator()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.reason").exists());
    }

    @Test
    void oneSenderCannotFloodTheDeskAndWhatTheyTypedStaysOnTheForm() throws Exception {
        Setup s = setup();
        java.util.Random random = new java.util.Random();
        String address = "10." + random.nextInt(250) + "." + random.nextInt(250) + "." + (1 + random.nextInt(250));
        org.springframework.test.web.servlet.request.RequestPostProcessor from = r -> {
            r.setRemoteAddr(address);
            return r;
        };
        String email = "banjir-" + UUID.randomUUID() + "@contoh.id";
        // over real HTTP through a reverse proxy on this host: the sender is the address it forwards, not the proxy's
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> fileFrom = forwarded -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", forwarded)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(complaint(s, email, false, false))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        for (int i = 0; i < filingsPerHour; i++) {
            assertThat(fileFrom.apply(address).statusCode()).isEqualTo(201);
        }
        var refused = fileFrom.apply(address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(3500L, 3600L);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("complaint-filing-throttled");
        String page = mvc.perform(multipart("/complaints").with(from)
                        .param("tenant", s.tenant().slug()).param("kind", "PENGADUAN").param("title", "Judul yang sudah diketik")
                        .param("body", "Isi laporan yang panjang ini tidak boleh hilang hanya karena pengirimnya harus menunggu.")
                        .param("email", email)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(r -> assertThat(Long.parseLong(r.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Terlalu banyak laporan dari pengirim ini", "Judul yang sudah diketik",
                "tidak boleh hilang hanya karena pengirimnya harus menunggu");
        int filed = TenantContext.call(s.tenant().id(), () -> jdbc.sql(
                        "select count(*) from complaint where tenant_id = ? and reporter_email = ?")
                .params(s.tenant().id().value(), email).query(Integer.class).single());
        assertThat(filed).isEqualTo(filingsPerHour);
        // another sender behind the same proxy is not held back by the first
        assertThat(fileFrom.apply("10.251.0." + (1 + random.nextInt(250))).statusCode()).isEqualTo(201);
    }

    @Test
    void laporExportRespectsPrivacyAndImportIsIdempotent() throws Exception {
        Setup s = setup();
        file(s, complaint(s, "ekspor-" + UUID.randomUUID() + "@contoh.id", true, true));
        file(s, complaint(s, "ekspor2-" + UUID.randomUUID() + "@contoh.id", false, false));
        JsonNode export = read(mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/lapor/export"), s.coordinator()))
                .andExpect(status().isOk()));
        assertThat(export.get("format").asString()).isEqualTo("gerai-lapor/1");
        assertThat(export.get("complaints")).hasSize(2);
        JsonNode anonymous = export.get("complaints").get(0);
        assertThat(anonymous.get("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.get("confidential").asBoolean()).isTrue();
        assertThat(anonymous.get("reporter").isNull()).isTrue();
        assertThat(export.get("complaints").get(1).get("reporter").get("name").asString()).isEqualTo("Siti Pelapor Rahasia");
        assertThat(export.toString()).doesNotContain("nik");

        String doc = """
                {"format":"gerai-lapor/1","complaints":[
                  {"laporId":"LAPOR-2026-000123","category":"PENGADUAN","title":"Jalan rusak depan kantor kelurahan",
                   "content":"Jalan berlubang sudah tiga bulan dan membahayakan pengendara motor.","confidential":false,
                   "anonymous":true,"agencyCode":"DPMPTSP","createdAt":"2026-01-05T02:00:00Z"},
                  {"laporId":"LAPOR-2026-000124","category":"ASPIRASI","title":"Tambah loket sore",
                   "content":"Mohon loket MPP dibuka sampai sore untuk pekerja.","reporter":{"name":"Budi","email":"budi@contoh.id"}},
                  {"laporId":"LAPOR-2026-000125","category":"GOSIP","title":"x","content":"y"}]}""";
        JsonNode first = read(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/lapor/import"), s.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(doc)).andExpect(status().isOk()));
        assertThat(first.get("imported").asInt()).isEqualTo(2);
        assertThat(first.get("errors")).hasSize(1);
        assertThat(first.get("errors").get(0).get("laporId").asString()).isEqualTo("LAPOR-2026-000125");
        JsonNode second = read(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/lapor/import"), s.coordinator())
                .contentType(MediaType.APPLICATION_JSON).content(doc)).andExpect(status().isOk()));
        assertThat(second.get("imported").asInt()).isZero();
        assertThat(second.get("skipped").asInt()).isEqualTo(2);
        JsonNode inbox = read(mvc.perform(as(get(s.api()).param("filter", "NEW"), s.coordinator())));
        assertThat(inbox.get("counts").get("received").asInt()).isEqualTo(4);
        assertThat(inbox.get("items").toString()).contains("Jalan rusak depan kantor kelurahan");
        // exported again, the imported ones carry their LAPOR! id
        JsonNode again = read(mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/lapor/export"), s.coordinator())));
        assertThat(again.toString()).contains("LAPOR-2026-000123").contains("LAPOR-2026-000124");
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/lapor/import"), s.officer())
                .contentType(MediaType.APPLICATION_JSON).content(doc)).andExpect(status().isForbidden());
    }

    @Test
    void replayGivesEveryFilingOldestFirstThenEveryFollowUp() throws Exception {
        Setup s = setup();
        UUID a = idOf(s, file(s, complaint(s, "r1-" + UUID.randomUUID() + "@contoh.id", false, false)).get("trackingNo").asString());
        UUID b = idOf(s, file(s, complaint(s, "r2-" + UUID.randomUUID() + "@contoh.id", false, false)).get("trackingNo").asString());
        act(s, s.coordinator(), b, "forward", Map.of("agencyId", s.otherAgency().toString()));
        act(s, s.otherOfficer(), b, "follow-up", Map.of("body", "Sudah ditindaklanjuti oleh DPMPTSP."));
        List<ComplaintFiled> filed = new ArrayList<>();
        List<ComplaintAnswered> answered = new ArrayList<>();
        records.replay(s.tenant().id(), filed::add, answered::add);
        assertThat(filed).extracting(ComplaintFiled::complaintId).containsExactly(a, b);
        assertThat(filed.get(1).agencyId()).as("the agency named at filing").isEqualTo(s.agency());
        assertThat(answered).hasSize(1);
        assertThat(answered.getFirst().complaintId()).isEqualTo(b);
        assertThat(answered.getFirst().agencyId()).isEqualTo(s.otherAgency());
        assertThat(answered.getFirst().onTime()).isTrue();
        assertThat(answered.getFirst().answeredAt()).isAfterOrEqualTo(answered.getFirst().filedAt());
    }
}
