package id.gerai.document.internal;

import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.document.Verification;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents API: the holder fetches the issued PDF (and its data), anyone verifies a document, the
 * agency admin lists, revokes and corrects its documents.
 */
@RestController
@Tag(name = "Documents", description = "Issued documents: delivery, public verification, revocation and correction")
class DocumentApiController {

    private final IssuedDocuments documents;
    private final VerifyThrottle throttle;
    private final DocumentProperties properties;

    DocumentApiController(IssuedDocuments documents, VerifyThrottle throttle, DocumentProperties properties) {
        this.documents = documents;
        this.throttle = throttle;
        this.properties = properties;
    }

    /** A document as the API shows it to its holder and the agency. */
    record DocumentView(UUID id, String number, String title, DocumentStatus status, String trackingNo, String shortCode,
                        String verifyUrl, String sha256, long size, String signer, boolean timestamped, String officialName,
                        String officialPosition, Instant decidedAt, Instant issuedAt, Instant revokedAt, String revokeReason,
                        UUID replacesId, UUID replacedById, boolean awaitingSignature) {

        static DocumentView of(IssuedDocument d) {
            return new DocumentView(d.id(), d.number(), d.title(), d.status(), d.trackingNo(), d.shortCode(), d.verifyPath(),
                    d.sha256(), d.size(), d.signer(), d.timestamped(), d.officialName(), d.officialPosition(), d.decidedAt(),
                    d.issuedAt(), d.revokedAt(), d.revokeReason(), d.replacesId(), d.replacedById(), d.awaitingSignature());
        }
    }

    record NumberRequest(String number, String code) {
    }

    record RevokeRequest(String reason) {
    }

    record ReissueRequest(String reason, Map<String, Object> corrections) {
    }

    // --- holder ------------------------------------------------------------------------------------------------

    @Operation(summary = "The issued document (PDF)",
            description = "The signed PDF of the application's current document, for the applicant, the counter officer "
                    + "who filed it, and the agency's staff. 404 until it is issued.")
    @GetMapping("/api/applications/{trackingNo}/document")
    ResponseEntity<InputStreamResource> pdf(@PathVariable String trackingNo) {
        return DocumentDownloads.pdf(documents.file(trackingNo, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("document-not-found")), false);
    }

    @Operation(summary = "The issued document's data", description = "Number, status, verification link and signature facts.")
    @GetMapping("/api/applications/{trackingNo}/document/info")
    DocumentView info(@PathVariable String trackingNo) {
        IssuedDocuments.DocumentFile file = documents.file(trackingNo, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
        try (var in = file.content()) {
            return DocumentView.of(file.document());
        } catch (IOException e) {
            return DocumentView.of(file.document());
        }
    }

    // --- public verification -----------------------------------------------------------------------------------

    @Operation(summary = "Verify by QR token", description = "What the public verification page says, as data.")
    @GetMapping("/api/documents/verify/{token}")
    Verification verifyToken(@PathVariable String token) {
        return documents.verifyToken(token);
    }

    @Operation(summary = "Verify by number and short code", description = "Repeated misses from one client are refused for a while (429).")
    @PostMapping(path = "/api/documents/verify/number", consumes = MediaType.APPLICATION_JSON_VALUE)
    Verification verifyNumber(@RequestBody NumberRequest body, HttpServletRequest request) {
        if (body == null || body.number() == null || body.number().isBlank() || body.code() == null || body.code().isBlank()) {
            throw InvalidInput.of(body == null || body.number() == null || body.number().isBlank() ? "number" : "code",
                    "document.verify.number.required");
        }
        throttle.check(request.getRemoteAddr());
        Verification v = documents.verifyNumber(body.number(), body.code());
        if (v.outcome() == Verification.Outcome.UNKNOWN) {
            throttle.failed(request.getRemoteAddr());
        }
        return v;
    }

    @Operation(summary = "Verify a PDF file", description = "Upload the PDF as multipart field 'file' or as the request body (application/pdf).")
    @PostMapping(path = "/api/documents/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Verification verifyUpload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > properties.maxFileBytes()) {
            throw InvalidInput.of("file", "document.error.file-too-large");
        }
        return documents.verifyFile(file.getBytes());
    }

    @PostMapping(path = "/api/documents/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    Verification verifyBody(@RequestBody byte[] pdf) {
        if (pdf.length == 0) {
            throw InvalidInput.of("file", "document.error.file");
        }
        if (pdf.length > properties.maxFileBytes()) {
            throw InvalidInput.of("file", "document.error.file-too-large");
        }
        return documents.verifyFile(pdf);
    }

    // --- agency -------------------------------------------------------------------------------------------------

    @Operation(summary = "The agency's documents", description = "Agency admin: its agency's; MPP manager: the tenant's.")
    @GetMapping("/api/tenants/{tenant}/documents")
    List<DocumentView> list(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String q,
                            @RequestParam(required = false) DocumentStatus status,
                            @RequestParam(required = false, defaultValue = "100") int limit) {
        return documents.list(tenant.id(), new IssuedDocuments.Filter(q, status, limit), CurrentUser.require()).stream()
                .map(DocumentView::of).toList();
    }

    @GetMapping("/api/tenants/{tenant}/documents/{id}")
    DocumentView one(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id) {
        return documents.find(tenant.id(), id, CurrentUser.require()).map(DocumentView::of)
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
    }

    @Operation(summary = "Revoke", description = "The reason is shown on the public verification page.")
    @PostMapping("/api/tenants/{tenant}/documents/{id}/revoke")
    DocumentView revoke(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @RequestBody RevokeRequest body) {
        GeraiUser me = CurrentUser.require();
        return DocumentView.of(documents.revoke(tenant.id(), id, body == null ? null : body.reason(), me));
    }

    @Operation(summary = "Issue a corrected document",
            description = "A new number; printed form fields in 'corrections' replace the original values; the original is "
                    + "revoked with the reason and linked to the correction. Repeating after a failure finishes the same one.")
    @PostMapping("/api/tenants/{tenant}/documents/{id}/reissue")
    ResponseEntity<DocumentView> reissue(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                                         @RequestBody ReissueRequest body) {
        GeraiUser me = CurrentUser.require();
        IssuedDocument d = documents.reissue(tenant.id(), id, body == null ? null : body.reason(),
                body == null ? null : body.corrections(), me);
        return ResponseEntity.status(201).body(DocumentView.of(d));
    }
}
