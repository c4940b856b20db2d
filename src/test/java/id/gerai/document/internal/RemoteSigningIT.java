package id.gerai.document.internal;

import static id.gerai.document.DocumentFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.DocumentFixtures.Approved;
import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.document.Verification;
import id.gerai.support.Fixtures;
import id.gerai.support.TestMailServer;
import jakarta.servlet.http.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gerai configured for a remote BSrE-style signing service with interactive passphrases (its own application
 * context): an approved document waits for its official; the agency admin records the official's NIK; a
 * wrong passphrase is refused and the document keeps waiting; the right one signs it through the service,
 * whose certificate chains to the configured trust anchor, and it verifies as authentic, for pdfsig too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gerai.documents.signer=remote",
        "gerai.documents.remote.passphrase-mode=interactive",
        "gerai.documents.remote.username=" + TestBsre.USER,
        "gerai.documents.remote.password=" + TestBsre.PASSWORD,
        "gerai.documents.retry-interval=1h",
        "spring.modulith.events.republish-outstanding-events-on-restart=false"})
@AutoConfigureMockMvc
@Import({Fixtures.class, TestMailServer.class})
class RemoteSigningIT {

    static final String NIK = "3671014501800002";
    static final TestBsre BSRE = start();

    static TestBsre start() {
        try {
            TestBsre bsre = new TestBsre();
            bsre.enrol(NIK, "Petugas PETUGAS_INSTANSI", "rahasia-pejabat");
            return bsre;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void remote(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("gerai-bsre-");
        Path anchors = BSRE.anchors(dir);
        registry.add("gerai.documents.remote.url", BSRE::url);
        registry.add("gerai.documents.remote.trust-anchors", anchors::toString);
    }

    @AfterAll
    static void stop() {
        BSRE.close();
    }

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentRepository repo;
    @Autowired id.gerai.notification.NotificationQueries outbox;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").param("login", email).param("password", Fixtures.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    @Test
    void theOfficialSignsWithTheirPassphraseThroughTheSigningService() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Office office = docs.office();
        Approved a = docs.approved(office, fixtures.citizen(), id.gerai.application.ApplicationSamples.validData());
        IssuedDocument waiting = docs.await(a, d -> d.awaitingSignature());
        assertThat(waiting.status()).isEqualTo(DocumentStatus.PENDING);
        assertThat(waiting.number()).startsWith("0001/DUKCAPIL/");
        mvc.perform(as(get("/api/applications/" + a.tracking() + "/document"), a.citizen())).andExpect(status().isNotFound());
        assertThat(outbox.recentTo(office.official(), 10)).anyMatch(m -> m.subject().contains(waiting.number())
                && m.body().contains("/manage/" + a.tenant().slug() + "/documents"));

        // the agency admin records the official's NIK on the settings page
        Cookie admin = login(office.admin());
        UUID official = waiting.officialId();
        mvc.perform(post("/manage/" + a.tenant().slug() + "/documents/signatories").cookie(admin).with(csrf())
                        .param("agency", office.agency().toString()).param("account", official.toString())
                        .param("position", "Kepala Bidang Pencatatan Sipil").param("nik", NIK))
                .andExpect(status().is3xxRedirection());
        var recorded = id.gerai.platform.TenantContext.call(a.tenant().id(), () -> tx.execute(t -> repo.signatories(a.tenant().id())));
        assertThat(recorded.stream().filter(s -> s.accountId().equals(official)).findFirst().orElseThrow().nik())
                .isEqualTo(NIK);

        // the official sees it waiting; a wrong passphrase is refused and it keeps waiting
        Cookie me = login(office.official());
        String list = mvc.perform(get("/manage/" + a.tenant().slug() + "/documents").cookie(me)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"awaiting\"").contains(waiting.number());
        mvc.perform(post("/manage/" + a.tenant().slug() + "/documents/" + waiting.id() + "/sign").cookie(me).with(csrf())
                        .param("passphrase", "salah"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("signError", "error.document-passphrase-refused"));
        assertThat(documents.byApplication(a.tenant().id(), a.applicationId()).orElseThrow().status()).isEqualTo(DocumentStatus.PENDING);
        // nobody else may sign it
        mvc.perform(post("/manage/" + a.tenant().slug() + "/documents/" + waiting.id() + "/sign").cookie(admin).with(csrf())
                .param("passphrase", "rahasia-pejabat")).andExpect(status().isForbidden());

        int before = BSRE.signed.get();
        mvc.perform(post("/manage/" + a.tenant().slug() + "/documents/" + waiting.id() + "/sign").cookie(me).with(csrf())
                        .param("passphrase", "rahasia-pejabat"))
                .andExpect(status().is3xxRedirection());
        assertThat(BSRE.signed.get()).isEqualTo(before + 1);
        IssuedDocument issued = documents.byApplication(a.tenant().id(), a.applicationId()).orElseThrow();
        assertThat(issued.status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(issued.number()).isEqualTo(waiting.number());
        assertThat(issued.signer()).isEqualTo("remote");

        byte[] pdf = mvc.perform(as(get("/api/applications/" + a.tracking() + "/document"), a.citizen()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfSig.check(pdf)).contains("Signature is Valid.").contains("Total document signed")
                .contains("Petugas PETUGAS_INSTANSI");
        Verification v = documents.verifyFile(pdf);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.AUTHENTIC);
        assertThat(v.signature().trusted()).isTrue();
        assertThat(v.signature().issuer()).contains("Uji Balai Sertifikasi Elektronik");
    }
}
