package id.gerai.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.catalog.CatalogApi;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people do with an issued document, in Chromium: the citizen downloads the PDF of their approved
 * application; the QR code printed on it (read from the rendered page image, as a phone camera would) leads
 * to the verification page, which says the document is authentic; after the agency admin revokes it on the
 * documents page, the same QR code says it is revoked, with the reason.
 */
class DocumentBrowserIT extends BrowserTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Value("${gerai.base-url}") String publicBase;


    /** The QR code on the first page, decoded from the page rendered at 150 dpi. */
    private static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true));
            return result.getText();
        }
    }

    @Test
    void theQrCodeOfADownloadedDocumentSaysAuthenticAndAfterRevocationRevoked() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Approved a = docs.approved();
        IssuedDocument issued = docs.awaitIssued(a);

        // the citizen, signed in, downloads the document from their application
        byte[] pdf;
        try (BrowserContext citizen = browser.phone(baseUrl())) {
            Page page = citizen.newPage();
            login(page, a.citizen());
            APIResponse response = citizen.request().get(baseUrl() + "/applications/" + a.tracking() + "/document");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().get("content-type")).isEqualTo("application/pdf");
            pdf = response.body();
        }
        assertThat(pdf).startsWith("%PDF".getBytes());

        // its QR code holds the public verification address
        String qr = qrCode(pdf);
        assertThat(qr).isEqualTo(publicBase.replaceAll("/+$", "") + issued.verifyPath());
        String path = URI.create(qr).getPath();

        // anyone scanning it, not signed in, reads that it is authentic
        try (BrowserContext stranger = browser.auditingPhone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate(path);
            assertThat(page.locator("#outcome").getAttribute("data-outcome")).isEqualTo("AUTHENTIC");
            assertThat(page.locator("#outcome").textContent()).contains("Dokumen asli dan berlaku");
            assertThat(page.content()).contains(issued.number()).doesNotContain("Putri Lestari").doesNotContain("Warga Uji");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // the agency admin revokes it on the documents page
        try (BrowserContext admin = browser.phone(baseUrl())) {
            Page page = admin.newPage();
            login(page, a.office().admin());
            page.navigate("/manage/" + a.tenant().slug() + "/documents");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(issued.number())).click();
            page.getByLabel("Alasan", new Page.GetByLabelOptions().setExact(true)).fill("Diterbitkan atas data yang keliru");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cabut dokumen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("telah dicabut");
        }

        // the same QR code now says revoked, with the date and the reason
        try (BrowserContext stranger = browser.phone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate(path);
            assertThat(page.locator("#outcome").getAttribute("data-outcome")).isEqualTo("REVOKED");
            assertThat(page.locator("#outcome").textContent()).contains("Dokumen telah dicabut").contains("Diterbitkan atas data yang keliru");
        }
    }

    @Test
    void theVerificationFormsWorkWithoutScript() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Approved a = docs.approved();
        IssuedDocument issued = docs.awaitIssued(a);
        byte[] pdf = mvc.perform(DocumentFixtures.as(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/applications/" + a.tracking() + "/document"),
                        a.citizen()))
                .andReturn().getResponse().getContentAsByteArray();
        try (BrowserContext stranger = browser.auditingPhone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate("/verify");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.getByLabel("Nomor dokumen").fill(issued.number());
            page.getByLabel("Kode verifikasi").fill(issued.shortCode().substring(0, 4) + "-" + issued.shortCode().substring(4));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Periksa")).first().click();
            assertThat(page.locator("#outcome").getAttribute("data-outcome")).isEqualTo("AUTHENTIC");

            page.navigate("/verify");
            page.getByLabel("Nomor dokumen").fill(issued.number());
            page.getByLabel("Kode verifikasi").fill("ZZZZ-ZZZZ");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Periksa")).first().click();
            assertThat(page.locator("#outcome").getAttribute("data-outcome")).isEqualTo("UNKNOWN");

            // the file itself, uploaded with a plain multipart form
            page.navigate("/verify");
            page.getByLabel("Berkas PDF dokumen").setInputFiles(new com.microsoft.playwright.options.FilePayload("dokumen.pdf",
                    "application/pdf", pdf));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Periksa")).last().click();
            assertThat(page.locator("#outcome").getAttribute("data-outcome")).isEqualTo("AUTHENTIC");
            assertThat(page.content()).contains(issued.number());
        }
    }
}
