package id.gerai.application.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officers' pages over HTTP, signed in through the login form: the inbox with its counts and filters, claiming,
 * asking for a correction, approving through both steps, rejecting, internal notes, the overdue view, the counter,
 * and the walls between tenants, agencies and roles.
 */
@GeraiIntegrationTest
class ApplicationStaffPagesIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    private record Setup(Tenant tenant, UUID agency, ServiceVersion service, String citizen, String verifier, String signer,
                         String manager) {
        String manage() {
            return "/manage/" + tenant.slug();
        }
    }

    private record Filed(String tracking, String display) {
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        return new Setup(t, agency, service, fixtures.citizen(),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PENGELOLA_MPP));
    }

    // --- journeys -----------------------------------------------------------------------------------------

    @Test
    void theVerifierAsksForACorrectionThenBothOfficersApproveToCompletion() throws Exception {
        Setup s = setup();
        Filed a = file(s);
        Cookie verifier = login(s.verifier());
        String inbox = s.manage() + "/tasks";

        // the application waits in the verifier's inbox, with its counts
        String page = html(get(inbox), verifier);
        assertThat(page).contains(a.display()).contains("Verifikasi berkas").contains("Warga Uji").contains("Daring")
                .contains("id=\"count-total\">1<").contains("id=\"count-free\">1<").contains("id=\"count-mine\">0<")
                .contains("id=\"count-overdue\">0<");

        // the filters narrow the list; the counts stay those of the whole inbox
        assertThat(html(get(inbox).param("service", s.service().serviceId().toString()), verifier)).contains(a.display());
        assertThat(html(get(inbox).param("service", UUID.randomUUID().toString()), verifier)).doesNotContain(a.display());
        assertThat(html(get(inbox).param("channel", "ONLINE"), verifier)).contains(a.display());
        assertThat(html(get(inbox).param("channel", "MPP_COUNTER"), verifier)).doesNotContain(a.display())
                .contains("id=\"count-total\">1<");
        assertThat(html(get(inbox).param("due", "OVERDUE"), verifier)).doesNotContain(a.display());
        assertThat(html(get(inbox).param("mine", "true"), verifier)).doesNotContain(a.display());
        assertThat(html(get(inbox).param("free", "true"), verifier)).contains(a.display());
        assertThat(html(get(inbox).param("due", "NONSENSE").param("channel", "X"), verifier)).contains(a.display());

        // claim from the inbox: on to the application page
        UUID verify = taskId(page, a);
        mvc.perform(form(inbox + "/" + verify + "/claim", verifier).param("from", "inbox"))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()))
                .andExpect(flash().attribute("done", "application.staff.done.claimed"));
        assertThat(html(get(inbox).param("mine", "true"), verifier)).contains(a.display()).contains("id=\"count-mine\">1<");

        // the staff page: full NIK, labelled data, the document, and the decisions the step allows
        String nik = nikOf(a);
        String app = html(get(s.manage() + "/applications/" + a.tracking()), verifier);
        assertThat(app).contains(nik).contains("Nama anak").contains("Putri Lestari").contains("Perempuan")
                .contains("Surat keterangan lahir").contains("/documents/SKL")
                .contains("Setujui langkah ini").contains("Kembalikan untuk diperbaiki").contains("Tolak")
                .contains("Lepaskan tugas").contains("Budi Santoso");
        mvc.perform(get(s.manage() + "/applications/" + a.tracking() + "/documents/SKL").cookie(verifier))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(ApplicationSamples.pdf()));
        // and in English, with the design's English names
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()).param("lang", "en"), verifier))
                .contains("Form data").contains("Child&#39;s name").contains("Female").contains("Check documents")
                .contains("Birth certificate from the hospital").contains("Ask for correction").contains("Internal notes");
        assertThat(html(get(inbox).param("lang", "en"), verifier)).contains("Task inbox").contains("Claimed by you");
        // the display form of the number works too
        mvc.perform(get(s.manage() + "/applications/" + a.display()).cookie(verifier)).andExpect(status().isOk());

        // a correction needs a reason: the message is shown and the ticked boxes come back
        mvc.perform(form(inbox + "/" + verify + "/decision", verifier).param("decision", "CORRECTION")
                        .param("fields", "namaAnak").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking() + "#decide-" + verify))
                .andExpect(flash().attribute("decisionErrors", Map.of("reason", "application.error.reason-required")));
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier))
                .contains("Tuliskan alasannya; pemohon akan membacanya.")
                .containsPattern("value=\"namaAnak\"\\s+checked");
        mvc.perform(form(inbox + "/" + verify + "/decision", verifier).param("decision", "CORRECTION")
                        .param("fields", "namaAnak").param("documents", "SKL")
                        .param("reason", "Nama anak tidak sesuai surat keterangan lahir").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()))
                .andExpect(flash().attribute("done", "application.staff.done.CORRECTION"));
        JsonNode returned = api(a, s.citizen());
        assertThat(returned.get("status").asString()).isEqualTo("CORRECTION");
        assertThat(returned.get("correction").get("fields").get(0).asString()).isEqualTo("namaAnak");
        assertThat(returned.get("correction").get("documents").get(0).asString()).isEqualTo("SKL");
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier))
                .contains("Dikembalikan kepada pemohon untuk diperbaiki").contains("Nama anak tidak sesuai surat keterangan lahir");
        assertThat(html(get(inbox), verifier)).contains("id=\"count-total\">0<");

        // the citizen corrects and resubmits
        resubmit(s, a);

        // the verifier approves the reopened step; the signer approves the last one
        String again = html(get(inbox), verifier);
        UUID verify2 = taskId(again, a);
        assertThat(verify2).isNotEqualTo(verify);
        mvc.perform(form(inbox + "/" + verify2 + "/claim", verifier).param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()));
        mvc.perform(form(inbox + "/" + verify2 + "/decision", verifier).param("decision", "APPROVE").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()))
                .andExpect(flash().attribute("done", "application.staff.done.APPROVE"));
        assertThat(api(a, s.citizen()).get("status").asString()).isEqualTo("IN_PROCESS");

        Cookie signer = login(s.signer());
        String signerInbox = html(get(inbox), signer);
        assertThat(signerInbox).contains("Penandatanganan");
        UUID sign = taskId(signerInbox, a);
        mvc.perform(form(inbox + "/" + sign + "/claim", signer).param("from", "inbox")).andExpect(status().is3xxRedirection());
        // the signing step allows no correction: its form is not offered
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), signer))
                .contains("Setujui langkah ini").doesNotContain("Kembalikan untuk diperbaiki");
        var notAllowed = mvc.perform(form(inbox + "/" + sign + "/decision", signer).param("decision", "CORRECTION")
                        .param("reason", "x").param("fields", "namaAnak").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking())).andReturn();
        assertThat(((StaffSupport.Problem) notAllowed.getFlashMap().get("problem")).key()).isEqualTo("error.decision-not-allowed");
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), signer)).contains("Langkah ini tidak mengizinkan keputusan CORRECTION.");
        mvc.perform(form(inbox + "/" + sign + "/decision", signer).param("decision", "APPROVE").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()));
        assertThat(api(a, s.citizen()).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), signer))
                .contains("Permohonan selesai").contains("Petugas instansi").contains("Warga");
    }

    @Test
    void rejectionNeedsAReasonAndConflictsAreToldPlainly() throws Exception {
        Setup s = setup();
        Filed a = file(s);
        Cookie verifier = login(s.verifier());
        Cookie other = login(s.signer()); // an officer of the same role and agency
        String inbox = s.manage() + "/tasks";
        UUID task = taskId(html(get(inbox), verifier), a);

        mvc.perform(form(inbox + "/" + task + "/claim", verifier).param("from", "inbox")).andExpect(status().is3xxRedirection());
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier)).contains("Tugas sudah Anda ambil.");
        // the other officer was a moment late
        mvc.perform(form(inbox + "/" + task + "/claim", other).param("from", "inbox"))
                .andExpect(redirectedUrl(inbox));
        assertThat(html(get(inbox), other)).contains("Tugas ini sedang dikerjakan petugas lain.")
                .contains("Diambil petugas lain");
        // nor can they decide or release it
        mvc.perform(form(inbox + "/" + task + "/decision", other).param("decision", "APPROVE").param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()));
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), other))
                .contains("Tugas ini sedang dikerjakan petugas lain.").doesNotContain("Setujui langkah ini");

        // a rejection without a reason is refused with a message next to the field
        mvc.perform(form(inbox + "/" + task + "/decision", verifier).param("decision", "REJECT").param("reason", "  ")
                        .param("tracking", a.tracking()))
                .andExpect(flash().attribute("decisionErrors", Map.of("reason", "application.error.reason-required")));
        String refused = html(get(s.manage() + "/applications/" + a.tracking()), verifier);
        assertThat(refused).contains("Tuliskan alasannya; pemohon akan membacanya.").contains("id=\"r-" + task + "-reason-error\"")
                .contains("aria-invalid=\"true\"");
        assertThat(api(a, s.citizen()).get("status").asString()).isEqualTo("IN_PROCESS");

        mvc.perform(form(inbox + "/" + task + "/decision", verifier).param("decision", "REJECT")
                        .param("reason", "Bukan kelahiran di wilayah ini").param("tracking", a.tracking()))
                .andExpect(flash().attribute("done", "application.staff.done.REJECT"));
        assertThat(api(a, s.citizen()).get("status").asString()).isEqualTo("REJECTED");
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier))
                .contains("Alasan penolakan").contains("Bukan kelahiran di wilayah ini").contains("Ditolak");
        // the task is closed now
        mvc.perform(form(inbox + "/" + task + "/release", verifier).param("tracking", a.tracking()))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking()));
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier)).contains("Tugas ini sudah diputuskan atau dibatalkan.");
    }

    @Test
    void notesAreForStaffOnly() throws Exception {
        Setup s = setup();
        Filed a = file(s);
        Cookie verifier = login(s.verifier());
        String notes = s.manage() + "/applications/" + a.tracking() + "/notes";

        mvc.perform(form(notes, verifier).param("body", " "))
                .andExpect(flash().attribute("noteErrors", Map.of("body", "application.error.note")));
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier))
                .contains("Catatan harus diisi, paling panjang 4.000 karakter.");
        mvc.perform(form(notes, verifier).param("body", "Sudah ditelepon, akan datang membawa KK asli."))
                .andExpect(redirectedUrl(s.manage() + "/applications/" + a.tracking() + "#notes"));
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), verifier))
                .contains("Sudah ditelepon, akan datang membawa KK asli.").contains("Petugas PETUGAS_INSTANSI");
        // the manager reads them too; the citizen never does
        assertThat(html(get(s.manage() + "/applications/" + a.tracking()), login(s.manager())))
                .contains("Sudah ditelepon, akan datang membawa KK asli.");
        JsonNode mine = api(a, s.citizen());
        assertThat(mine.get("notes")).isEmpty();
        assertThat(mine.toString()).doesNotContain("Sudah ditelepon");
        // a citizen is no staff member at all
        Cookie citizen = login(s.citizen());
        mvc.perform(get(s.manage() + "/applications/" + a.tracking()).cookie(citizen)).andExpect(status().isForbidden());
        mvc.perform(form(notes, citizen).param("body", "Susupan")).andExpect(status().isForbidden());
    }

    @Test
    void anotherTenantsStaffSeeAndChangeNothing() throws Exception {
        Setup s = setup();
        Setup other = setup();
        Filed a = file(s);
        Cookie verifier = login(s.verifier());
        UUID task = taskId(html(get(s.manage() + "/tasks"), verifier), a);
        Cookie stranger = login(other.verifier());

        // through this tenant's pages: no role here
        mvc.perform(get(s.manage() + "/tasks").cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(get(s.manage() + "/applications/" + a.tracking()).cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(get(s.manage() + "/applications/" + a.tracking() + "/documents/SKL").cookie(stranger)).andExpect(status().isForbidden());
        mvc.perform(form(s.manage() + "/tasks/" + task + "/claim", stranger)).andExpect(status().isForbidden());
        mvc.perform(get(s.manage() + "/overdue").cookie(stranger)).andExpect(status().isForbidden());
        // through their own tenant's pages: it is not there
        mvc.perform(get(other.manage() + "/applications/" + a.tracking()).cookie(stranger)).andExpect(status().isNotFound());
        mvc.perform(get(other.manage() + "/applications/" + a.tracking() + "/documents/SKL").cookie(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(form(other.manage() + "/tasks/" + task + "/claim", stranger)).andExpect(status().isNotFound());
        assertThat(html(get(other.manage() + "/tasks"), stranger)).doesNotContain(a.display()).contains("id=\"count-total\">0<");
        // and the task is still free
        assertThat(html(get(s.manage() + "/tasks"), verifier)).contains("id=\"count-free\">1<");
        // a made-up number is a plain 404
        mvc.perform(get(s.manage() + "/applications/ZZZZZZZZZ").cookie(verifier)).andExpect(status().isNotFound());
    }

    @Test
    void theOverdueViewShowsLateTasksByAgencyToTheManagerAndTheAgencyHead() throws Exception {
        Setup s = setup();
        Filed late = file(s);
        Filed onTime = file(s);
        TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        update application_task set due_at = now() - interval '3 days 2 hours'
                        where application_id = (select id from application where tracking_no = ?)""")
                .param(late.tracking()).update());
        UUID otherAgency = fixtures.newAgency(s.tenant(), "DISNAKER");

        String page = html(get(s.manage() + "/overdue"), login(s.manager()));
        assertThat(page).contains(late.display()).doesNotContain(onTime.display()).contains("Dinas DUKCAPIL")
                .contains("1 tugas lewat tenggat.").contains("lewat 3 hari").contains("Verifikasi berkas");

        Cookie head = login(fixtures.staffWithRole(s.tenant(), Role.ADMIN_INSTANSI, s.agency(), null));
        assertThat(html(get(s.manage() + "/overdue"), head)).contains(late.display());
        assertThat(html(get(s.manage() + "/overdue").param("agency", s.agency().toString()), head)).contains(late.display());

        Cookie otherHead = login(fixtures.staffWithRole(s.tenant(), Role.ADMIN_INSTANSI, otherAgency, null));
        assertThat(html(get(s.manage() + "/overdue"), otherHead)).doesNotContain(late.display())
                .contains("Tidak ada tugas yang lewat tenggat.");
        mvc.perform(get(s.manage() + "/overdue").param("agency", s.agency().toString()).cookie(otherHead))
                .andExpect(status().isForbidden());
        mvc.perform(get(s.manage() + "/overdue").cookie(login(s.verifier()))).andExpect(status().isForbidden());

        // the verifier's inbox counts it and marks it in words
        String inbox = html(get(s.manage() + "/tasks").param("due", "OVERDUE"), login(s.verifier()));
        assertThat(inbox).contains(late.display()).doesNotContain(onTime.display()).contains("id=\"count-overdue\">1<")
                .contains("Lewat tenggat");
        // the manage page links the roles to their pages
        assertThat(html(get(s.manage()), login(s.manager()))).contains(s.manage() + "/overdue");
    }

    @Test
    void aCounterOfficerFilesForAWalkInCitizenByNik() throws Exception {
        Setup s = setup();
        UUID point = tenancy.createServicePoint(s.tenant().id(), new TenancyApi.NewServicePoint("MPP01", "MPP Kota",
                ServicePointKind.MPP, "Jl. Merdeka 1", null, 4));
        String officer = fixtures.staffWithRole(s.tenant(), Role.PETUGAS_LOKET, null, point);
        Cookie counter = login(officer);
        String base = s.manage() + "/counter";

        String page = html(get(base), counter);
        assertThat(page).contains("MPP Kota").contains(s.service().serviceId().toString()).contains("Akta Kelahiran");
        String key = value(page, "key");

        // bad NIK and no name: told field by field, nothing filed
        String refused = mvc.perform(form(base + "/applications", counter).param("nik", "1234").param("fullName", " ")
                        .param("serviceId", s.service().serviceId().toString()).param("key", key))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("NIK harus terdiri dari 16 angka.").contains("Wajib diisi.").contains("id=\"w-nik-error\"")
                .contains("value=\"" + key + "\"");
        String noService = mvc.perform(form(base + "/applications", counter).param("nik", Fixtures.validNik())
                        .param("fullName", "Sumiati").param("key", key))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noService).contains("id=\"w-serviceId-error\"");

        String nik = Fixtures.validNik();
        String location = mvc.perform(form(base + "/applications", counter).param("nik", nik).param("fullName", "Sumiati")
                        .param("phone", "081234567890").param("email", "")
                        .param("serviceId", s.service().serviceId().toString()).param("key", key))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher m = Pattern.compile("^/applications/([0-9A-Z]{9})/form$").matcher(location);
        assertThat(m.matches()).as(location).isTrue();
        String tracking = m.group(1);
        Map<String, Object> row = TenantContext.callAcrossTenants(() -> jdbc.sql(
                        "select channel, service_point_id, applicant_name, applicant_nik, status from application where tracking_no = ?")
                .param(tracking).query().singleRow());
        assertThat(row).containsEntry("channel", "MPP_COUNTER").containsEntry("service_point_id", point)
                .containsEntry("applicant_name", "Sumiati").containsEntry("applicant_nik", nik).containsEntry("status", "DRAFT");
        // the filer's pages take over: the officer fills in the form for the citizen
        assertThat(html(get(location), counter)).contains("Nama anak");
        // the same form sent again makes no second application
        mvc.perform(form(base + "/applications", counter).param("nik", nik).param("fullName", "Sumiati")
                        .param("serviceId", s.service().serviceId().toString()).param("key", key))
                .andExpect(redirectedUrl(location));

        // found by NIK, and listed as filed here
        String display = tracking.substring(0, 3) + "-" + tracking.substring(3, 6) + "-" + tracking.substring(6);
        assertThat(html(get(base).param("nik", nik), counter)).contains(display).contains("/applications/" + tracking + "/form");
        assertThat(html(get(base), counter)).contains(display);
        assertThat(html(get(base).param("nik", "12"), counter)).contains("NIK harus 16 angka.");
        assertThat(html(get(base).param("nik", Fixtures.validNik()), counter)).contains("Tidak ada permohonan dengan NIK ini");

        // only counter officers work here
        mvc.perform(get(base).cookie(login(s.verifier()))).andExpect(status().isForbidden());
        mvc.perform(form(base + "/applications", login(s.manager())).param("nik", nik).param("fullName", "Sumiati")
                .param("serviceId", s.service().serviceId().toString())).andExpect(status().isForbidden());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Filed file(Setup s) throws Exception {
        var r = multipart("/api/tenants/" + s.tenant().slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", s.service().serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", true))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()));
        JsonNode filed = json.readTree(mvc.perform(r.with(httpBasic(s.citizen(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        return new Filed(filed.get("trackingNo").asString(), filed.get("trackingDisplay").asString());
    }

    private void resubmit(Setup s, Filed a) throws Exception {
        Map<String, Object> data = ApplicationSamples.validData();
        data.put("namaAnak", "Putri Lestari Wulandari");
        mvc.perform(put("/api/applications/" + a.tracking() + "/data").with(httpBasic(s.citizen(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("data", data))))
                .andExpect(status().isOk());
        mvc.perform(multipart(HttpMethod.PUT, "/api/applications/" + a.tracking() + "/documents/SKL")
                        .file(new MockMultipartFile("file", "skl-baru.jpg", "image/jpeg", ApplicationSamples.jpeg()))
                        .with(httpBasic(s.citizen(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/applications/" + a.tracking() + "/submit").with(httpBasic(s.citizen(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    private JsonNode api(Filed a, String citizen) throws Exception {
        return json.readTree(mvc.perform(get("/api/applications/" + a.tracking()).with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String nikOf(Filed a) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select applicant_nik from application where tracking_no = ?")
                .param(a.tracking()).query(String.class).single());
    }

    /** The task of {@code a} in an inbox page (each row carries its task id). */
    private static UUID taskId(String inbox, Filed a) {
        Matcher m = Pattern.compile("data-task=\"([0-9a-f-]{36})\">\\s*<td>\\s*<a [^>]*>" + a.display() + "<")
                .matcher(inbox);
        assertThat(m.find()).as("a row for " + a.display()).isTrue();
        return UUID.fromString(m.group(1));
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    private String html(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        return mvc.perform(request.cookie(session)).andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder form(String path, Cookie session) {
        return post(path).cookie(session).with(csrf());
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }
}
