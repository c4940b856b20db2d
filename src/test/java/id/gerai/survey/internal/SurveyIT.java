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
            assertThat(e.serviceId()).isEqualTo(a.office().service().serviceId());
            assertThat(e.answers()).containsExactly(4, 3, 3, 4, 4, 3, 4, 2, 3);
            assertThat(e.answeredOn()).isEqualTo(today);
        });
        // audited
        assertThat(audit(tenant, "survey.response.recorded")).isEqualTo(1);
    }

    @Autowired SurveyRepository repo;
    @Autowired SurveyInvitationPurge purge;
    @Autowired id.gerai.performance.PerformanceFigures figures;

    @Test
    void aStoredResponseNamesNeitherTheApplicationNorTheApplicant() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Approved a = docs.approved();
        Tenant tenant = a.tenant();
        SurveyRepository.InvitationRow invitation = TenantContext.call(tenant.id(), () -> repo.invitation(tenant.id(), a.applicationId()))
                .orElseThrow();
        String nik = TenantContext.callAcrossTenants(() -> jdbc.sql("select applicant_nik from application where id = ?")
                .param(a.applicationId()).query(String.class).single());
        Cookie citizen = login(a.citizen());
        mvc.perform(answer("/survey/" + a.tracking(), citizen, ANSWERS)).andExpect(flash().attribute("thanks", true));
        // the same "already answered" as before, decided by the invitation's flag now
        mvc.perform(answer("/survey/" + a.tracking(), citizen, ANSWERS))
                .andExpect(flash().attribute("problemKey", "error.survey-already-answered"));
        assertThat(responses(tenant)).isEqualTo(1);
        // the guarded update refuses a second answer even past the page's check (two submissions at once)
        Boolean again = TenantContext.call(tenant.id(), () -> tx.execute(s -> repo.markAnswered(tenant.id(), a.applicationId())));
        assertThat(again).isFalse();

        // no column could name the application, its tracking number or the account
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_response'")
                .query(String.class).list();
        assertThat(columns).contains("answered_on", "answered_at", "u1", "service_id")
                .allSatisfy(c -> assertThat(c).doesNotContain("application", "tracking", "applicant", "account", "nik"));
        // and no value of the row does
        Map<String, Object> row = TenantContext.call(tenant.id(), () -> jdbc.sql("select * from survey_response where tenant_id = ?")
                .param(tenant.id().value()).query().singleRow());
        assertThat(row.get("channel")).isEqualTo("APPLICATION");
        assertThat(row.get("recorded_by")).isNull();
        assertThat(row.values()).extracting(String::valueOf).doesNotContain(a.applicationId().toString(), a.tracking(),
                invitation.applicantId().toString(), nik);
        // nor does its audit record, which is not the applicant's
        Map<String, Object> recorded = TenantContext.call(tenant.id(), () -> jdbc.sql(
                        "select actor, after_data::text as after from audit_record where tenant_id = ? and action = 'survey.response.recorded'")
                .param(tenant.id().value()).query().singleRow());
        assertThat(recorded.get("actor")).isEqualTo("anonymous");
        assertThat((String) recorded.get("after")).doesNotContain(a.applicationId().toString(), a.tracking(),
                invitation.applicantId().toString());
        // the invitation says "answered" and no more: no time that would point at the response
        assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_invitation'")
                .query(String.class).list()).contains("answered").noneSatisfy(c -> assertThat(c).startsWith("answered_"));
    }

    @Test
    void invitationsThatCanNoLongerBeAnsweredArePurgedAndTheFiguresStay() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Office office = docs.office();
        DocumentFixtures.Approved answered = docs.approved(office, fixtures.citizen(), id.gerai.application.ApplicationSamples.validData());
        DocumentFixtures.Approved open = docs.approved(office, fixtures.citizen(), id.gerai.application.ApplicationSamples.validData());
        DocumentFixtures.Approved expired = docs.approved();
        Tenant tenant = office.tenant();
        mvc.perform(answer("/survey/" + answered.tracking(), login(answered.citizen()), ANSWERS))
                .andExpect(flash().attribute("thanks", true));
        // completed 91 days ago: past the 90 days of gerai.survey.invitation-validity
        TenantContext.run(expired.tenant().id(), () -> jdbc.sql(
                        "update survey_invitation set completed_at = now() - interval '91 days' where tenant_id = ? and application_id = ?")
                .params(expired.tenant().id().value(), expired.applicationId()).update());
        mvc.perform(answer("/survey/" + expired.tracking(), login(expired.citizen()), ANSWERS))
                .andExpect(flash().attribute("problemKey", "error.survey-closed"));

        Period year = Period.year(service.today(tenant.id()).getYear());
        SkmResult before = surveys.results(tenant.id(), year);
        figures.fold();
        Map<String, Object> perfBefore = perf(tenant);
        assertThat(before.total().ikm().respondents()).isEqualTo(1);
        assertThat(((Number) perfBefore.get("n")).longValue()).isEqualTo(1);

        assertThat(purge.purgeNow()).isGreaterThanOrEqualTo(2);

        assertThat(invitations(tenant)).containsExactly(open.applicationId());
        assertThat(invitations(expired.tenant())).isEmpty();
        assertThat(purgeAudit(tenant)).containsExactly(1);
        assertThat(purgeAudit(expired.tenant())).containsExactly(1);
        // the open one is untouched and still open
        assertThat(surveys.invitationFor(tenant.id(), open.applicationId()).orElseThrow().open()).isTrue();
        // a second round finds nothing more here
        purge.purgeNow();
        assertThat(invitations(tenant)).containsExactly(open.applicationId());
        assertThat(purgeAudit(tenant)).containsExactly(1);

        // the pages answer as for an application without an invitation: no card, the questionnaire not found
        for (DocumentFixtures.Approved gone : List.of(answered, expired)) {
            Cookie citizen = login(gone.citizen());
            assertThat(surveys.invitationFor(gone.tenant().id(), gone.applicationId())).isEmpty();
            assertThat(mvc.perform(get("/applications/" + gone.tracking()).cookie(citizen)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).doesNotContain("survey-invite");
            mvc.perform(get("/survey/" + gone.tracking()).cookie(citizen)).andExpect(status().isNotFound());
            mvc.perform(answer("/survey/" + gone.tracking(), citizen, ANSWERS)).andExpect(status().isNotFound());
        }
        assertThat(responses(tenant)).isEqualTo(1);

        // the application completes once: its last task cannot be approved again, so it is never invited again
        String task = TenantContext.call(tenant.id(), () -> jdbc.sql(
                        "select id::text from application_task where tenant_id = ? and application_id = ? order by stage desc limit 1")
                .params(tenant.id().value(), answered.applicationId()).query(String.class).single());
        int refused = mvc.perform(DocumentFixtures.as(post("/api/tenants/" + tenant.slug() + "/tasks/" + task + "/decision"),
                        office.official()).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isBetween(400, 499);
        // a late repeat of an expired completion is not invited again either
        TenantContext.run(expired.tenant().id(), () -> tx.executeWithoutResult(s -> service.invite(new id.gerai.application.ApplicationCompleted(
                expired.tenant().id(), expired.applicationId(), expired.tracking(), expired.office().service().serviceId(), 1,
                expired.office().agency(), null, Instant.now().minus(java.time.Duration.ofDays(91))))));
        assertThat(invitations(tenant)).containsExactly(open.applicationId());
        assertThat(invitations(expired.tenant())).isEmpty();

        // the figures are those of before, and so are the performance figures, also when made again from the responses
        SkmResult after = surveys.results(tenant.id(), year);
        assertThat(after.total().ikm()).isEqualTo(before.total().ikm());
        assertThat(after.services()).isEqualTo(before.services());
        assertThat(after.profile()).isEqualTo(before.profile());
        figures.fold();
        assertThat(perf(tenant)).isEqualTo(perfBefore);
        figures.rebuild(tenant.id());
        assertThat(perf(tenant)).isEqualTo(perfBefore);
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
                SurveyService.CHANNEL_KIOSK, null, null, null, day, day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), answers,
                null), "test")));
        return id;
    }

    private List<UUID> invitations(Tenant tenant) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("select application_id from survey_invitation where tenant_id = ?")
                .param(tenant.id().value()).query(UUID.class).list());
    }

    /** The counts of the tenant's purge audit records. */
    private List<Integer> purgeAudit(Tenant tenant) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        select (after_data ->> 'deleted')::int from audit_record
                        where tenant_id = ? and action = 'survey.invitation.purged' and actor = 'system'""")
                .param(tenant.id().value()).query(Integer.class).list());
    }

    /** The tenant's survey answers in the performance figures: count and element sums. */
    private Map<String, Object> perf(Tenant tenant) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql(
                        "select coalesce(sum(ikm_n), 0) as n, perf_sum(ikm_sum)::text as sums from perf_daily where tenant_id = ?")
                .param(tenant.id().value()).query().singleRow());
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
