package id.gerai.document.internal;

import id.gerai.document.IssuedDocuments;
import id.gerai.document.IssuedDocuments.DocumentFile;
import id.gerai.identity.CurrentUser;
import id.gerai.platform.GeraiException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The issued PDF for whoever may see the application: the citizen from "my applications"
 * ({@code GET /applications/{tracking}/document}), a counter officer printing it for a walk-in citizen
 * ({@code ?print=true}: shown in the browser's PDF viewer instead of saved), the agency's staff.
 */
@Controller
class DocumentDownloads {

    private final IssuedDocuments documents;

    DocumentDownloads(IssuedDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/applications/{tracking}/document")
    ResponseEntity<InputStreamResource> download(@PathVariable String tracking,
                                                 @RequestParam(name = "print", defaultValue = "false") boolean print) {
        DocumentFile file = documents.file(tracking, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
        return pdf(file, print);
    }

    static ResponseEntity<InputStreamResource> pdf(DocumentFile file, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.document().fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(file.content()));
    }
}
