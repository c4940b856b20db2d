package id.gerai.privacy;

import id.gerai.application.ApplicationSamples;
import id.gerai.application.TrackingNumber;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.DocumentFixtures.Approved;
import id.gerai.document.DocumentFixtures.Office;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.ApiTokens;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.StaffAccounts;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.OutboxMessage;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.TenancyApi;
import jakarta.servlet.http.Cookie;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static id.gerai.document.DocumentFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Data pribadi saya": a citizen sees and takes a copy of what Gerai holds about them in every region, through the
 * page and the API alike, audited; nobody else's records come with it, and an officer gets only their own account.
 */
@GeraiIntegrationTest
class PersonalDataIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired StaffAccounts staff;
    @Autowired ApiTokens apiTokens;
    @Autowired CitizenAccounts citizens;
    @Autowired NotificationQueries outbox;
    @Autowired TenancyApi tenancy;

    private DocumentFixtures docs() {
        return new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
    }

    @Test
    void aCitizenSeesAndTakesEverythingOfTheirsInEveryRegionAndNothingOfAnyoneElse() throws Exception {
        DocumentFixtures docs = docs();
        Office a = docs.office();
        Office b = docs.office();
        // a phone of their own: every fixture citizen shares one, and messages are found by address
        String phone = "0812" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        String citizen = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        citizens.register("Warga Data Pribadi", Fixtures.validNik(), citizen, phone, Fixtures.PASSWORD);
        String nik = nikOf(citizen);
        String other = fixtures.citizen();
        // in region A: approved, so it has an issued document; in region B: submitted
        Approved approved = docs.approved(a, citizen, ApplicationSamples.validData());
        String inB = file(b, citizen);
        String othersApplication = file(a, other);
        String complaint = complain(a, citizen, citizen, "Loket tutup lebih awal dari jadwal");
        String othersComplaint = complain(a, other, other, "Antrean milik orang lain");
        // filed without an account, though with the citizen's own address: linked to nobody
        String anonymousComplaint = complain(a, null, citizen, "Laporan tanpa akun");
        ApiTokens.IssuedToken token = apiTokens.issue(accountOf(citizen), "skrip saya", null);
        IssuedDocument issued = docs.awaitIssued(approved);
        // delivery changes a message's status; let it settle, so the two copies below are taken of the same data
        awaitMailsSent(citizen);

        // the account page leads to the page; the page lists both regions' applications and masks the NIK
        Cookie session = login(citizen);
        assertThat(page("/account", session)).contains("href=\"/account/data\"");
        String page = page("/account/data", session);
        assertThat(page)
                .contains(TrackingNumber.display(approved.tracking()), TrackingNumber.display(inB))
                .contains("/applications/" + approved.tracking(), "/applications/" + inB)
                .contains(a.tenant().name(), b.tenant().name())
                .contains(nik.substring(0, 4) + "********" + nik.substring(12))
                .contains(issued.number())
                .contains("Loket tutup lebih awal dari jadwal", "/complaints/mine/" + complaint)
                .contains("skrip saya", "href=\"/account/data/export\"")
                // how long each is kept, as configured (the defaults: drafts 180 days, closed applications and
                // complaints 1826 days, sent messages 30 days)
                .contains("dihapus 180 hari setelah terakhir diubah", "dianonimkan 1.826 hari setelah ditutup",
                        "dihapus 30 hari setelah dibuat")
                .doesNotContain(nik)
                .doesNotContain(TrackingNumber.display(othersApplication))
                .doesNotContain("Antrean milik orang lain")
                .doesNotContain("Laporan tanpa akun");

        // the download: every record in full
        MockHttpServletResponse download = mvc.perform(get("/account/data/export").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"gerai-data-pribadi-" + LocalDate.now(ZoneId.of("Asia/Jakarta")) + ".json\"");
        String text = download.getContentAsString();
        JsonNode copy = json.readTree(text);
        assertThat(copy.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(copy.get("generatedAt").asString()).isNotBlank();
        assertThat(copy.at("/account/nik").asString()).isEqualTo(nik);
        assertThat(copy.at("/account/email").asString()).isEqualTo(citizen);
        assertThat(copy.at("/account/kind").asString()).isEqualTo("CITIZEN");

        JsonNode apps = copy.get("applications");
        assertThat(values(apps, "trackingNo")).containsExactlyInAnyOrder(approved.tracking(), inB);
        assertThat(values(apps, "tenantName")).containsExactlyInAnyOrder(a.tenant().name(), b.tenant().name());
        String pdfHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ApplicationSamples.pdf()));
        for (JsonNode app : apps) {
            assertThat(app.get("applicantNik").asString()).isEqualTo(nik);
            assertThat(app.at("/formData/namaAnak").asString()).isEqualTo("Putri Lestari");
            assertThat(app.at("/formData/saksi/0/nama").asString()).isEqualTo("Budi Santoso");
            assertThat(app.at("/attachments/0/code").asString()).isEqualTo("SKL");
            assertThat(app.at("/attachments/0/fileName").asString()).isEqualTo("surat-lahir.pdf");
            assertThat(app.at("/attachments/0/contentType").asString()).isEqualTo("application/pdf");
            assertThat(app.at("/attachments/0/size").asLong()).isEqualTo(ApplicationSamples.pdf().length);
            assertThat(app.at("/attachments/0/sha256").asString()).isEqualTo(pdfHash);
            assertThat(values(app.get("history"), "action")).contains("CREATED", "SUBMITTED");
        }
        JsonNode done = apps.valueStream().filter(x -> x.get("trackingNo").asString().equals(approved.tracking())).findFirst().orElseThrow();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(values(done.get("history"), "action")).contains("STAGE_COMPLETED", "COMPLETED");
        // who acted is given by role, as on the application's page: no officer's account id
        assertThat(values(done.get("history"), "actorRole")).contains("PETUGAS_INSTANSI");
        assertThat(done.get("history").get(0).has("actorId")).isFalse();
        assertThat(text).doesNotContain(accountOf(a.verifier()).toString());

        JsonNode issuedCopy = copy.get("issuedDocuments");
        assertThat(issuedCopy).hasSize(1);
        assertThat(issuedCopy.get(0).get("number").asString()).isEqualTo(issued.number());
        assertThat(issuedCopy.get(0).get("applicationTrackingNo").asString()).isEqualTo(approved.tracking());
        assertThat(issuedCopy.get(0).get("sha256").asString()).isEqualTo(issued.sha256());

        JsonNode complaints = copy.get("complaints");
        assertThat(values(complaints, "trackingNo")).containsExactly(complaint);
        assertThat(complaints.get(0).get("title").asString()).isEqualTo("Loket tutup lebih awal dari jadwal");
        assertThat(complaints.get(0).get("body").asString()).startsWith("Sudah dua kali");
        assertThat(complaints.get(0).get("tenantName").asString()).isEqualTo(a.tenant().name());

        JsonNode tokens = copy.get("apiTokens");
        assertThat(values(tokens, "name")).containsExactly("skrip saya");
        assertThat(text).doesNotContain(token.token()).doesNotContain(token.token().substring(6));

        // messages to the citizen's addresses: when and how, never what they said
        JsonNode messages = copy.get("notifications");
        assertThat(messages.size()).isPositive();
        for (JsonNode m : messages) {
            assertThat(m.get("recipient").asString()).isIn(citizen, "62" + phone.substring(1));
            assertThat(m.has("body")).isFalse();
            assertThat(m.has("subject")).isFalse();
        }
        assertThat(values(messages, "recipient")).contains(citizen);

        // nothing of the other citizen, nor of the report filed without an account
        assertThat(text).doesNotContain(nikOf(other)).doesNotContain(other).doesNotContain(othersApplication)
                .doesNotContain(othersComplaint).doesNotContain("Antrean milik orang lain")
                .doesNotContain(anonymousComplaint).doesNotContain("Laporan tanpa akun");

        // the API answers the same content (but for when it was made)
        String api = mvc.perform(as(get("/api/me/personal-data"), citizen))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(withoutGeneratedAt(json.readTree(api))).isEqualTo(withoutGeneratedAt(copy));

        // each copy taken is audited by its taker, with the counts and none of the data
        List<Map<String, Object>> audits = audits(accountOf(citizen));
        assertThat(audits).hasSize(2);
        for (Map<String, Object> row : audits) {
            assertThat(row.get("actor")).isEqualTo(accountOf(citizen).toString());
            JsonNode counts = json.readTree((String) row.get("after_data"));
            assertThat(counts.get("account").asInt()).isEqualTo(1);
            assertThat(counts.get("applications").asInt()).isEqualTo(2);
            assertThat(counts.get("issuedDocuments").asInt()).isEqualTo(1);
            assertThat(counts.get("complaints").asInt()).isEqualTo(1);
            assertThat(counts.get("apiTokens").asInt()).isEqualTo(1);
            assertThat(counts.get("notifications").asInt()).isEqualTo(messages.size());
            assertThat((String) row.get("after_data")).doesNotContain(nik).doesNotContain(approved.tracking());
        }
        assertThat(audits.stream().map(r -> json.readTree((String) r.get("after_data")).get("channel").asString()))
                .containsExactlyInAnyOrder("PAGE", "API");
        // reading the page is not taking a copy
        page("/account/data", session);
        assertThat(audits(accountOf(citizen))).hasSize(2);
    }

    @Test
    void anOfficerGetsTheirOwnAccountAndNoneOfTheApplicationsTheyWorkedOn() throws Exception {
        DocumentFixtures docs = docs();
        Office a = docs.office();
        String citizen = fixtures.citizen();
        Approved approved = docs.approved(a, citizen, ApplicationSamples.validData());

        JsonNode copy = json.readTree(mvc.perform(as(get("/api/me/personal-data"), a.verifier()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(copy.at("/account/kind").asString()).isEqualTo("STAFF");
        assertThat(copy.at("/account/email").asString()).isEqualTo(a.verifier());
        assertThat(copy.at("/account/memberships/0/role").asString()).isEqualTo("PETUGAS_INSTANSI");
        assertThat(copy.at("/account/memberships/0/tenantName").asString()).isEqualTo(a.tenant().name());
        assertThat(copy.get("applications")).isEmpty();
        assertThat(copy.get("issuedDocuments")).isEmpty();
        assertThat(copy.get("complaints")).isEmpty();
        assertThat(copy.toString()).doesNotContain(approved.tracking()).doesNotContain(nikOf(citizen));

        Cookie session = login(a.verifier());
        String page = page("/account/data", session);
        assertThat(page).doesNotContain(TrackingNumber.display(approved.tracking())).contains(a.verifier())
                .contains("Ini akun petugas");
        String english = mvc.perform(get("/account/data").cookie(session).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("My personal data", "Legal basis", "This is a staff account");
        assertThat(audits(accountOf(a.verifier()))).hasSize(1);
    }

    @Test
    void whatACounterOfficerFiledForAWalkInCitizenIsTheCitizensOnceTheySignUpAndNeverTheOfficers() throws Exception {
        DocumentFixtures docs = docs();
        Office a = docs.office();
        String officer = docs.counterOfficer(a, tenancy);
        String nik = Fixtures.validNik();
        String body = mvc.perform(as(post("/api/tenants/" + a.tenant().slug() + "/counter/applications"), officer)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "service", a.service().serviceId().toString(), "nik", nik, "fullName", "Sumiati Walk In",
                                "data", ApplicationSamples.validData()))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String tracking = json.readTree(body).get("trackingNo").asString();
        // the officer may open it (they filed it), but it is not their personal data
        mvc.perform(as(get("/api/applications/" + tracking), officer)).andExpect(status().isOk());
        JsonNode officers = json.readTree(mvc.perform(as(get("/api/me/personal-data"), officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(officers.get("applications")).isEmpty();
        assertThat(officers.toString()).doesNotContain(tracking).doesNotContain(nik);

        // the citizen signs up with the NIK and name the officer recorded: the record, and the application, are theirs
        String citizen = "walkin." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        citizens.register("Sumiati Walk In", nik, citizen, "081234567890", Fixtures.PASSWORD);
        JsonNode copy = json.readTree(mvc.perform(as(get("/api/me/personal-data"), citizen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(values(copy.get("applications"), "trackingNo")).containsExactly(tracking);
        assertThat(copy.at("/applications/0/filedAtCounter").asBoolean()).isTrue();
        assertThat(copy.at("/applications/0/channel").asString()).isNotEqualTo("ONLINE");
        assertThat(copy.at("/account/nik").asString()).isEqualTo(nik);
    }

    @Test
    void nobodySignedInGetsAnything() throws Exception {
        mvc.perform(get("/account/data")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/account/data/export")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/me/personal-data"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/api/me/personal-data").header("Authorization", "Bearer gerai_" + "A".repeat(40)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthorized"));
        // and the operation is in the OpenAPI document with its problem answers
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/me/personal-data'].get.responses['401']").exists())
                .andExpect(jsonPath("$.paths['/api/me/personal-data'].get.responses['200']").exists())
                .andExpect(jsonPath("$.components.schemas.PersonalData.properties.schemaVersion.description").exists())
                .andExpect(jsonPath("$.components.schemas.PersonalData.properties.counts").doesNotExist())
                .andExpect(jsonPath("$.tags[?(@.name == 'Accounts')].description", hasItem(startsWith("Citizen registration"))));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** Files and submits the sample application with its document in {@code o}'s region; its tracking number. */
    private String file(Office o, String citizen) throws Exception {
        var request = multipart("/api/tenants/" + o.tenant().slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", o.service().serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", true))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()));
        String body = mvc.perform(as(request, citizen)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("trackingNo").asString();
    }

    /** Files a complaint in {@code o}'s region, signed in as {@code citizen} or (null) without an account; its tracking number. */
    private String complain(Office o, String citizen, String email, String title) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", o.tenant().slug());
        body.put("kind", "PENGADUAN");
        body.put("title", title);
        body.put("body", "Sudah dua kali saya datang pada jam layanan dan loket sudah tidak melayani pemohon.");
        body.put("agencyId", o.agency().toString());
        body.put("name", "Warga Uji");
        body.put("email", email);
        var request = post("/api/complaints").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        String answer = mvc.perform(citizen == null ? request : as(request, citizen)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("trackingNo").asString();
    }

    /** Waits (at most 30 s) until no e-mail to {@code address} waits to be sent (the test mail server takes them). */
    private void awaitMailsSent(String address) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(30);
        while (outbox.recentTo(address, 100).stream().anyMatch(m -> m.status() == OutboxMessage.Status.PENDING)) {
            assertThat(java.time.Instant.now()).as("mails to " + address + " still pending").isBefore(until);
            Thread.sleep(100);
        }
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private UUID accountOf(String email) {
        return staff.findAccountByEmail(email).orElseThrow();
    }

    private String nikOf(String email) {
        return jdbc.sql("select nik from account where id = ?").param(accountOf(email)).query(String.class).single();
    }

    private List<Map<String, Object>> audits(UUID account) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor, after_data::text as after_data from audit_record
                        where action = 'identity.personal-data.exported' and entity_type = 'account' and entity_id = ?
                          and tenant_id is null order by id""")
                .param(account.toString()).query().listOfRows());
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static JsonNode withoutGeneratedAt(JsonNode copy) {
        ObjectNode o = (ObjectNode) copy.deepCopy();
        o.remove("generatedAt");
        return o;
    }
}
