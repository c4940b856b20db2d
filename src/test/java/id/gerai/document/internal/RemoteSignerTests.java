package id.gerai.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.document.Signer;
import id.gerai.document.Signer.SigningFailed;
import id.gerai.platform.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote signer against a local BSrE-style service that signs with its own test CA: the signed PDF passes
 * pdfsig and Gerai's check; a wrong passphrase, wrong credentials, a certificate from an untrusted CA and a
 * service that changes the document are all refused.
 */
class RemoteSignerTests {

    static final String NIK = "3671010101800001";
    static TestBsre bsre;
    static byte[] pdf;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        bsre = new TestBsre();
        bsre.enrol(NIK, "Drs. Bambang Suryadi", "passphrase-benar");
        DocumentPdfTests.setUp();
        pdf = DocumentPdfTests.renderer.render(DocumentPdfTests.content("0001/DUKCAPIL/2026"));
    }

    @AfterAll
    static void stop() {
        bsre.close();
    }

    static RemoteSigner signer(String user, String password, String mode, String passphrase, Path anchors) {
        return new RemoteSigner(new DocumentProperties.Remote(bsre.url(), "/api/v2/sign/pdf", user, password, mode, passphrase,
                null, anchors.toString(), Duration.ofSeconds(20)), JsonMapper.builder().build());
    }

    static Signer.SigningRequest request(String nik, String passphrase) {
        return new Signer.SigningRequest(new TenantId(UUID.randomUUID()), UUID.randomUUID(), "Dinas Uji", "Kota Uji", UUID.randomUUID(),
                "Drs. Bambang Suryadi", nik, passphrase == null ? null : passphrase.toCharArray(), "Akta 0001", "Kota Uji", pdf);
    }

    @Test
    void theServiceSignsAndGeraiChecksWhatItGotBack() throws Exception {
        RemoteSigner signer = signer(TestBsre.USER, TestBsre.PASSWORD, "interactive", null, bsre.anchors(dir));
        assertThat(signer.needsPassphrase()).isTrue();
        Signer.SignedPdf signed = signer.sign(request(NIK, "passphrase-benar"));
        assertThat(signed.certificate()).isEqualTo(bsre.certificateOf(NIK));
        assertThat(signed.chain()).contains(bsre.ca);
        assertThat(java.util.Arrays.copyOf(signed.pdf(), pdf.length)).isEqualTo(pdf);
        assertThat(PdfSig.check(signed.pdf())).contains("Signature is Valid.").contains("Total document signed")
                .contains("Drs. Bambang Suryadi");
        assertThat(SignatureCheck.inspect(signed.pdf()).intact()).isTrue();
    }

    @Test
    void aConfiguredPassphraseSignsUnattended() throws Exception {
        RemoteSigner signer = signer(TestBsre.USER, TestBsre.PASSWORD, "configured", "passphrase-benar", bsre.anchors(dir));
        assertThat(signer.needsPassphrase()).isFalse();
        assertThat(signer.sign(request(NIK, null)).certificate()).isEqualTo(bsre.certificateOf(NIK));
    }

    @Test
    void refusalsAreReportedWithStableCodes() throws Exception {
        Path anchors = bsre.anchors(dir);
        assertThatThrownBy(() -> signer(TestBsre.USER, TestBsre.PASSWORD, "interactive", null, anchors).sign(request(NIK, "salah")))
                .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-passphrase-refused"));
        assertThatThrownBy(() -> signer(TestBsre.USER, "bukan", "interactive", null, anchors).sign(request(NIK, "passphrase-benar")))
                .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-refused"));
        assertThatThrownBy(() -> signer(TestBsre.USER, TestBsre.PASSWORD, "interactive", null, anchors).sign(request(null, "x")))
                .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-no-nik"));
    }

    @Test
    void aCertificateFromAnotherCaIsNotTrusted() throws Exception {
        Path other = dir.resolve("other-ca.pem");
        try (TestBsre stranger = new TestBsre()) {
            Files.copy(stranger.anchors(dir), other);
        }
        assertThatThrownBy(() -> signer(TestBsre.USER, TestBsre.PASSWORD, "interactive", null, other).sign(request(NIK, "passphrase-benar")))
                .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-untrusted"));
    }

    @Test
    void aServiceThatChangesTheDocumentIsCaught() throws Exception {
        bsre.tamper = true;
        try {
            assertThatThrownBy(() -> signer(TestBsre.USER, TestBsre.PASSWORD, "interactive", null, bsre.anchors(dir))
                    .sign(request(NIK, "passphrase-benar")))
                    .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-bad-answer"));
        } finally {
            bsre.tamper = false;
        }
    }

    @Test
    void anUnreachableServiceIsUnavailable() throws Exception {
        RemoteSigner signer = new RemoteSigner(new DocumentProperties.Remote("http://127.0.0.1:9", "/api/v2/sign/pdf", "u", "p",
                "configured", "x", NIK, bsre.anchors(dir).toString(), Duration.ofSeconds(2)), JsonMapper.builder().build());
        assertThatThrownBy(() -> signer.sign(request(NIK, null)))
                .isInstanceOfSatisfying(SigningFailed.class, e -> assertThat(e.code()).isEqualTo("signer-unavailable"));
    }
}
