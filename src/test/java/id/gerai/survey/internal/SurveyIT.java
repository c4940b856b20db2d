package id.gerai.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.survey.Grade;
import id.gerai.survey.Invitation;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult;
import id.gerai.survey.SurveyAnswered;
import id.gerai.survey.SurveyRecords;
import id.gerai.survey.Surveys;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey end to end on the real database: invitation on completion (and its e-mail), the applicant's single,
 * final response, the kiosk, the append-only table, the IKM figures, the follow-up plan and publication, the public
 * report with its PDF and CSV, the API, and the walls between tenants.
 */
@GeraiIntegrationTest
class SurveyIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired Surveys surveys;
    @Autowired SurveyRecords records;
    @Autowired SurveyService service;
    @Autowired TenancyApi tenancy;
    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;

    static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("u1", "4"), Map.entry("u2", "3"), Map.entry("u3", "3"),
            Map.entry("u4", "4"), Map.entry("u5", "4"), Map.entry("u6", "3"), Map.entry("u7", "4"), Map.entry("u8", "2"),
            Map.entry("u9", "3"), Map.entry("sex", "P"), Map.entry("age", "A_30_39"), Map.entry("education", "S1"),
            Map.entry("occupation", "SWASTA"), Map.entry("suggestion", "Ruang tunggu kurang kursi."));

    @Test
    void theApplicantAnswersOnceAndTheFiguresFollow() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Approved a = docs.approved();
        Tenant tenant = a.tenant();

        Invitation invitation = surveys.invitationFor(tenant.id(), a.applicationId()).orElseThrow();
        assertThat(invitation.open()).isTrue();
        assertThat(invitation.answered()).isFalse();
        assertThat(invitation.url()).isEqualTo("/survey/" + a.tracking());
        // the e-mail with the link is in the outbox
        long mails = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select count(*) from notification_outbox where tenant_id = ? and body like ?")
                .params(tenant.id().value(), "%/survey/" + a.tracking() + "%").query(Long.class).single());
        assertThat(mails).isEqualTo(1);

        Cookie citizen = login(a.citizen());
        // the applicant's page of the application invites them
        String page = mvc.perform(get("/applications/" + a.tracking()).cookie(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"survey-invite\"").contains("href=\"/survey/" + a.tracking() + "\"");
        mvc.perform(get("/survey/" + a.tracking()).cookie(citizen)).andExpect(status().isOk());
        // somebody else's questionnaire does not exist for them
        Cookie stranger = login(fixtures.citizen());
        mvc.perform(get("/survey/" + a.tracking()).cookie(stranger)).andExpect(status().isNotFound());
        mvc.perform(answer("/survey/" + a.tracking(), stranger, ANSWERS)).andExpect(status().isNotFound());

        // a missing answer is named and nothing is written
        Map<String, String> incomplete = new java.util.HashMap<>(ANSWERS);
        incomplete.remove("u5");
        mvc.perform(answer("/survey/" + a.tracking(), citizen, incomplete)).andExpect(status().isUnprocessableContent());
        assertThat(responses(tenant)).isZero();

        mvc.perform(answer("/survey/" + a.tracking(), citizen, ANSWERS)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("thanks", true));
        assertThat(responses(tenant)).isEqualTo(1);
        // a second submission: a clear answer, no second row
        mvc.perform(answer("/survey/" + a.tracking(), citizen, ANSWERS)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problemKey", "error.survey-not-found".replace("not-found", "already-answered")));
        assertThat(responses(tenant)).isEqualTo(1);
        assertThat(surveys.invitationFor(tenant.id(), a.applicationId()).orElseThrow())
                .extracting(Invitation::open, Invitation::answered).containsExactly(false, true);
        assertThat(mvc.perform(get("/applications/" + a.tracking()).cookie(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("id=\"survey-invite\"").doesNotContain("href=\"/survey/" + a.tracking() + "\"");

        // the figures of the year
        LocalDate today = service.today(tenant.id());
        SkmResult result = surveys.results(tenant.id(), Period.year(today.getYear()));
        assertThat(result.total().ikm().respondents()).isEqualTo(1);
        assertThat(result.total().ikm().sums()).containsExactly(4L, 3L, 3L, 4L, 4L, 3L, 4L, 2L, 3L);
        assertThat(result.total().ikm().converted()).isEqualByComparingTo("83.33"); // 30 / 9 x 25
        assertThat(result.total().ikm().grade()).isEqualTo(Grade.B);
        assertThat(result.total().population()).isEqualTo(1);
        assertThat(result.total().minimumSample()).isEqualTo(1);
        assertThat(result.total().provisional()).isFalse();
        assertThat(result.services()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(a.office().service().serviceId()));
        assertThat(result.profile().get("sex")).containsEntry("P", 1L).containsEntry("L", 0L);

        // replayed as the event recorded with it
        List<SurveyAnswered> replayed = new ArrayList<>();
        records.replay(tenant.id(), replayed::add);
        assertThat(replayed).singleElement().satisfies(e -> {
            assertThat(e.applicationId()).isEqualTo(a.applicationId());
            assertThat(e.answers()).containsExactly(4, 3, 3, 4, 4, 3, 4, 2, 3);
            assertThat(e.answeredOn()).isEqualTo(today);
        });
        // audited
        assertThat(audit(tenant, "survey.response.recorded")).isEqualTo(1);
    }

    @Test
    void responsesCannotBeChangedEvenByTheOwnerOrASuperuser() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID id = recordPast(tenant, LocalDate.now().minusDays(1), 4);
        assertThatThrownBy(() -> TenantContext.run(tenant.id(), () -> jdbc.sql("update survey_response set u1 = 1 where tenant_id = ? and id = ?")
                .params(tenant.id().value(), id).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.run(tenant.id(), () -> jdbc.sql("delete from survey_response where tenant_id = ? and id = ?")
                .params(tenant.id().value(), id).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("update survey_response set u1 = 1 where id = '" + id + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("delete from survey_response where id = '" + id + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("truncate survey_response")).hasMessageContaining("append-only");
        }
        assertThat(responses(tenant)).isEqualTo(1);
    }

    @Test
    void theKioskTakesWalkInResponsesOnceEach() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID point = tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MPP1", "MPP Uji", ServicePointKind.MPP, "Jl. Uji 1", null, 4));
        Cookie officer = login(fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET));
        mvc.perform(get("/manage/" + tenant.slug() + "/kiosk").cookie(officer)).andExpect(status().isOk());
        String run = "/manage/" + tenant.slug() + "/kiosk/run";
        mvc.perform(get(run).param("point", point.toString()).cookie(officer)).andExpect(status().isOk());
        UUID responseId = UUID.randomUUID();
        Map<String, String> form = new java.util.HashMap<>(ANSWERS);
        form.put("point", point.toString());
        form.put("responseId", responseId.toString());
        mvc.perform(answer(run, officer, form)).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("thanks", true));
        // a double tap sends the same form again: one response
        mvc.perform(answer(run, officer, form)).andExpect(status().is3xxRedirection());
        assertThat(responses(tenant)).isEqualTo(1);
        SkmResult r = surveys.results(tenant.id(), Period.year(service.today(tenant.id()).getYear()));
        assertThat(r.servicePoints()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(point);
            assertThat(f.name()).isEqualTo("MPP Uji");
            assertThat(f.ikm().respondents()).isEqualTo(1);
        });
        assertThat(r.services()).singleElement().satisfies(f -> assertThat(f.id()).isNull());

        // a citizen may not run a kiosk; another tenant's officer may not run this one
        mvc.perform(get("/manage/" + tenant.slug() + "/kiosk").cookie(login(fixtures.citizen()))).andExpect(status().isForbidden());
        Tenant other = fixtures.newTenant();
        Cookie otherOfficer = login(fixtures.staffWithRole(other, Role.PETUGAS_LOKET));
        form.put("responseId", UUID.randomUUID().toString());
        mvc.perform(answer(run, otherOfficer, form)).andExpect(status().isForbidden());
        assertThat(responses(tenant)).isEqualTo(1);
    }

    @Test
    void theManagerPlansAndPublishesAnEndedPeriodAndThePublicSeesIt() throws Exception {
        Tenant tenant = fixtures.newTenant();
        LocalDate today = service.today(tenant.id());
        Period last = Period.quarterOf(today.minusMonths(3));
        for (int i = 0; i < 5; i++) {
            recordPast(tenant, last.from().plusDays(i), i % 2 == 0 ? 4 : 3);
        }
        Cookie manager = login(fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
        String base = "/manage/" + tenant.slug() + "/skm";
        mvc.perform(get(base).param("period", last.toString()).cookie(manager)).andExpect(status().isOk());

        // not without a plan
        mvc.perform(form(base + "/" + last + "/publish", manager)).andExpect(flash().attribute("problemKey", "error.survey-followup-required"));
        // a bad plan line is refused field by field
        mvc.perform(form(base + "/" + last + "/followups", manager).param("element", "U8").param("action", "").param("owner", "Kepala MPP")
                .param("targetDate", "x")).andExpect(flash().attributeExists("errors"));
        mvc.perform(form(base + "/" + last + "/followups", manager).param("element", "U8").param("action", "Tambah kursi ruang tunggu")
                .param("owner", "Kepala UPT MPP").param("targetDate", today.plusMonths(2).toString()))
                .andExpect(flash().attribute("noticeKey", "survey.manage.followup.added"));
        // another tenant's manager can neither plan nor publish here
        Tenant other = fixtures.newTenant();
        Cookie otherManager = login(fixtures.staffWithRole(other, Role.PENGELOLA_MPP));
        mvc.perform(form(base + "/" + last + "/publish", otherManager)).andExpect(status().isForbidden());
        mvc.perform(get(base).param("period", last.toString()).cookie(otherManager)).andExpect(status().isForbidden());
        // the running quarter cannot be published yet
        mvc.perform(form(base + "/" + Period.quarterOf(today) + "/publish", manager))
                .andExpect(flash().attribute("problemKey", "error.survey-period-not-ended"));

        mvc.perform(form(base + "/" + last + "/publish", manager)).andExpect(flash().attribute("noticeKey", "survey.manage.published"));
        SkmResult r = surveys.results(tenant.id(), last);
        assertThat(r.published()).isTrue();
        assertThat(r.publication().respondents()).isEqualTo(5);
        assertThat(surveys.published(tenant.id())).containsExactly(last);
        assertThat(audit(tenant, "survey.period.published")).isEqualTo(1);
        assertThat(audit(tenant, "survey.followup.added")).isEqualTo(1);
        // published: the plan is final
        mvc.perform(form(base + "/" + last + "/followups", manager).param("element", "U1").param("action", "x").param("owner", "y")
                .param("targetDate", today.toString())).andExpect(flash().attribute("problemKey", "error.survey-period-published"));

        // the public page, without login
        String page = mvc.perform(get("/skm/" + tenant.slug() + "/" + last)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-status=\"published\"").contains("Tambah kursi ruang tunggu").contains("id=\"skm-respondents\">5<");
        // 5 respondents, all 4 or all 3: (3 x 36 + 2 x 27) / 45 = 3.6 -> 90.00, A
        assertThat(page).contains("data-score=\"90.00\"").contains("data-grade=\"A\"");

        byte[] pdf = mvc.perform(get("/skm/" + tenant.slug() + "/" + last + "/report.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Indeks Kepuasan Masyarakat " + tenant.name()).contains("90.00").contains("Sangat Baik")
                    .contains("Tambah kursi ruang tunggu").contains("U9 Penanganan pengaduan");
        }
        String csv = mvc.perform(get("/skm/" + tenant.slug() + "/" + last + "/data.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().toList()).anySatisfy(l -> assertThat(l).startsWith("tenant,").contains(",90.00,").contains(",A,"));
        assertThat(csv.lines().filter(l -> l.startsWith("element,"))).hasSize(9);

        mvc.perform(get("/api/tenants/" + tenant.slug() + "/skm/" + last)).andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.total.respondents").value(5))
                .andExpect(jsonPath("$.total.score").value(90.00))
                .andExpect(jsonPath("$.total.grade").value("A"))
                .andExpect(jsonPath("$.total.elements.length()").value(9))
                .andExpect(jsonPath("$.followUps[0].element").value("U8"));
        mvc.perform(get("/api/tenants/" + tenant.slug() + "/skm/periods")).andExpect(status().isOk())
                .andExpect(jsonPath("$.published[0]").value(last.toString()));
        mvc.perform(get("/api/tenants/" + tenant.slug() + "/skm/2026-Q9")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("survey-period-invalid"));
        // another tenant's result holds none of this tenant's responses
        assertThat(surveys.results(other.id(), last).total().ikm().respondents()).isZero();
    }

    @Autowired DemoSurveys demo;

    @Test
    void theDemoAnswersCompletedApplicationsFillsKiosksAndPublishesLastQuarter() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Office office = docs.office();
        tenancy.createServicePoint(office.tenant().id(), new TenancyApi.NewServicePoint("MPP1", "MPP Demo", ServicePointKind.MPP, "Jl. 1", null, 2));
        DocumentFixtures.Approved a = docs.approved(office, fixtures.citizen(), id.gerai.application.ApplicationSamples.validData());
        int loaded = demo.load(a.tenant(), true);
        assertThat(loaded).isEqualTo(1 + 48 + 24);
        assertThat(responses(a.tenant())).isEqualTo(loaded);
        assertThat(surveys.invitationFor(a.tenant().id(), a.applicationId()).orElseThrow().answered()).isTrue();
        Period last = Period.quarterOf(service.today(a.tenant().id()).minusMonths(3));
        SkmResult r = surveys.results(a.tenant().id(), last);
        assertThat(r.published()).isTrue();
        assertThat(r.total().ikm().respondents()).isEqualTo(48);
        assertThat(r.followUps()).hasSize(2);
    }

    private UUID recordPast(Tenant tenant, LocalDate day, int score) {
        UUID id = UUID.randomUUID();
        List<Integer> scores = java.util.Collections.nCopies(9, score);
        Answers answers = new Answers(scores, Respondent.Sex.L, Respondent.AgeBand.A_40_49, Respondent.Education.SMA,
                Respondent.Occupation.WIRAUSAHA, null);
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> service.record(new SurveyRepository.ResponseRow(tenant.id(), id,
                SurveyService.CHANNEL_KIOSK, null, null, null, null, day, day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), answers,
                null), "test")));
        return id;
    }

    private long responses(Tenant tenant) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("select count(*) from survey_response where tenant_id = ?")
                .param(tenant.id().value()).query(Long.class).single());
    }

    private long audit(Tenant tenant, String action) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("select count(*) from audit_record where tenant_id = ? and action = ?")
                .params(tenant.id().value(), action).query(Long.class).single());
    }

    private MockHttpServletRequestBuilder answer(String path, Cookie session, Map<String, String> values) {
        MockHttpServletRequestBuilder r = form(path, session);
        values.forEach(r::param);
        return r;
    }

    private MockHttpServletRequestBuilder form(String path, Cookie session) {
        return post(path).with(csrf()).cookie(session);
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    static Instant unused() {
        return Instant.EPOCH;
    }

    static ServicePoint unusedPoint() {
        return null;
    }
}
