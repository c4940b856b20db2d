package id.gerai.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationSamples;
import id.gerai.application.TrackingNumber;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's pages over HTTP, as a browser without JavaScript uses them: from the service page to a draft, the form
 * with errors next to the fields (in both languages), documents with a refused file, review, submission, receipt,
 * the list and the tracking page; isolation between citizens; the public status check; withdrawal; corrections; and a
 * counter officer using the same pages for a walk-in citizen.
 */
@GeraiIntegrationTest
class ApplicationCitizenPagesIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    private record Setup(Tenant tenant, UUID agency, ServiceVersion service, String slug) {
        String newPath() {
            return "/applications/new?tenant=" + tenant.slug() + "&service=" + service.serviceId();
        }
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        return new Setup(t, agency, service, catalog.service(t.id(), service.serviceId()).orElseThrow().slug());
    }

    @Test
    void aCitizenFilesTracksAndWithdrawsAnApplicationWithoutJavaScript() throws Exception {
        Setup s = setup();
        String email = fixtures.citizen();
        Cookie me = login(email);

        // the public service page offers to apply; without a login that leads to the login page first
        String servicePage = page(get("/t/" + s.tenant().slug() + "/services/" + s.slug()), null);
        assertThat(servicePage).contains(HtmlUtils.htmlEscape(s.newPath()));
        mvc.perform(get(s.newPath())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));

        // the confirm page carries a request key: posting it twice (a double click) makes one draft
        String confirm = page(get(s.newPath()), me);
        assertThat(confirm).contains("Ajukan permohonan Akta Kelahiran").contains("Surat keterangan lahir");
        String key = find(confirm, "name=\"requestKey\" value=\"([^\"]+)\"");
        String first = redirect(form("/applications/new", me).param("tenant", s.tenant().slug())
                .param("service", s.service().serviceId().toString()).param("requestKey", key));
        String second = redirect(form("/applications/new", me).param("tenant", s.tenant().slug())
                .param("service", s.service().serviceId().toString()).param("requestKey", key));
        assertThat(second).isEqualTo(first).matches("/applications/[0-9A-Z]{9}/form");
        String tracking = first.split("/")[2];
        String base = "/applications/" + tracking;

        // the form shows every field; "next" with bad data saves it and shows the errors next to the fields
        String formPage = page(get(base + "/form"), me);
        assertThat(formPage).contains("name=\"f.namaAnak\"").contains("name=\"f.saksi[0].nik\"").contains("name=\"f.alamat.villageCode\"")
                .contains("type=\"date\"").contains("name=\"f.kembar\"").contains("name=\"f.dokumenTambahan\"");
        String lock = find(formPage, "name=\"lockVersion\" value=\"(\\d+)\"");
        String next = redirect(form(base + "/form", me).param("lockVersion", lock).param("action", "next")
                .param("f.namaAnak", "Putri Lestari").param("f.nikIbu", "1234").param("f.jenisKelamin", "P"));
        assertThat(next).isEqualTo(base + "/form?check=1");
        String withErrors = page(get(next), me);
        assertThat(withErrors).contains("id=\"f-nikIbu-error\"").contains("NIK harus terdiri dari 16 angka.")
                .contains("id=\"f-tanggalLahir-error\"").contains("Wajib diisi.")
                .contains("href=\"#f-nikIbu\"")
                .contains("value=\"Putri Lestari\"").contains("aria-invalid=\"true\"");
        assertThat(errorNear(withErrors, "f-nikIbu")).contains("NIK harus terdiri dari 16 angka.");
        String english = page(get(next + "&lang=en"), me);
        assertThat(english).contains("A NIK has exactly 16 digits.").contains("This field is required.")
                .contains("Child&#39;s name");

        // a save over a stale version keeps what was typed and says why
        MvcResult stale = mvc.perform(form(base + "/form", me).param("lockVersion", "0").param("action", "save")
                .param("f.namaAnak", "Nama yang diketik")).andExpect(status().isConflict()).andReturn();
        String stalePage = stale.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stalePage).contains("value=\"Nama yang diketik\"").contains("diubah di tempat lain");

        // "add row" saves and shows one more empty row
        lock = find(page(get(base + "/form"), me), "name=\"lockVersion\" value=\"(\\d+)\"");
        String added = redirect(form(base + "/form", me).param("lockVersion", lock).param("action", "add-row:saksi")
                .param("shown.saksi", "1").param("f.saksi[0].nama", "Budi Santoso"));
        assertThat(added).startsWith(base + "/form?group=saksi&rows=2");
        String twoRows = page(get(added), me);
        assertThat(twoRows).contains("name=\"f.saksi[1].nama\"").contains("value=\"Budi Santoso\"");

        // valid data, then on to the documents
        lock = find(twoRows, "name=\"lockVersion\" value=\"(\\d+)\"");
        assertThat(redirect(valid(form(base + "/form", me).param("lockVersion", lock).param("action", "next"))))
                .isEqualTo(base + "/documents");

        // submitting without the mandatory document names it, with a link to where it is uploaded
        MvcResult incomplete = mvc.perform(form(base + "/submit", me)).andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(incomplete.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Dokumen wajib ini belum diunggah.").contains(base + "/documents#doc-SKL");

        // a PNG named .pdf is refused, with the reason next to that document
        String refused = redirect(multipart(base + "/documents/SKL").file(new MockMultipartFile("file", "surat-lahir.pdf",
                "application/pdf", ApplicationSamples.png())).cookie(me).with(csrf()));
        assertThat(refused).isEqualTo(base + "/documents#doc-SKL");
        String documents = page(get(base + "/documents"), me);
        assertThat(documents).contains("id=\"doc-SKL-error\"").contains("bukan jenis yang diterima").contains("image/png");
        redirect(multipart(base + "/documents/SKL").file(new MockMultipartFile("file", "surat-lahir.pdf", "application/pdf",
                ApplicationSamples.png())).param("lang", "en").cookie(me).with(csrf()));
        assertThat(page(get(base + "/documents"), me)).contains("This file&#39;s content is not an accepted type (detected: image/png)");
        redirect(multipart(base + "/documents/SKL").file(new MockMultipartFile("file", "surat-lahir.pdf", "application/pdf",
                ApplicationSamples.pdf())).cookie(me).with(csrf()));
        assertThat(page(get(base + "/documents"), me)).contains("surat-lahir.pdf").doesNotContain("id=\"doc-SKL-error\"");

        // the review shows the data with choices by their labels
        String review = page(get(base + "/review"), me);
        assertThat(review).contains("Putri Lestari").contains("Perempuan").contains("Budi Santoso").contains("surat-lahir.pdf")
                .contains("Kirim permohonan");

        // submitting twice is harmless: both lead to the receipt
        assertThat(redirect(form(base + "/submit", me))).isEqualTo(base + "/receipt");
        assertThat(redirect(form(base + "/submit", me))).isEqualTo(base + "/receipt");
        String receipt = page(get(base + "/receipt"), me);
        String display = TrackingNumber.display(tracking);
        assertThat(receipt).contains(display).contains(">" + display.substring(0, 3) + "<").contains("Warga Uji")
                .contains("Daring").contains("Verifikasi berkas").contains("/js/print.js");
        String accessCode = find(receipt, "class=\"access-code\">(\\d{6})<");
        assertThat(find(receipt, "NIK (\\d{4}\\*{8}\\d{4})")).as("the NIK is masked").isNotEmpty();

        // my applications, and the tracking page
        assertThat(page(get("/applications"), me)).contains(display).contains("Akta Kelahiran").contains("Sedang diproses");
        String detail = page(get(base), me);
        assertThat(detail).contains("Verifikasi berkas").contains("Penandatanganan").contains("Sedang dikerjakan")
                .contains("Petugas instansi").contains("Permohonan diajukan").contains(base + "/documents/SKL")
                .contains("Batalkan permohonan");
        MvcResult download = mvc.perform(get(base + "/documents/SKL").cookie(me)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(ApplicationSamples.pdf());

        // another citizen learns nothing, not even that the number exists
        Cookie other = login(fixtures.citizen());
        for (String path : List.of(base, base + "/form", base + "/receipt", base + "/documents/SKL")) {
            mvc.perform(get(path).cookie(other)).andExpect(status().isNotFound());
        }
        mvc.perform(form(base + "/withdraw", other).param("confirm", "yes")).andExpect(status().isNotFound());

        // the public status check: right code shows the status and nothing personal; a wrong one says it does not match
        String wrong = accessCode.equals("000000") ? "111111" : "000000";
        String ok = page(post("/status").with(csrf()).param("trackingNo", display.toLowerCase()).param("accessCode", accessCode), null);
        assertThat(ok).contains("Sedang diproses").contains("Akta Kelahiran").contains("Verifikasi berkas")
                .doesNotContain("Warga Uji").doesNotContain("Putri");
        mvc.perform(post("/status").with(csrf()).param("trackingNo", display).param("accessCode", wrong))
                .andExpect(status().isNotFound())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("tidak cocok"));
        mvc.perform(post("/status").with(csrf()).param("trackingNo", "ABC").param("accessCode", "1"))
                .andExpect(status().isUnprocessableContent());

        // withdrawing needs the confirmation box, then stops the application
        assertThat(redirect(form(base + "/withdraw", me).param("reason", "Salah pilih layanan"))).isEqualTo(base + "#withdraw");
        assertThat(page(get(base), me)).contains("Centang pernyataan").contains("Salah pilih layanan");
        assertThat(redirect(form(base + "/withdraw", me).param("reason", "Salah pilih layanan").param("confirm", "yes")))
                .isEqualTo(base);
        String withdrawn = page(get(base), me);
        assertThat(withdrawn).contains("Permohonan dibatalkan.").contains("Dibatalkan").contains("Salah pilih layanan")
                .doesNotContain("id=\"withdraw\"");

        // too many wrong codes for one number: refused for a while, politely
        int last = 0;
        for (int i = 0; i < 6 && last != 429; i++) {
            last = mvc.perform(post("/status").with(csrf()).param("trackingNo", display).param("accessCode", wrong))
                    .andReturn().getResponse().getStatus();
        }
        assertThat(last).isEqualTo(429);
        String wait = mvc.perform(post("/status").with(csrf()).param("trackingNo", display).param("accessCode", wrong))
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(wait)).isBetween(1L, 900L);
        assertThat(page(post("/status").with(csrf()).param("trackingNo", display).param("accessCode", accessCode), null, 429))
                .contains("Terlalu banyak kode akses yang salah");
    }

    @Test
    void aDraftCanBeDiscardedAndAnOfficersCorrectionIsShownWhereItIsFixed() throws Exception {
        Setup s = setup();
        String citizen = fixtures.citizen();
        Cookie me = login(citizen);
        String verifier = fixtures.staffWithRole(s.tenant(), Role.PETUGAS_INSTANSI, s.agency(), null);

        // a draft is deleted only with the confirmation
        String draft = start(s, me);
        assertThat(redirect(form(draft + "/discard", me))).isEqualTo(draft + "#discard");
        assertThat(redirect(form(draft + "/discard", me).param("confirm", "yes"))).isEqualTo("/applications");
        mvc.perform(get(draft).cookie(me)).andExpect(status().isNotFound());
        assertThat(page(get("/applications"), me)).contains("Anda belum mempunyai permohonan");

        String base = start(s, me);
        fileCompletely(base, me);
        String tracking = base.substring(base.lastIndexOf('/') + 1);

        // the verifier asks for the child's name and the birth letter again
        JsonNode inbox = api(get("/api/tenants/" + s.tenant().slug() + "/tasks"), verifier);
        String task = inbox.get("items").get(0).get("taskId").asString();
        api(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + task + "/claim"), verifier);
        mvc.perform(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + task + "/decision").with(httpBasic(verifier, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("decision", "CORRECTION",
                        "reason", "Nama anak tidak sesuai surat keterangan lahir", "fields", List.of("namaAnak"),
                        "documents", List.of("SKL"))))).andExpect(status().isOk());

        String detail = page(get(base), me);
        assertThat(detail).contains("Permohonan perlu diperbaiki").contains("Nama anak tidak sesuai surat keterangan lahir")
                .contains("Perbaiki permohonan").contains("Menunggu perbaikan");
        String formPage = page(get(base + "/form"), me);
        assertThat(formPage).contains("id=\"f-namaAnak-fix\"").contains("Petugas meminta isian ini diperbaiki.");
        assertThat(page(get(base + "/documents"), me)).contains("id=\"doc-SKL-fix\"");
        assertThat(page(get("/applications"), me)).contains("Perbaiki " + TrackingNumber.display(tracking));

        // the old document does not count: the review says so, with a link to upload it again
        String lock = find(formPage, "name=\"lockVersion\" value=\"(\\d+)\"");
        redirect(valid(form(base + "/form", me).param("lockVersion", lock).param("action", "save")).param("f.namaAnak", "Putri Wulandari"));
        MvcResult notYet = mvc.perform(form(base + "/submit", me)).andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(notYet.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("unggah berkas yang baru");
        redirect(multipart(base + "/documents/SKL").file(new MockMultipartFile("file", "skl-baru.jpg", "image/jpeg",
                ApplicationSamples.jpeg())).cookie(me).with(csrf()));
        assertThat(redirect(form(base + "/submit", me))).isEqualTo(base);
        assertThat(page(get(base), me)).contains("Perbaikan terkirim")
                .contains("Sedang diproses").doesNotContain("id=\"correction\"");
    }

    @Test
    void aCounterOfficerUsesTheSamePagesForAWalkInCitizen() throws Exception {
        Setup s = setup();
        UUID point = tenancy.createServicePoint(s.tenant().id(), new TenancyApi.NewServicePoint("MPP01", "MPP Uji",
                ServicePointKind.MPP, "Jl. Uji 1", fixtures.villageOf(s.tenant()), 1));
        String officer = fixtures.staffWithRole(s.tenant(), Role.PETUGAS_LOKET, null, point);
        JsonNode filed = json.readTree(mvc.perform(post("/api/tenants/" + s.tenant().slug() + "/counter/applications")
                        .with(httpBasic(officer, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("service", s.service().serviceId().toString(),
                                "nik", Fixtures.validNik(), "fullName", "Sumiati"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String base = "/applications/" + filed.get("trackingNo").asString();
        Cookie counter = login(officer);

        // an officer cannot start an online application for themselves
        assertThat(page(get(s.newPath()), counter)).contains("Pengajuan daring dilakukan dengan akun warga")
                .doesNotContain("name=\"requestKey\"");
        fileCompletely(base, counter);
        String receipt = page(get(base + "/receipt"), counter);
        // the receipt is the walk-in citizen's, with the access code the officer hands over; nothing points to
        // the officer's own "my applications"
        assertThat(receipt).contains("Sumiati").contains("Loket MPP").containsPattern("class=\"access-code\">\\d{6}<")
                .doesNotContain("Permohonan saya");
        assertThat(page(get(base), counter)).contains("Sumiati").contains("Petugas loket").doesNotContain("Permohonan saya");
    }

    @Test
    void aFileOverTheServersUploadCapIsNamedNextToItsDocumentNotAnError() throws Exception {
        Setup s = setup();
        Cookie me = login(fixtures.citizen());
        String base = start(s, me);
        // over real HTTP: the cap is the servlet container's, which MockMvc does not apply
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = "GERAI_SESSION=" + me.getValue();
        String documents = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/documents"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = find(documents, "name=\"_csrf\" value=\"([^\"]+)\"");
        String boundary = "----gerai" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(ApplicationSamples.pdf());
        body.write(new byte[11 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/documents/SKL"))
                .header("Cookie", cookie).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location")).get().asString().endsWith(base + "/documents?too-large=SKL#doc-SKL");
        assertThat(page(get(base + "/documents?too-large=SKL"), me)).contains("id=\"doc-SKL-error\"")
                .contains("Berkas terlalu besar. Ukuran maksimal 10.240 KB.");
        // the page never promises more than the server takes
        assertThat(documents).contains("paling besar 2 MB");
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    /** A new draft through the confirm page; its base path is returned. */
    private String start(Setup s, Cookie me) throws Exception {
        String key = find(page(get(s.newPath()), me), "name=\"requestKey\" value=\"([^\"]+)\"");
        String form = redirect(form("/applications/new", me).param("tenant", s.tenant().slug())
                .param("service", s.service().serviceId().toString()).param("requestKey", key));
        return form.substring(0, form.length() - "/form".length());
    }

    private void fileCompletely(String base, Cookie who) throws Exception {
        String lock = find(page(get(base + "/form"), who), "name=\"lockVersion\" value=\"(\\d+)\"");
        assertThat(redirect(valid(form(base + "/form", who).param("lockVersion", lock).param("action", "next"))))
                .isEqualTo(base + "/documents");
        redirect(multipart(base + "/documents/SKL").file(new MockMultipartFile("file", "surat-lahir.pdf", "application/pdf",
                ApplicationSamples.pdf())).cookie(who).with(csrf()));
        assertThat(redirect(form(base + "/submit", who))).isEqualTo(base + "/receipt");
    }

    private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder r) {
        Map<String, Object> d = ApplicationSamples.validData();
        @SuppressWarnings("unchecked")
        Map<String, String> witness = ((List<Map<String, String>>) d.get("saksi")).getFirst();
        return r.param("f.namaAnak", (String) d.get("namaAnak")).param("f.tanggalLahir", (String) d.get("tanggalLahir"))
                .param("f.jenisKelamin", (String) d.get("jenisKelamin")).param("f.nikIbu", (String) d.get("nikIbu"))
                .param("f.tempatLahir", (String) d.get("tempatLahir")).param("f.saksi[0].nama", witness.get("nama"))
                .param("f.saksi[0].nik", witness.get("nik")).param("shown.saksi", "2");
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder form(String path, Cookie session) {
        return post(path).cookie(session).with(csrf());
    }

    private String page(MockHttpServletRequestBuilder r, Cookie session) throws Exception {
        return page(r, session, 200);
    }

    private String page(MockHttpServletRequestBuilder r, Cookie session, int expected) throws Exception {
        if (session != null) {
            r.cookie(session);
        }
        MvcResult result = mvc.perform(r).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(expected);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String redirect(org.springframework.test.web.servlet.RequestBuilder r) throws Exception {
        MvcResult result = mvc.perform(r).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private JsonNode api(MockHttpServletRequestBuilder r, String email) throws Exception {
        return json.readTree(mvc.perform(r.with(httpBasic(email, Fixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("no " + regex).isTrue();
        return m.group(1);
    }

    /** The markup of the field whose input has {@code id}, up to the next field. */
    private static String errorNear(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).isPositive();
        int end = html.indexOf("<div class=\"field", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }
}
