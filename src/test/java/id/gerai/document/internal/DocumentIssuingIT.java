package id.gerai.document.internal;

import static id.gerai.document.DocumentFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationCompleted;
import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.DocumentFixtures.Approved;
import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.document.Verification;
import id.gerai.document.Verification.Outcome;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.OutboxMessage;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issued documents through the whole application: an approval yields a signed PDF (checked by pdfsig and by
 * Gerai), delivered to the applicant and verifiable by anyone; numbers run without gaps; issuing is
 * idempotent and survives a failing signer; revocation and correction show on the public verification; handled
 * completion events leave {@code event_publication} after their retention, unhandled ones never.
 */
@GeraiIntegrationTest
class DocumentIssuingIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationQueries outbox;
    @Autowired DocumentRepository repo;
    @Autowired DocumentRetry retry;
    @Autowired CompletionEventRetention retention;
    @Autowired TransactionTemplate tx;
    @Autowired id.gerai.tenancy.TenancyApi tenancy;
    @Value("${gerai.documents.keys.dir}") Path keys;

    DocumentFixtures docs;

    @BeforeEach
    void setUp() {
        docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
    }

    private byte[] download(Approved a, String who) throws Exception {
        return mvc.perform(as(get("/api/applications/" + a.tracking() + "/document"), who))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** A signed-in browser session (the pages use form login, not HTTP Basic). */
    private jakarta.servlet.http.Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").param("login", email).param("password", Fixtures.PASSWORD)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private JsonNode verifyFile(byte[] pdf) throws Exception {
        return json.readTree(mvc.perform(multipart("/api/documents/verify")
                        .file(new MockMultipartFile("file", "dokumen.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anApprovalYieldsASignedDocumentTheApplicantDownloadsAndAnyoneVerifies() throws Exception {
        Approved a = docs.approved();
        IssuedDocument d = docs.awaitIssued(a);
        int year = Year.now(java.time.ZoneId.of("Asia/Jakarta")).getValue();
        assertThat(d.number()).isEqualTo("0001/DUKCAPIL/" + year);
        assertThat(d.title()).isEqualTo("Kutipan Akta Kelahiran");
        assertThat(d.officialName()).isEqualTo("Petugas PETUGAS_INSTANSI");
        assertThat(d.signer()).isEqualTo("pkcs12");

        // the applicant downloads it; it is the stored file, signed, and pdfsig agrees
        byte[] pdf = download(a, a.citizen());
        assertThat(Pades.sha256Hex(pdf)).isEqualTo(d.sha256());
        String report = PdfSig.check(pdf);
        assertThat(report).contains("Signature is Valid.").contains("Total document signed").contains("ETSI.CAdES.detached");
        String text = text(pdf);
        assertThat(text).contains("KUTIPAN AKTA KELAHIRAN").contains("Nomor: " + d.number()).contains("Telah lahir Putri Lestari")
                .contains("Budi Santoso").contains("Petugas PETUGAS_INSTANSI").contains(DocumentComposer.displayCode(d.shortCode()));
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("<pdfaid:part>2</pdfaid:part>");

        // the page route serves the same file, for printing inline
        mvc.perform(get("/applications/" + a.tracking() + "/document?print=true").cookie(login(a.citizen())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));
        // a stranger gets nothing
        mvc.perform(as(get("/api/applications/" + a.tracking() + "/document"), fixtures.citizen())).andExpect(status().isNotFound());

        // the applicant's page of the application offers it, with its number; the agency's page links to managing it
        String detail = mvc.perform(get("/applications/" + a.tracking()).cookie(login(a.citizen())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("href=\"/applications/" + a.tracking() + "/document\"").contains(d.number())
                .doesNotContain("/documents/" + d.id());
        String staffPage = mvc.perform(get("/manage/" + a.tenant().slug() + "/applications/" + a.tracking())
                        .cookie(login(a.office().verifier())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("href=\"/applications/" + a.tracking() + "/document\"")
                .contains("/manage/" + a.tenant().slug() + "/documents/" + d.id());

        // the applicant was told, with both links
        List<OutboxMessage> mails = outbox.recentTo(a.citizen(), 20);
        assertThat(mails).anyMatch(m -> m.subject().contains(d.number()) && m.body().contains("/applications/" + a.tracking() + "/document")
                && m.body().contains(d.verifyPath()));

        // anyone verifies it: by the QR link, by number and code, by the file
        Verification byToken = documents.verifyToken(d.verifyPath().substring("/verify/".length()));
        assertThat(byToken.outcome()).isEqualTo(Outcome.AUTHENTIC);
        assertThat(byToken.signature().valid()).isTrue();
        assertThat(byToken.signature().trusted()).isTrue();
        assertThat(byToken.document().holderName()).isEqualTo("W**** U**");
        assertThat(byToken.document().holderNik()).contains("********");
        String page = mvc.perform(get(d.verifyPath())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-outcome=\"AUTHENTIC\"").contains(d.number()).contains("W**** U**")
                .doesNotContain("Warga Uji").doesNotContain("Putri Lestari");
        mvc.perform(post("/api/documents/verify/number").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"" + d.number() + "\",\"code\":\"" + d.shortCode().toLowerCase() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("AUTHENTIC"));
        mvc.perform(post("/api/documents/verify/number").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"" + d.number() + "\",\"code\":\"AAAAAAAA\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("UNKNOWN")).andExpect(jsonPath("$.document").isEmpty());
        assertThat(verifyFile(pdf).get("outcome").asString()).isEqualTo("AUTHENTIC");

        // the signing certificate is on record for the agency, the number and the file in the audit log
        int audits = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select count(*) from audit_record where action = 'document.issued' and entity_id = ?")
                .param(d.id().toString()).query(Integer.class).single());
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void aChangedByteOrAnAppendedUpdateMakesTheFileAlteredForPdfsigAndForGerai() throws Exception {
        Approved a = docs.approved();
        IssuedDocument d = docs.awaitIssued(a);
        byte[] pdf = download(a, a.citizen());
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);

        byte[] changed = pdf.clone();
        int at = raw.indexOf("Kutipan Akta Kelahiran " + d.number());
        assertThat(at).isPositive();
        changed[at + 1] = 'X'; // the Info title: "KXtipan"
        assertThat(PdfSig.check(changed)).contains("Digest Mismatch").doesNotContain("Signature is Valid");
        JsonNode verdict = verifyFile(changed);
        assertThat(verdict.get("outcome").asString()).isEqualTo("ALTERED");
        assertThat(verdict.get("document").get("number").asString()).isEqualTo(d.number());
        assertThat(verdict.get("signature").get("valid").asBoolean()).isFalse();

        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 1);
        appended[pdf.length] = '\n';
        assertThat(PdfSig.check(appended)).doesNotContain("Total document signed");
        assertThat(verifyFile(appended).get("outcome").asString()).isEqualTo("ALTERED");

        // the upload page says so too
        String page = mvc.perform(multipart("/verify/file").file(new MockMultipartFile("file", "x.pdf", "application/pdf", changed))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-outcome=\"ALTERED\"");

        // a PDF that has nothing to do with Gerai is unknown
        assertThat(verifyFile(ApplicationSamples.pdf()).get("outcome").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void numbersRunWithoutGapsPerAgencyAndYearAndIssuingTwiceKeepsOneDocument() throws Exception {
        DocumentFixtures.Office office = docs.office();
        Approved first = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        Approved second = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        IssuedDocument one = docs.awaitIssued(first);
        IssuedDocument two = docs.awaitIssued(second);
        assertThat(List.of(one.number(), two.number())).containsExactlyInAnyOrder(
                "0001/DUKCAPIL/" + Year.now(java.time.ZoneId.of("Asia/Jakarta")), "0002/DUKCAPIL/" + Year.now(java.time.ZoneId.of("Asia/Jakarta")));

        // the completion event delivered again, four times at once: still one document, same file
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<IssuedDocument>> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                again.add(pool.submit(() -> documents.issue(first.tenant().id(), first.applicationId(), null)));
            }
            for (Future<IssuedDocument> f : again) {
                assertThat(f.get().id()).isEqualTo(one.id());
                assertThat(f.get().sha256()).isEqualTo(one.sha256());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(documents.history(first.tenant().id(), first.applicationId())).hasSize(1);
    }

    @Test
    void theCounterTakesBackANumberWhoseTransactionRollsBack() throws Exception {
        DocumentFixtures.Office office = docs.office();
        UUID agency = office.agency();
        var tenant = office.tenant().id();
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean rollback = i % 3 == 0;
            work.add(() -> TenantContext.call(tenant, () -> tx.execute(s -> {
                int seq = repo.nextSeq(tenant, agency, 2031);
                if (rollback) {
                    s.setRollbackOnly();
                    return -seq;
                }
                return seq;
            })));
        }
        List<Integer> kept = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(work)) {
            if (f.get() > 0) {
                kept.add(f.get());
            }
        }
        pool.shutdown();
        assertThat(kept).hasSize(8).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        int next = TenantContext.call(tenant, () -> tx.execute(s -> repo.nextSeq(tenant, agency, 2031)));
        assertThat(next).isEqualTo(9);
    }

    @Test
    void whenSigningFailsTheNumberIsKeptAndTheRetryFinishesTheSameDocument() throws Exception {
        DocumentFixtures.Office office = docs.office();
        // an unreadable key file where the agency's key belongs: signing fails until it is fixed
        Path keyFile = keys.resolve(office.tenant().id().toString()).resolve(office.agency() + ".p12");
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "not a key store");
        Approved a = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        IssuedDocument pending = docs.await(a, d -> d.status() == DocumentStatus.PENDING);
        DocumentRepository.Row row = waitForAttempt(a);
        assertThat(row.lastError()).startsWith("signer-key-unreadable");
        assertThat(pending.number()).startsWith("0001/");
        // the completion event is not marked complete: it will be handed to the listener again
        assertThat(incompletePublications(a.applicationId())).isEqualTo(1);
        // a pending document cannot be revoked yet
        mvc.perform(as(post("/api/tenants/" + a.tenant().slug() + "/documents/" + pending.id() + "/revoke"), office.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"uji\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("document-not-issued"));

        Files.delete(keyFile); // the key is (re)generated on the next attempt
        retry.resubmitEvents(Duration.ZERO);
        IssuedDocument issued = docs.awaitIssued(a);
        assertThat(issued.id()).isEqualTo(pending.id());
        assertThat(issued.number()).isEqualTo(pending.number());
        assertThat(PdfSig.check(download(a, a.citizen()))).contains("Signature is Valid.");
        awaitNoIncompletePublication(a.applicationId());
    }

    private DocumentRepository.Row waitForAttempt(Approved a) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            DocumentRepository.Row row = TenantContext.call(a.tenant().id(), () -> tx.execute(s -> repo.original(a.tenant().id(),
                    a.applicationId()))).orElse(null);
            if (row != null && row.attempts() > 0) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no failed attempt recorded");
    }

    private int incompletePublications(UUID applicationId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            int n = count(applicationId);
            if (n > 0) {
                return n;
            }
            Thread.sleep(100);
        }
        return 0;
    }

    private void awaitNoIncompletePublication(UUID applicationId) throws InterruptedException {
        for (int i = 0; i < 300 && count(applicationId) > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count(applicationId)).isZero();
    }

    private int count(UUID applicationId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + applicationId + "%").query(Integer.class).single();
    }

    @Test
    void theAgencyRevokesAndCorrectsADocumentAndVerificationSaysSo() throws Exception {
        Approved a = docs.approved();
        IssuedDocument original = docs.awaitIssued(a);
        String slug = a.tenant().slug();
        String base = "/api/tenants/" + slug + "/documents/";

        // only the agency admin may; a reason is required
        mvc.perform(as(post(base + original.id() + "/revoke"), a.office().verifier()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"salah\"}")).andExpect(status().isForbidden());
        mvc.perform(as(post(base + original.id() + "/revoke"), a.citizen()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"salah\"}")).andExpect(status().isForbidden());
        mvc.perform(as(post(base + original.id() + "/reissue"), a.office().admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.reason").exists());
        // a correction of a field the document does not print, or one the form refuses, is refused
        mvc.perform(as(post(base + original.id() + "/reissue"), a.office().admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"typo\",\"corrections\":{\"nikIbu\":\"3671010101010001\"}}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors['corrections.nikIbu']").exists());

        // a corrected document: new number, the corrected name printed, linked both ways
        JsonNode corrected = json.readTree(mvc.perform(as(post(base + original.id() + "/reissue"), a.office().admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Nama anak salah ketik\",\"corrections\":{\"namaAnak\":\"Putri Lestari Wijaya\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(corrected.get("status").asString()).isEqualTo("ISSUED");
        assertThat(corrected.get("number").asString()).startsWith("0002/");
        assertThat(corrected.get("replacesId").asString()).isEqualTo(original.id().toString());
        byte[] pdf = download(a, a.citizen());
        assertThat(text(pdf)).contains("Telah lahir Putri Lestari Wijaya").contains("menggantikan dokumen nomor " + original.number());
        assertThat(PdfSig.check(pdf)).contains("Signature is Valid.").contains("Total document signed");
        Verification old = documents.verifyToken(original.verifyPath().substring(8));
        assertThat(old.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(old.document().revokeReason()).isEqualTo("Nama anak salah ketik");
        assertThat(old.document().replacedBy()).isEqualTo(corrected.get("number").asString());
        Verification fresh = documents.verifyToken(corrected.get("verifyUrl").asString().substring(8));
        assertThat(fresh.outcome()).isEqualTo(Outcome.AUTHENTIC);
        assertThat(fresh.document().replaces()).isEqualTo(original.number());
        assertThat(outbox.recentTo(a.citizen(), 20)).anyMatch(m -> m.subject().contains(corrected.get("number").asString()));
        // a second correction of the same document is refused; the correction itself may be revoked
        mvc.perform(as(post(base + original.id() + "/reissue"), a.office().admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"lagi\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("document-already-replaced"));

        String correctedId = corrected.get("id").asString();
        mvc.perform(as(post(base + correctedId + "/revoke"), a.office().admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Permohonan dibatalkan pengadilan\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
        String page = mvc.perform(get(corrected.get("verifyUrl").asString())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-outcome=\"REVOKED\"").contains("Permohonan dibatalkan pengadilan");
        mvc.perform(as(post(base + correctedId + "/revoke"), a.office().admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"lagi\"}")).andExpect(status().isConflict());
        // revoked: nothing to download any more
        mvc.perform(as(get("/api/applications/" + a.tracking() + "/document"), a.citizen())).andExpect(status().isNotFound());
        String detail = mvc.perform(get("/applications/" + a.tracking()).cookie(login(a.citizen())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContain("href=\"/applications/" + a.tracking() + "/document\"")
                .contains("Dokumen ini telah dicabut");

        List<String> actions = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select action from audit_record where entity_id in (?, ?) order by id")
                .params(original.id().toString(), correctedId).query(String.class).list());
        assertThat(actions).contains("document.issued", "document.correction.requested", "document.reissued", "document.revoked");
    }

    @Test
    void theAgencySetsItsNumberFormatLetterheadAndOfficialPosition() throws Exception {
        DocumentFixtures.Office office = docs.office();
        jakarta.servlet.http.Cookie admin = login(office.admin());
        String settings = "/manage/" + office.tenant().slug() + "/documents/settings";
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String refused = mvc.perform(post(settings).cookie(admin).with(csrf).param("agency", office.agency().toString())
                        .param("numberFormat", "{agency}/{year}").param("letterhead", "Jl. Uji No. 1"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Format harus memuat {seq} dan {year}");
        mvc.perform(post(settings).cookie(admin).with(csrf).param("agency", office.agency().toString())
                        .param("numberFormat", "474.1/{seq:4}/{agency}/{year}")
                        .param("letterhead", "Jl. Satria Sudirman No. 1, Tangerang\nTelepon (021) 5523456")
                        .param("place", "Tangerang").param("defaultPosition", "Kepala Dinas Kependudukan dan Pencatatan Sipil"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(settings).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("474.1/0012/DUKCAPIL/")));
        // the verifier may not change them
        mvc.perform(get(settings).cookie(login(office.verifier()))).andExpect(status().isForbidden());

        Approved a = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        IssuedDocument d = docs.awaitIssued(a);
        assertThat(d.number()).isEqualTo("474.1/0001/DUKCAPIL/" + Year.now(java.time.ZoneId.of("Asia/Jakarta")));
        assertThat(d.officialPosition()).isEqualTo("Kepala Dinas Kependudukan dan Pencatatan Sipil");
        String text = text(download(a, a.citizen()));
        assertThat(text).contains("Jl. Satria Sudirman No. 1, Tangerang").contains("Kepala Dinas Kependudukan dan Pencatatan")
                .contains("Tangerang, ");
        int audits = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select count(*) from audit_record where action = 'document.settings.changed' and entity_id = ?")
                .param(office.agency().toString()).query(Integer.class).single());
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void aCounterOfficerPrintsTheDocumentOfAWalkInCitizen() throws Exception {
        DocumentFixtures.Office office = docs.office();
        String officer = docs.counterOfficer(office, tenancy);
        String otherOfficer = docs.counterOfficer(office, tenancy);
        Approved a = docs.approvedAtCounter(office, officer);
        IssuedDocument d = docs.awaitIssued(a);
        assertThat(d.applicantName()).isEqualTo("Sumiati");
        byte[] printed = mvc.perform(get("/applications/" + a.tracking() + "/document?print=true").cookie(login(a.citizen())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Pades.sha256Hex(printed)).isEqualTo(d.sha256());
        // an officer of another counter may not
        mvc.perform(get("/applications/" + a.tracking() + "/document?print=true").cookie(login(otherOfficer)))
                .andExpect(status().isNotFound());
        int accessed = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select count(*) from audit_record where action = 'document.accessed' and entity_id = ?")
                .param(d.id().toString()).query(Integer.class).single());
        assertThat(accessed).isEqualTo(1);
    }

    @Test
    void theApiIsDescribed() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/applications/{trackingNo}/document'].get").exists())
                .andExpect(jsonPath("$.paths['/api/documents/verify/{token}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/documents/verify'].post").exists())
                .andExpect(jsonPath("$.paths['/api/documents/verify/number'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/documents'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/documents/{id}/revoke'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/documents/{id}/reissue'].post").exists());
    }

    @Test
    void aClientGuessingNumbersAndCodesIsToldHowLongToWait() throws Exception {
        org.springframework.test.web.servlet.request.RequestPostProcessor guesser = r -> {
            r.setRemoteAddr("10.77.0.1");
            return r;
        };
        String guess = "{\"number\":\"0001/TIDAKADA/2026\",\"code\":\"AAAAAAAA\"}";
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/documents/verify/number").with(guesser).contentType(MediaType.APPLICATION_JSON).content(guess))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("UNKNOWN"));
        }
        var refused = mvc.perform(post("/api/documents/verify/number").with(guesser).contentType(MediaType.APPLICATION_JSON)
                        .content(guess))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("document-verify-throttled"))
                .andReturn().getResponse();
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 600L);
        // the page is held back for the same client, says so in the person's language and gives the same wait
        var page = mvc.perform(post("/verify").with(guesser)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("number", "0001/TIDAKADA/2026").param("code", "AAAAAAAA"))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(Long.parseLong(page.getHeader("Retry-After"))).isBetween(1L, 600L);
        assertThat(page.getContentAsString()).contains("Terlalu banyak percobaan nomor dan kode yang salah");
        // another client is not
        mvc.perform(post("/api/documents/verify/number").with(r -> {
                    r.setRemoteAddr("10.77.0.2");
                    return r;
                }).contentType(MediaType.APPLICATION_JSON).content(guess))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("UNKNOWN"));
    }

    @Test
    void tokensOfOtherTenantsAndGuessesFindNothing() throws Exception {
        assertThat(documents.verifyToken("0000000000aaaaaaaaaabbbbbb").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(documents.verifyToken("../../etc/passwd").outcome()).isEqualTo(Outcome.UNKNOWN);
        mvc.perform(get("/verify/0000000000aaaaaaaaaabbbbbb")).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/verify/0000000000aaaaaaaaaabbbbbb")).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNKNOWN"));
        // the MPP manager of another tenant sees none of this tenant's documents
        Approved a = docs.approved();
        docs.awaitIssued(a);
        var other = fixtures.newTenant();
        String otherManager = fixtures.staffWithRole(other, id.gerai.identity.Role.PENGELOLA_MPP);
        mvc.perform(as(get("/api/tenants/" + a.tenant().slug() + "/documents"), otherManager)).andExpect(status().isForbidden());
        String manager = fixtures.staffWithRole(a.tenant(), id.gerai.identity.Role.PENGELOLA_MPP);
        mvc.perform(as(get("/api/tenants/" + a.tenant().slug() + "/documents"), manager)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
    }

    private UUID awaitHandled(UUID applicationId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<UUID> ids = jdbc.sql("select id from event_publication where completion_date is not null and serialized_event like ?")
                    .param("%" + applicationId + "%").query(UUID.class).list();
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the completion event of " + applicationId + " was never marked handled");
    }

    private boolean publicationExists(UUID publication) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(publication).query(Integer.class).single() == 1;
    }

    private void agePublication(UUID publication, Duration by) {
        Timestamp then = Timestamp.from(Instant.now().minus(by));
        jdbc.sql("update event_publication set publication_date = ?, completion_date = ? where id = ?")
                .params(then, then, publication).update();
    }

    @Test
    void handledEventsOutliveTheirRetentionAndUnhandledOnesAreKept() throws Exception {
        DocumentFixtures.Office office = docs.office();
        Approved old = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        Approved recent = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        docs.awaitIssued(old);
        docs.awaitIssued(recent);
        UUID oldEvent = awaitHandled(old.applicationId());
        UUID recentEvent = awaitHandled(recent.applicationId());
        agePublication(oldEvent, Duration.ofDays(8));
        agePublication(recentEvent, Duration.ofDays(6));
        // an event whose issuing never finished stays however old it is: the retry still owes it a document
        UUID unhandled = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                        values (?, 'id.gerai.document.internal.IssueOnCompletion.on(id.gerai.application.ApplicationCompleted)', ?, ?, ?, 'FAILED', 1)""")
                .params(unhandled, ApplicationCompleted.class.getName(),
                        "{\"tenant\":\"" + office.tenant().id() + "\",\"applicationId\":\"" + UUID.randomUUID() + "\"}",
                        Timestamp.from(Instant.now().minus(Duration.ofDays(30))))
                .update();

        try {
            assertThat(retention.purgeNow()).isGreaterThanOrEqualTo(1);

            assertThat(publicationExists(oldEvent)).isFalse();
            assertThat(publicationExists(recentEvent)).isTrue();
            assertThat(publicationExists(unhandled)).isTrue();
            List<String> audits = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                            select actor || ' ' || after_data::text from audit_record
                            where tenant_id = ? and action = 'document.completion-events.purged'""")
                    .param(office.tenant().id().value()).query(String.class).list());
            assertThat(audits).singleElement().satisfies(a -> assertThat(a).startsWith("system ").contains("\"deleted\": 1"));
            // the documents themselves are untouched
            assertThat(documents.byApplication(office.tenant().id(), old.applicationId())).isPresent();
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(unhandled).update();
        }
    }
}
