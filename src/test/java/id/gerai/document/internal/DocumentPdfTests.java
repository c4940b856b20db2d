package id.gerai.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Rendering and signing without the application: a real PDF/A document, a real PAdES signature, checked by
 * poppler's pdfsig and by Gerai's own check; a changed byte or an appended update is caught by both.
 */
class DocumentPdfTests {

    static PdfRenderer renderer;
    static KeyPair caKeys;
    static X509Certificate ca;
    static KeyPair keys;
    static X509Certificate cert;

    @BeforeAll
    static void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/document");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        renderer = new PdfRenderer(new DocumentFonts(), messages);
        caKeys = Certificates.rsa();
        ca = Certificates.selfSignedCa(caKeys, Certificates.name("Uji CA", "Gerai", null), Duration.ofDays(30));
        keys = Certificates.rsa();
        cert = Certificates.issue(keys, Certificates.name("Dinas Kependudukan dan Pencatatan Sipil", "Kota Uji", null),
                caKeys.getPrivate(), ca, Duration.ofDays(30), false);
    }

    static DocumentContent content(String number) {
        return new DocumentContent("PEMERINTAH KOTA TANGERANG", "Dinas Kependudukan dan Pencatatan Sipil",
                List.of("Jl. Satria Sudirman No. 1, Tangerang 15111", "Telepon (021) 5523456 · disdukcapil@tangerangkota.go.id"),
                "Kutipan Akta Kelahiran", number,
                List.of("Berdasarkan permohonan nomor K7M-3Q9-XD2, telah lahir Putri Lestari, anak ke-1, perempuan, dari ibu Siti "
                        + "Aminah dan ayah Budi Santoso, di Kota Tangerang pada tanggal 1 Oktober 2026. Huruf Indonesia dan "
                        + "tanda baca: é, ñ, “kutip”, — garis, ✓ (tidak ada di huruf ini)."),
                List.of(new DocumentContent.Row("Nama anak", "Putri Lestari"), new DocumentContent.Row("Tanggal lahir", "1 Oktober 2026"),
                        new DocumentContent.Row("Saksi", "Budi Santoso, 3671010101010001; Ani Wijaya, 3671015501900002")),
                "Tangerang, 12 Oktober 2026", "Kepala Dinas Kependudukan dan Pencatatan Sipil", "Drs. H. Bambang Suryadi, M.Si.",
                "http://localhost:8080/verify/0123456789abcdefghjkmnpqrs", "ABCD-2345", null,
                ZonedDateTime.of(2026, 10, 12, 9, 30, 0, 0, ZoneId.of("Asia/Jakarta")));
    }

    static byte[] signed(byte[] pdf, TimestampClient tsa) {
        return Pades.sign(pdf, "Dinas Uji", "Akta 0001", "Kota Uji", Instant.now(),
                tsa == null ? Pades.RESERVED : Pades.RESERVED_TIMESTAMPED, content -> Pades.cms(content, keys.getPrivate(), List.of(cert, ca), tsa));
    }

    @Test
    void theRenderedDocumentIsPdfA2bWithItsTextAndMetadata() throws Exception {
        byte[] pdf = renderer.render(content("474.1/0012/DUKCAPIL/2026"));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-1.7");
        assertThat(raw).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>");
        assertThat(raw).contains("/OutputIntents").contains("/GTS_PDFA1").contains("/FontFile2");
        assertThat(SignatureCheck.token(pdf)).contains("0123456789abcdefghjkmnpqrs");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("PEMERINTAH KOTA TANGERANG").contains("KUTIPAN AKTA KELAHIRAN")
                    .contains("Nomor: 474.1/0012/DUKCAPIL/2026").contains("Putri Lestari").contains("Drs. H. Bambang Suryadi, M.Si.")
                    .contains("ABCD-2345").contains("Ditandatangani secara elektronik");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Kutipan Akta Kelahiran 474.1/0012/DUKCAPIL/2026");
        }
    }

    @Test
    void veraPdfFindsTheDocumentPdfA2bCompliantBeforeAndAfterSigning() throws Exception {
        byte[] pdf = renderer.render(content("0006/DUKCAPIL/2026"));
        assertThat(pdfA2bProblems(pdf)).isEmpty();
        assertThat(pdfA2bProblems(signed(pdf, null))).isEmpty();
        // and the check does find problems: a plain PDF (font not embedded, no metadata, no output intent) is no PDF/A
        try (PDDocument plain = new PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            plain.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(plain, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.showText("Bukan PDF/A");
                cs.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(pdfA2bProblems(out.toByteArray())).isNotEmpty();
        }
    }

    /** veraPDF's failed PDF/A-2b rules, empty when the file conforms. */
    static List<String> pdfA2bProblems(byte[] pdf) throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        var flavour = org.verapdf.pdfa.flavours.PDFAFlavour.fromString("2b");
        try (var parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(pdf), flavour)) {
            var result = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(flavour, false).validate(parser);
            return result.getTestAssertions().stream()
                    .filter(t -> t.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(t -> t.getRuleId() + ": " + t.getMessage()).distinct().toList();
        }
    }

    @Test
    void aSignedDocumentIsValidForPdfsigAndForGerai() {
        byte[] signed = signed(renderer.render(content("0001/DUKCAPIL/2026")), null);
        String report = PdfSig.check(signed);
        assertThat(report).contains("Signature is Valid").contains("Total document signed")
                .contains("ETSI.CAdES.detached");
        SignatureCheck.Report check = SignatureCheck.inspect(signed);
        assertThat(check.intact()).isTrue();
        assertThat(check.certificate()).isEqualTo(cert);
        assertThat(check.timestampedAt()).isNull();
    }

    @Test
    void aChangedByteIsCaughtByPdfsigAndByGerai() {
        byte[] signed = signed(renderer.render(content("0002/DUKCAPIL/2026")), null);
        // a letter of the title in the document information dictionary, inside the signed range
        String raw = new String(signed, StandardCharsets.ISO_8859_1);
        int at = raw.indexOf("Kutipan Akta Kelahiran 0002");
        assertThat(at).isPositive();
        byte[] changed = signed.clone();
        changed[at] = 'X';
        assertThat(PdfSig.check(changed)).doesNotContain("Signature is Valid").contains("Digest Mismatch");
        assertThat(SignatureCheck.inspect(changed).valid()).isFalse();

        // a byte in the middle of the (compressed) page content
        byte[] content = signed.clone();
        int stream = raw.indexOf("stream", raw.indexOf("/Length")) + 20;
        content[stream] ^= 0x01;
        assertThat(PdfSig.check(content)).doesNotContain("Signature is Valid");
        assertThat(SignatureCheck.inspect(content).intact()).isFalse();
    }

    @Test
    void somethingAppendedAfterSigningIsCaught() {
        byte[] signed = signed(renderer.render(content("0003/DUKCAPIL/2026")), null);
        byte[] appended = Arrays.copyOf(signed, signed.length + 40);
        byte[] extra = "\n% an incremental update after signing\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(extra, 0, appended, signed.length, extra.length);
        assertThat(PdfSig.check(appended)).doesNotContain("Total document signed");
        SignatureCheck.Report check = SignatureCheck.inspect(appended);
        assertThat(check.valid()).isTrue(); // the signed bytes themselves are unchanged ...
        assertThat(check.wholeDocument()).isFalse(); // ... but they are no longer the whole file
        assertThat(check.intact()).isFalse();
    }

    @Test
    void withATimestampAuthorityTheSignatureCarriesAVerifiedTimestamp() throws Exception {
        try (TestTsa tsa = new TestTsa()) {
            byte[] signed = signed(renderer.render(content("0004/DUKCAPIL/2026")),
                    new TimestampClient(tsa.url(), null, null, Duration.ofSeconds(10)));
            assertThat(tsa.requests.get()).isEqualTo(1);
            assertThat(PdfSig.check(signed)).contains("Signature is Valid").contains("Total document signed");
            SignatureCheck.Report check = SignatureCheck.inspect(signed);
            assertThat(check.intact()).isTrue();
            assertThat(check.timestampedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        }
    }

    @Test
    void aLongDocumentFlowsOntoMorePages() throws Exception {
        DocumentContent c = content("0005/DUKCAPIL/2026");
        List<String> paragraphs = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            paragraphs.add(c.paragraphs().getFirst());
        }
        DocumentContent longer = new DocumentContent(c.government(), c.agency(), c.letterhead(), c.title(), c.number(), paragraphs,
                c.rows(), c.placeAndDate(), c.position(), c.officialName(), c.verifyUrl(), c.shortCode(), "0001/DUKCAPIL/2026",
                c.created());
        byte[] pdf = renderer.render(longer);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Halaman 1 dari").contains("menggantikan dokumen nomor 0001/DUKCAPIL/2026");
        }
        assertThat(PdfSig.check(signed(pdf, null))).contains("Signature is Valid");
    }
}
