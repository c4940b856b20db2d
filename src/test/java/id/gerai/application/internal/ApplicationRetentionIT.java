package id.gerai.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationSamples;
import id.gerai.application.ApplicationStatusChanged;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.platform.blob.BlobStore;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention of applications against the real database and blob folder: old drafts are deleted with their files,
 * old closed applications are anonymised once (their history, tasks and public facts kept), open and recently closed
 * ones are left alone, a file another application still holds stays, each tenant's audit log gets the count, and
 * every page and API answer of an anonymised application works and says why its data is gone.
 */
@GeraiIntegrationTest
class ApplicationRetentionIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired BlobStore blobs;
    @Value("${gerai.blobs.dir:${gerai.data-dir}/blobs}") Path blobRoot;
    @Autowired ApplicationRetention retention;
    @Autowired StatusChangeReplay replay;

    private record Setup(Tenant tenant, ServiceVersion service, String citizen, String manager, String officer) {
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("DESA01", "Kantor Desa Sukarasa",
                ServicePointKind.VILLAGE_OFFICE, "Jl. Desa 1", fixtures.villageOf(t), 1));
        return new Setup(t, service, fixtures.citizen(), fixtures.staffWithRole(t, Role.PENGELOLA_MPP),
                fixtures.staffWithRole(t, Role.PETUGAS_LOKET, null, point));
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B r, String email) {
        return r.with(httpBasic(email, Fixtures.PASSWORD));
    }

    /** A real PDF no other test uploads: its own hash. */
    private static byte[] uniquePdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% retensi "
                + UUID.randomUUID() + "\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes a stored file two hours old, as the files of records past their retention are: a file stored within the
     * last hour is spared (an upload of the same bytes may not have committed its row yet).
     */
    private void ageFile(byte[] content) throws Exception {
        String sha = sha256(content);
        Files.setLastModifiedTime(blobRoot.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha),
                FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Filed online by the citizen with {@code skl} as its document; submitted or left a draft. */
    private String file(Setup s, byte[] skl, boolean submit) throws Exception {
        var r = multipart("/api/tenants/" + s.tenant().slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", s.service().serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", submit))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", skl));
        JsonNode filed = json.readTree(mvc.perform(as(r, s.citizen())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        return filed.get("trackingNo").asString();
    }

    private void withdraw(String tracking, String who, String reason) throws Exception {
        mvc.perform(as(post("/api/applications/" + tracking + "/withdraw"), who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", reason)))).andExpect(status().isOk());
    }

    /** Moves every time of the application {@code days} into the past, as if it had been filed and closed then. */
    private void age(String tracking, int days) {
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        update application set created_at = created_at - make_interval(days => ?),
                            updated_at = updated_at - make_interval(days => ?),
                            submitted_at = submitted_at - make_interval(days => ?), due_at = due_at - make_interval(days => ?),
                            decided_at = decided_at - make_interval(days => ?)
                        where tracking_no = ?""")
                .params(days, days, days, days, days, tracking).update());
    }

    private Map<String, Object> row(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select applicant_id, applicant_name, applicant_nik, applicant_email, applicant_phone, form_data::text as data,
                               correction::text as correction, decision_reason, anonymised_at, status, access_code,
                               (select count(*) from application_document d where d.tenant_id = a.tenant_id and d.application_id = a.id) as docs,
                               (select count(*) from application_note n where n.tenant_id = a.tenant_id and n.application_id = a.id) as notes,
                               (select count(*) from application_task t where t.tenant_id = a.tenant_id and t.application_id = a.id) as tasks,
                               (select count(*) from application_history h where h.tenant_id = a.tenant_id and h.application_id = a.id) as history,
                               (select count(*) from application_history h where h.tenant_id = a.tenant_id and h.application_id = a.id
                                  and h.detail::text like '%reason%') as reasons
                        from application a where tracking_no = ?""")
                .param(tracking).query().listOfRows().stream().findFirst().orElse(null));
    }

    private List<String> audits(Setup s, String action) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor || ' ' || after_data::text from audit_record where tenant_id = ? and action = ?""")
                .params(s.tenant().id().value(), action).query(String.class).list());
    }

    /** The status changes the performance figures of the tenant are rebuilt from. */
    private List<ApplicationStatusChanged> figureSource(Setup s) {
        List<ApplicationStatusChanged> changes = new ArrayList<>();
        replay.replay(s.tenant().id(), changes::add);
        return changes;
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String path, Cookie who) throws Exception {
        return mvc.perform(get(path).cookie(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void oldDraftsGoAndOldClosedApplicationsLoseTheirPersonalDataOnce() throws Exception {
        Setup s = setup();
        byte[] draftFile = uniquePdf();
        byte[] closedFile = uniquePdf();
        byte[] sharedFile = uniquePdf();
        String oldDraft = file(s, draftFile, false);
        String recentDraft = file(s, uniquePdf(), false);
        String oldClosed = file(s, closedFile, true);
        String oldShared = file(s, sharedFile, true);
        String openSharing = file(s, sharedFile, true);
        String recentClosed = file(s, uniquePdf(), true);
        withdraw(oldClosed, s.citizen(), "Salah pilih layanan, maaf Bu Sari");
        withdraw(oldShared, s.citizen(), "Sudah diurus di kota lain");
        withdraw(recentClosed, s.citizen(), "Tidak jadi");
        mvc.perform(as(post("/api/applications/" + oldClosed + "/notes"), s.manager()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Pemohon menelepon, nomor HP 0812-3456-7890\"}")).andExpect(status().is2xxSuccessful());
        age(oldDraft, 181);
        age(oldClosed, 1827);
        age(oldShared, 1900);
        age(openSharing, 2000); // old, but still in process
        age(recentClosed, 1000);
        Map<String, Object> openBefore = row(openSharing);
        Map<String, Object> recentBefore = row(recentClosed);
        Map<String, Object> closedBefore = row(oldClosed);
        List<ApplicationStatusChanged> figuresBefore = figureSource(s);
        assertThat(closedBefore.get("notes")).isEqualTo(1L);
        assertThat(closedBefore.get("reasons")).isEqualTo(1L);
        assertThat(List.of(sha256(draftFile), sha256(closedFile), sha256(sharedFile))).allMatch(blobs::exists);
        ageFile(draftFile);
        ageFile(closedFile);
        ageFile(sharedFile);

        assertThat(retention.purgeDraftsNow()).isGreaterThanOrEqualTo(1);
        assertThat(retention.anonymiseNow()).isGreaterThanOrEqualTo(2);

        // what the performance figures are made from is the same as before
        assertThat(figureSource(s)).hasSize(figuresBefore.size()).containsExactlyInAnyOrderElementsOf(figuresBefore);
        assertThat(figuresBefore).hasSize(7); // four submissions, three withdrawals
        // the old draft is gone with its file; the recent one stays
        assertThat(row(oldDraft)).isNull();
        assertThat(row(recentDraft)).isNotNull();
        assertThat(blobs.exists(sha256(draftFile))).isFalse();
        // the old closed applications keep their row, tasks and history; the personal data is gone
        for (String tracking : List.of(oldClosed, oldShared)) {
            Map<String, Object> r = row(tracking);
            assertThat(r.get("anonymised_at")).as(tracking).isNotNull();
            assertThat(r.get("status")).isEqualTo("WITHDRAWN");
            assertThat(r).containsEntry("applicant_id", null).containsEntry("applicant_name", null)
                    .containsEntry("applicant_nik", null).containsEntry("applicant_email", null)
                    .containsEntry("applicant_phone", null).containsEntry("correction", null).containsEntry("decision_reason", null)
                    .containsEntry("data", "{}").containsEntry("docs", 0L).containsEntry("notes", 0L).containsEntry("reasons", 0L);
        }
        Map<String, Object> closedAfter = row(oldClosed);
        assertThat(closedAfter.get("history")).isEqualTo(closedBefore.get("history"));
        assertThat(closedAfter.get("tasks")).isEqualTo(closedBefore.get("tasks"));
        assertThat(closedAfter.get("access_code")).isEqualTo(closedBefore.get("access_code"));
        // its own file went; the file another (open) application still holds stays
        assertThat(blobs.exists(sha256(closedFile))).isFalse();
        assertThat(blobs.exists(sha256(sharedFile))).isTrue();
        // open and recently closed applications are untouched, however old
        assertThat(row(openSharing)).isEqualTo(openBefore);
        assertThat(row(recentClosed)).isEqualTo(recentBefore);
        // the tenant's audit log has the counts, by the system, and nothing of the data
        assertThat(audits(s, "application.drafts.purged")).singleElement()
                .satisfies(a -> assertThat(a).startsWith("system ").contains("\"deleted\": 1"));
        assertThat(audits(s, "application.personal-data.anonymised")).singleElement()
                .satisfies(a -> assertThat(a).startsWith("system ").contains("\"anonymised\": 2").doesNotContain("Salah pilih")
                        .doesNotContain("Putri"));

        // a second round finds nothing more of this tenant's and changes nothing
        Map<String, Object> once = row(oldClosed);
        retention.purgeDraftsNow();
        retention.anonymiseNow();
        assertThat(row(oldClosed)).isEqualTo(once);
        assertThat(row(recentDraft)).isNotNull();
        assertThat(audits(s, "application.drafts.purged")).hasSize(1);
        assertThat(audits(s, "application.personal-data.anonymised")).hasSize(1);

        // the citizen's list no longer has it
        String mine = mvc.perform(as(get("/api/applications"), s.citizen())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(mine).contains(openSharing).doesNotContain(oldClosed).doesNotContain(oldShared);
        // staff still read it: the case page and the API say the data was removed and show none of it
        String casePage = page("/manage/" + s.tenant().slug() + "/applications/" + oldClosed, login(s.manager()));
        assertThat(casePage).contains("id=\"anonymised\"").contains("telah dihapus pada").doesNotContain("Putri Lestari")
                .doesNotContain("Salah pilih").doesNotContain("0812-3456-7890").doesNotContain("surat-lahir.pdf");
        assertThat(casePage).doesNotContain("id=\"note-form\"");
        // and no note brings personal data back
        mvc.perform(as(post("/api/applications/" + oldClosed + "/notes"), s.manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Pemohon Bu Sari menelepon lagi\"}"))
                .andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("application-anonymised"));
        JsonNode api = json.readTree(mvc.perform(as(get("/api/applications/" + oldClosed), s.manager()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.get("anonymisedAt").isNull()).isFalse();
        assertThat(api.get("personalDataNotice").asString()).isEqualTo("Personal data removed at the end of its retention period.");
        assertThat(api.get("applicantName").isNull()).isTrue();
        assertThat(api.get("applicantNik").isNull()).isTrue();
        assertThat(api.get("data").isEmpty()).isTrue();
        assertThat(api.get("documents").isEmpty()).isTrue();
        assertThat(api.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(api.toString()).doesNotContain("Salah pilih").doesNotContain("Putri");
        // the public status check still answers with the tracking number and access code
        mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                "trackingNo", oldClosed, "accessCode", String.valueOf(closedAfter.get("access_code"))))))
                .andExpect(status().isOk());
    }

    @Test
    void theCounterOfficersPagesOfAnAnonymisedApplicationSayTheDataWasRemoved() throws Exception {
        Setup s = setup();
        String nik = Fixtures.validNik();
        JsonNode filed = json.readTree(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/counter/applications"), s.officer())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "service", s.service().serviceId().toString(), "nik", nik, "fullName", "Sumiati Retensi",
                                "data", ApplicationSamples.validData()))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String tracking = filed.get("trackingNo").asString();
        byte[] scan = uniquePdf();
        mvc.perform(as(multipart(HttpMethod.PUT, "/api/applications/" + tracking + "/documents/SKL")
                .file(new MockMultipartFile("file", "scan-sumiati.pdf", "application/pdf", scan)), s.officer()))
                .andExpect(status().isOk());
        mvc.perform(as(post("/api/applications/" + tracking + "/submit"), s.officer())).andExpect(status().isOk());
        withdraw(tracking, s.officer(), "Warga Sumiati membatalkan");
        age(tracking, 1827);
        ageFile(scan);

        retention.anonymiseNow();

        assertThat(blobs.exists(sha256(scan))).isFalse();
        Cookie officer = login(s.officer());
        String base = "/applications/" + tracking;
        for (String path : List.of(base, base + "/receipt")) {
            String html = page(path, officer);
            assertThat(html).as(path).contains("Dihapus sesuai masa retensi").doesNotContain("Sumiati")
                    .doesNotContain(nik.substring(nik.length() - 4) + "</").doesNotContain("NIK null");
        }
        assertThat(page(base, officer)).contains("Data pribadi pemohon").doesNotContain("scan-sumiati.pdf");
        assertThat(page(base + "?lang=en", officer)).contains("removed on").contains("Removed at the end of the retention period");
        // the officer's list of filings shows it without a name
        String counter = page("/manage/" + s.tenant().slug() + "/counter", officer);
        assertThat(counter).contains("Dihapus sesuai masa retensi").doesNotContain("Sumiati");
    }
}
