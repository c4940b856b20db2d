package id.gerai.document.internal;

import id.gerai.document.IssuedDocuments;
import id.gerai.document.Verification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification pages, no login: {@code /verify/{token}} (where a document's QR code leads),
 * {@code /verify} with a form for the number and short code and one for uploading the PDF. Each answers with
 * the same result page: authentic, revoked (date and reason), altered, or unknown. Plain forms; no script.
 */
@Controller
class VerificationPages {

    private final IssuedDocuments documents;
    private final VerifyThrottle throttle;
    private final DocumentProperties properties;

    VerificationPages(IssuedDocuments documents, VerifyThrottle throttle, DocumentProperties properties) {
        this.documents = documents;
        this.throttle = throttle;
        this.properties = properties;
    }

    @GetMapping("/verify")
    String form(Model model) {
        return "document/verify";
    }

    @GetMapping("/verify/{token}")
    String token(@PathVariable String token, Model model, HttpServletResponse response) {
        return result(documents.verifyToken(token), "qr", model, response);
    }

    @PostMapping("/verify")
    String number(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
                  HttpServletRequest request, Model model, HttpServletResponse response) {
        model.addAttribute("number", number);
        if (number == null || number.isBlank() || code == null || code.isBlank()) {
            model.addAttribute("numberErrors", Map.of(number == null || number.isBlank() ? "number" : "code",
                    number == null || number.isBlank() ? "document.verify.number.required" : "document.verify.code.required"));
            response.setStatus(422);
            return "document/verify";
        }
        String client = request.getRemoteAddr();
        throttle.check(client);
        Verification v = documents.verifyNumber(number, code);
        if (v.outcome() == Verification.Outcome.UNKNOWN) {
            throttle.failed(client);
        }
        return result(v, "number", model, response);
    }

    @PostMapping("/verify/file")
    String file(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileErrors", Map.of("file", "document.error.file"));
            response.setStatus(422);
            return "document/verify";
        }
        if (file.getSize() > properties.maxFileBytes()) {
            model.addAttribute("fileErrors", Map.of("file", "document.error.file-too-large"));
            response.setStatus(422);
            return "document/verify";
        }
        return result(documents.verifyFile(file.getBytes()), "file", model, response);
    }

    private static String result(Verification v, String via, Model model, HttpServletResponse response) {
        model.addAttribute("v", v);
        model.addAttribute("via", via);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        if (v.outcome() == Verification.Outcome.UNKNOWN) {
            response.setStatus(404);
        }
        return "document/result";
    }
}
