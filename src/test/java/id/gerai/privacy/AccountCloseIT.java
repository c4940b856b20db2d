package id.gerai.privacy;

import id.gerai.application.ApplicationSamples;
import id.gerai.application.TrackingNumber;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.DocumentFixtures.Approved;
import id.gerai.document.DocumentFixtures.Office;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.ApiTokens;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.platform.blob.BlobStore;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static id.gerai.document.DocumentFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Tutup akun": a citizen closes their own account (UU 27/2022). Sign-in stops everywhere, the login data, tokens and
 * drafts go, submitted applications and complaints stay followable and the same NIK may register again; refused while
 * an application is in process, with a wrong password (counted), for staff and for nobody signed in.
 */
@GeraiIntegrationTest
class AccountCloseIT {

    private static final Locale ID = Locale.forLanguageTag("id");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired StaffAccounts staff;
    @Autowired ApiTokens apiTokens;
    @Autowired CitizenAccounts citizens;
    @Autowired BlobStore blobs;
    @Autowired id.gerai.tenancy.TenancyApi tenancy;
    @Value("${gerai.blobs.dir:${gerai.data-dir}/blobs}") Path blobRoot;

    @Test
    void aCitizenClosesTheirAccountAndWhatWasSubmittedStaysFollowable() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        Office o = docs.office();
        // a village office of another region, made before anything is filed there (service points are cached)
        Office village = docs.office();
        String counterOfficer = docs.counterOfficer(village, tenancy);
        String email = "tutup." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        String nik = Fixtures.validNik();
        citizens.register("Warga Penutup Akun", nik, email, "081234567890", Fixtures.PASSWORD);
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        Approved completed = docs.approved(o, email, ApplicationSamples.validData());
        Map<String, String> complaint = complain(o, email);
        byte[] draftFile = uniquePdf();
        String draft = file(o, email, draftFile, false);
        ageFile(draftFile);
        ApiTokens.IssuedToken token = apiTokens.issue(id, "skrip saya", null);
        Cookie session = login(email);
        Cookie otherDevice = login(email);

        // both account pages lead here; the page says what goes and what stays, with the configured retentions
        assertThat(page("/account", session)).contains("href=\"/account/close\"");
        assertThat(page("/account/data", session)).contains("href=\"/account/close\"");
        assertThat(page("/account/close", session))
                .contains("semua perangkat", "token API dicabut", "Draf permohonan", "dianonimkan 1.826 hari setelah ditutup",
                        "nomor lacak dan kode aksesnya", "NIK dan alamat e-mail yang sama", "id=\"close-form\"");

        mvc.perform(post("/account/close").with(csrf()).cookie(session).locale(ID)
                        .param("currentPassword", Fixtures.PASSWORD).param("confirm", "true"))
                .andExpect(redirectedUrl("/account/closed"));
        mvc.perform(get("/account/closed").locale(ID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Akun Anda sudah ditutup")));

        // signed out everywhere, and no way back in
        mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").cookie(otherDevice)).andExpect(status().is3xxRedirection());
        for (String login : List.of(email, nik)) {
            mvc.perform(post("/login").with(csrf()).param("login", login).param("password", Fixtures.PASSWORD))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.token())).andExpect(status().isUnauthorized());
        mvc.perform(as(get("/api/me"), email)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null").param(id)
                .query(Integer.class).single()).isZero();

        // the account row is emptied, not deleted
        Map<String, Object> row = jdbc.sql("select email, phone, nik, password_hash, full_name, enabled, closed_at from account where id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("nik")).isNull();
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("full_name")).isEqualTo("");
        assertThat(row.get("enabled")).isEqualTo(false);
        assertThat(row.get("closed_at")).isNotNull();

        // the draft and its file are gone
        assertThat(TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from application where tracking_no = ?")
                .param(draft).query(Integer.class).single())).isZero();
        assertThat(blobs.exists(sha256(draftFile))).isFalse();

        // the completed application: public status check, and the staff case page with the name copied on it
        mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("trackingNo", completed.tracking(), "accessCode", accessCode(completed.tracking())))))
                .andExpect(status().isOk());
        Cookie officer = login(o.verifier());
        assertThat(page("/manage/" + o.tenant().slug() + "/applications/" + completed.tracking(), officer))
                .contains("Warga Penutup Akun");
        // the complaint still tracks with its access code
        mvc.perform(post("/api/complaints/track").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(complaint)))
                .andExpect(status().isOk());

        // audited by the person, counts only
        List<Map<String, Object>> audits = audits(id);
        assertThat(audits).hasSize(1);
        assertThat(audits.getFirst().get("actor")).isEqualTo(id.toString());
        JsonNode after = json.readTree((String) audits.getFirst().get("after_data"));
        assertThat(after.get("draftsDeleted").asInt()).isEqualTo(1);
        assertThat(after.get("tokensRevoked").asInt()).isEqualTo(1);
        assertThat((String) audits.getFirst().get("after_data")).doesNotContain(nik).doesNotContain(email)
                .doesNotContain("Warga Penutup").doesNotContain(draft);

        // the NIK is free: a counter officer records the person again by it (a new record, not the closed account) ...
        mvc.perform(as(post("/api/tenants/" + village.tenant().slug() + "/counter/applications"), counterOfficer)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "service", village.service().serviceId().toString(), "nik", nik,
                                "fullName", "Warga Penutup Akun", "data", ApplicationSamples.validData()))))
                .andExpect(status().isCreated());
        UUID walkIn = jdbc.sql("select id from account where nik = ?").param(nik).query(UUID.class).single();
        assertThat(walkIn).isNotEqualTo(id);
        // ... and the same NIK and e-mail register again (claiming that record), as an account that signs in
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "fullName", "Warga Penutup Akun", "nik", nik, "email", email, "phone", "081234567890",
                        "password", Fixtures.PASSWORD, "consent", true))))
                .andExpect(status().isCreated());
        assertThat(staff.findAccountByEmail(email).orElseThrow()).isEqualTo(walkIn);
        login(email);
    }

    @Test
    void anApplicationInProcessStopsTheClosingAndNothingChanges() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        Office o = docs.office();
        String email = fixtures.citizen();
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        String inProcess = file(o, email, uniquePdf(), true);
        String draft = file(o, email, uniquePdf(), false);
        Cookie session = login(email);

        assertThat(page("/account/close", session)).contains(TrackingNumber.display(inProcess), "/applications/" + inProcess)
                .doesNotContain("id=\"close-form\"");
        mvc.perform(post("/account/close").with(csrf()).cookie(session).locale(ID)
                        .param("currentPassword", Fixtures.PASSWORD).param("confirm", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Akun Anda tidak ditutup")))
                .andExpect(content().string(containsString(TrackingNumber.display(inProcess))));
        mvc.perform(closeMe(email, Fixtures.PASSWORD, true))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("account-has-open-applications"))
                .andExpect(jsonPath("$.trackingNumbers", hasItem(inProcess)))
                .andExpect(jsonPath("$.detail", containsString(TrackingNumber.display(inProcess))));

        assertThat(jdbc.sql("select email from account where id = ?").param(id).query(String.class).single()).isEqualTo(email);
        assertThat(TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from application where tracking_no = ?")
                .param(draft).query(Integer.class).single())).isOne();
        assertThat(audits(id)).isEmpty();
        page("/account", session);
    }

    @Test
    void aWrongPasswordOrNoConfirmationIsRefusedAndTheWrongPasswordCounted() throws Exception {
        String email = fixtures.citizen();
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        Cookie session = login(email);

        mvc.perform(post("/account/close").with(csrf()).cookie(session).locale(ID)
                        .param("currentPassword", "bukan-sandinya").param("confirm", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kata sandi saat ini tidak cocok. Akun belum ditutup.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).single()).isEqualTo(1);
        // with a token, not the password: a successful password sign-in would reset the count
        ApiTokens.IssuedToken token = apiTokens.issue(id, "skrip", null);
        mvc.perform(delete("/api/me").header("Authorization", "Bearer " + token.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"bukan-sandinya-juga\",\"confirm\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currentPassword").exists());
        assertThat(jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).single()).isEqualTo(2);
        mvc.perform(closeMe(email, Fixtures.PASSWORD, false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.confirm").exists())
                .andExpect(jsonPath("$.errors.currentPassword").doesNotExist());
        mvc.perform(closeMe(email, null, true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currentPassword").exists());

        // a hand-edited confirmation that is no yes/no: the friendly 400 page, not a 500, and nothing counted
        Integer failures = jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).optional().orElse(0);
        mvc.perform(post("/account/close").with(csrf()).cookie(session).locale(ID)
                        .param("currentPassword", "bukan-sandinya").param("confirm", "abc"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).optional().orElse(0)).isEqualTo(failures);

        assertThat(jdbc.sql("select enabled from account where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(audits(id)).isEmpty();
        page("/account", session);
    }

    @Test
    void staffAndNobodySignedInAreRefused() throws Exception {
        String officer = fixtures.staffWithRole(fixtures.newTenant(), id.gerai.identity.Role.PETUGAS_LOKET);
        mvc.perform(closeMe(officer, Fixtures.PASSWORD, true))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("account-close-staff"));
        Cookie session = login(officer);
        assertThat(page("/account/close", session)).contains("Ini akun petugas").doesNotContain("id=\"close-form\"");
        assertThat(page("/account", session)).doesNotContain("href=\"/account/close\"");
        mvc.perform(post("/account/close").with(csrf()).cookie(session).locale(ID)
                        .param("currentPassword", Fixtures.PASSWORD).param("confirm", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ini akun petugas")));
        assertThat(staff.findAccountByEmail(officer)).isPresent();

        mvc.perform(delete("/api/me").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/account/close")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/close").with(csrf()).param("confirm", "true")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/me'].delete.responses['204']").exists())
                .andExpect(jsonPath("$.paths['/api/me'].delete.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/me'].delete.responses['422']").exists());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder closeMe(String email, String password,
                                                                                              boolean confirm) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentPassword", password);
        body.put("confirm", confirm);
        return as(delete("/api/me"), email).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    /** Files the sample application with {@code pdf} as its document, submitted or left a draft; its tracking number. */
    private String file(Office o, String citizen, byte[] pdf, boolean submit) throws Exception {
        var request = multipart("/api/tenants/" + o.tenant().slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", o.service().serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", submit))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", pdf));
        String body = mvc.perform(as(request, citizen)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("trackingNo").asString();
    }

    /** Files a complaint signed in as {@code citizen}; the tracking request's body (number and access code). */
    private Map<String, String> complain(Office o, String citizen) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", o.tenant().slug());
        body.put("kind", "PENGADUAN");
        body.put("title", "Loket tutup lebih awal");
        body.put("body", "Sudah dua kali saya datang pada jam layanan dan loket sudah tidak melayani pemohon.");
        body.put("agencyId", o.agency().toString());
        body.put("name", "Warga Penutup Akun");
        body.put("email", citizen);
        String answer = mvc.perform(as(post("/api/complaints"), citizen).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode receipt = json.readTree(answer);
        return Map.of("trackingNo", receipt.get("trackingNo").asString(), "accessCode", receipt.get("accessCode").asString());
    }

    private static byte[] uniquePdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% "
                + UUID.randomUUID() + ThreadLocalRandom.current().nextLong() + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Makes a file older than the blob store's grace for a just-stored upload, as an old draft's file is. */
    private void ageFile(byte[] content) throws Exception {
        String sha = sha256(content);
        Files.setLastModifiedTime(blobRoot.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha),
                FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String accessCode(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select access_code from application where tracking_no = ?")
                .param(tracking).query(String.class).single());
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session).locale(ID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private List<Map<String, Object>> audits(UUID account) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor, after_data::text as after_data from audit_record
                        where action = 'identity.account.closed' and entity_type = 'account' and entity_id = ?
                          and tenant_id is null order by id""")
                .param(account.toString()).query().listOfRows());
    }
}
