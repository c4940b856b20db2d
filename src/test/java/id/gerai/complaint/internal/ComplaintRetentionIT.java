package id.gerai.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.platform.blob.BlobStore;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention of complaints against the real database and blob folder: a finished complaint older than its retention
 * loses its reporter, texts and attachments once (its facts, rating and history kept), open and recently finished ones
 * are left alone, a file another complaint still holds stays, the tenant's audit log gets the count, and the staff
 * page, the API and the tracking page of an anonymised complaint work and say why its data is gone.
 */
@GeraiIntegrationTest
class ComplaintRetentionIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired BlobStore blobs;
    @Value("${gerai.blobs.dir:${gerai.data-dir}/blobs}") Path blobRoot;
    @Autowired ComplaintRetention retention;

    private record Setup(Tenant tenant, UUID agency, String coordinator, String citizen) {
        String api() {
            return "/api/tenants/" + tenant.slug() + "/complaints";
        }
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        return new Setup(t, agency, fixtures.staffWithRole(t, Role.PENGELOLA_MPP), fixtures.citizen());
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B r, String email) {
        return r.with(httpBasic(email, Fixtures.PASSWORD));
    }

    private static byte[] uniquePdf() {
        return ("%PDF-1.4\n1 0 obj<<>>endobj\n% bukti retensi " + UUID.randomUUID() + "\ntrailer<<>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
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

    /** Filed by the signed-in citizen with {@code pdf} attached; its tracking number and access code. */
    private String[] file(Setup s, byte[] pdf) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", s.tenant().slug());
        body.put("kind", "PENGADUAN");
        body.put("title", "Antrean KTP-el Bu Siti Retensi terlalu lama");
        body.put("body", "Saya, Siti Retensi, menunggu lima jam di loket Dukcapil di Jl. Melati 7.");
        body.put("agencyId", s.agency().toString());
        body.put("location", "Jl. Melati 7");
        body.put("name", "Siti Retensi");
        body.put("email", "siti.retensi." + UUID.randomUUID() + "@contoh.id");
        body.put("phone", "081234567890");
        JsonNode receipt = json.readTree(mvc.perform(as(multipart("/api/complaints")
                        .file(new MockMultipartFile("complaint", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(body)))
                        .file(new MockMultipartFile("files", "ktp-siti.pdf", "application/pdf", pdf)), s.citizen()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        return new String[] {receipt.get("trackingNo").asString(), receipt.get("accessCode").asString()};
    }

    private UUID idOf(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select id from complaint where tracking_no = ?")
                .param(tracking).query(UUID.class).single());
    }

    private void archive(Setup s, String tracking, String reason) throws Exception {
        mvc.perform(as(post(s.api() + "/" + idOf(tracking) + "/archive"), s.coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", reason)))).andExpect(status().isOk());
    }

    private void age(String tracking, int days) {
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        update complaint set filed_at = filed_at - make_interval(days => ?),
                            verified_at = verified_at - make_interval(days => ?), closed_at = closed_at - make_interval(days => ?)
                        where tracking_no = ?""")
                .params(days, days, days, tracking).update());
    }

    private Map<String, Object> row(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select title, body, location, reporter_id, reporter_name, reporter_nik, reporter_email, reporter_phone,
                               status_reason, anonymised_at, status, kind, agency_id, filed_at, closed_at, rating,
                               (select count(*) from complaint_attachment f where f.tenant_id = c.tenant_id and f.complaint_id = c.id) as files,
                               (select string_agg(body, '|') from complaint_message m where m.tenant_id = c.tenant_id and m.complaint_id = c.id) as messages,
                               (select count(*) from complaint_history h where h.tenant_id = c.tenant_id and h.complaint_id = c.id) as history,
                               (select count(*) from complaint_history h where h.tenant_id = c.tenant_id and h.complaint_id = c.id
                                  and h.detail::text like '%note%') as notes
                        from complaint c where tracking_no = ?""")
                .param(tracking).query().singleRow());
    }

    private List<String> audits(Setup s) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor || ' ' || after_data::text from audit_record
                        where tenant_id = ? and action = 'complaint.personal-data.anonymised'""")
                .param(s.tenant().id().value()).query(String.class).list());
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    @Test
    void oldFinishedComplaintsLoseTheirPersonalDataOnceAndTheirPagesSaySo() throws Exception {
        Setup s = setup();
        byte[] ownFile = uniquePdf();
        byte[] sharedFile = uniquePdf();
        String[] old = file(s, ownFile);
        String[] oldShared = file(s, sharedFile);
        String[] openSharing = file(s, sharedFile);
        String[] recent = file(s, uniquePdf());
        archive(s, old[0], "Sudah ditangani langsung dengan Bu Siti di loket");
        archive(s, oldShared[0], "Duplikat");
        archive(s, recent[0], "Duplikat");
        age(old[0], 1827);
        age(oldShared[0], 1900);
        age(openSharing[0], 2000); // old, but still waiting for the coordinator
        age(recent[0], 1000);
        Map<String, Object> before = row(old[0]);
        Map<String, Object> openBefore = row(openSharing[0]);
        Map<String, Object> recentBefore = row(recent[0]);
        assertThat(before.get("reporter_id")).isNotNull();
        assertThat(before.get("notes")).isEqualTo(1L);
        assertThat(blobs.exists(sha256(ownFile))).isTrue();
        ageFile(ownFile);
        ageFile(sharedFile);

        assertThat(retention.anonymiseNow()).isGreaterThanOrEqualTo(2);

        String placeholder = "Data pribadi telah dihapus sesuai masa retensi.";
        for (String tracking : List.of(old[0], oldShared[0])) {
            Map<String, Object> r = row(tracking);
            assertThat(r.get("anonymised_at")).as(tracking).isNotNull();
            assertThat(r).containsEntry("title", placeholder).containsEntry("body", placeholder).containsEntry("messages", placeholder)
                    .containsEntry("location", null).containsEntry("reporter_id", null).containsEntry("reporter_name", null)
                    .containsEntry("reporter_nik", null).containsEntry("reporter_email", null).containsEntry("reporter_phone", null)
                    .containsEntry("status_reason", null).containsEntry("files", 0L).containsEntry("notes", 0L)
                    .containsEntry("status", "ARCHIVED");
        }
        Map<String, Object> after = row(old[0]);
        for (String kept : List.of("kind", "agency_id", "filed_at", "closed_at", "rating", "history")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(blobs.exists(sha256(ownFile))).isFalse();
        assertThat(blobs.exists(sha256(sharedFile))).isTrue();
        assertThat(row(openSharing[0])).isEqualTo(openBefore);
        assertThat(row(recent[0])).isEqualTo(recentBefore);
        assertThat(audits(s)).singleElement().satisfies(a -> assertThat(a).startsWith("system ").contains("\"anonymised\": 2")
                .doesNotContain("Siti"));

        // a second round changes nothing
        retention.anonymiseNow();
        assertThat(row(old[0])).isEqualTo(after);
        assertThat(audits(s)).hasSize(1);

        // the staff page and the API still answer, with the notice and none of the data
        UUID id = idOf(old[0]);
        String staffPage = mvc.perform(get("/manage/" + s.tenant().slug() + "/complaints/" + id).cookie(login(s.coordinator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).contains("id=\"anonymised\"").contains("Dihapus sesuai masa retensi").doesNotContain("Siti")
                .doesNotContain("Melati").doesNotContain("ktp-siti.pdf");
        JsonNode api = json.readTree(mvc.perform(as(get(s.api() + "/" + id), s.coordinator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(api.get("anonymisedAt").isNull()).isFalse();
        assertThat(api.has("reporter") && !api.get("reporter").isNull()).isFalse();
        assertThat(api.get("attachments").isEmpty()).isTrue();
        assertThat(api.toString()).doesNotContain("Siti").doesNotContain("Melati");
        assertThat(api.get("personalDataNotice").asText()).isEqualTo("Data pribadi telah dihapus sesuai masa retensi.");
        JsonNode english = json.readTree(mvc.perform(as(get(s.api() + "/" + id).header("Accept-Language", "en"), s.coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.get("personalDataNotice").asText()).isEqualTo("Personal data removed at the end of its retention period.");
        // the tracking page, in English too
        String tracked = mvc.perform(post("/complaints/track").param("trackingNo", old[0]).param("accessCode", old[1])
                        .param("lang", "en").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tracked).contains("Personal data removed at the end of its retention period.").doesNotContain("Siti");
        // the reporter's own list no longer has it
        String mine = mvc.perform(as(get("/api/complaints/mine"), s.citizen())).andReturn().getResponse().getContentAsString();
        assertThat(mine).doesNotContain(old[0]);
    }
}
