package id.gerai.document.internal;

import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's document pages under {@code /manage/{tenant}/documents}: the list (agency admin: the agency's;
 * MPP manager: the tenant's, read only), one document with its revoke and correction forms (agency admin),
 * the number format and letterhead settings, the officials' positions and NIKs, and the documents waiting for
 * the signed-in official's passphrase. Plain forms; no script.
 */
@Controller
class DocumentManagePages {

    static final String TENANT = "geraiTenant";

    private final IssuedDocuments documents;
    private final DocumentService service;
    private final DocumentSettings settings;
    private final id.gerai.document.Signer signer;

    DocumentManagePages(IssuedDocuments documents, DocumentService service, DocumentSettings settings,
                        id.gerai.document.Signer signer) {
        this.documents = documents;
        this.service = service;
        this.settings = settings;
        this.signer = signer;
    }

    @GetMapping("/manage/{tenant}/documents")
    String list(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, Model model) {
        GeraiUser me = CurrentUser.require();
        DocumentStatus wanted = parseStatus(status);
        model.addAttribute("tenant", tenant);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("awaiting", documents.awaitingSignature(tenant.id(), me));
        model.addAttribute("interactive", signer.needsPassphrase());
        model.addAttribute("agencies", settings.manageable(tenant.id(), me));
        boolean staffOfTenant = me.memberships().stream().anyMatch(m -> m.tenant().equals(tenant.id()));
        List<IssuedDocument> docs;
        try {
            docs = documents.list(tenant.id(), new IssuedDocuments.Filter(q, wanted, 200), me);
        } catch (GeraiException e) {
            if (e.status().value() != 403 || !staffOfTenant) {
                throw e;
            }
            docs = null; // an official without admin rights: only their signatures to give
        }
        model.addAttribute("documents", docs);
        return "document/manage";
    }

    @GetMapping("/manage/{tenant}/documents/{id}")
    String detail(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id, Model model) {
        GeraiUser me = CurrentUser.require();
        IssuedDocument d = documents.find(tenant.id(), id, me).orElseThrow(() -> GeraiException.notFound("document-not-found"));
        fillDetail(tenant, d, me, model);
        return "document/detail";
    }

    private void fillDetail(Tenant tenant, IssuedDocument d, GeraiUser me, Model model) {
        boolean manage = DocumentService.mayManage(tenant.id(), d.agencyId(), me);
        model.addAttribute("tenant", tenant);
        model.addAttribute("d", d);
        model.addAttribute("manage", manage);
        model.addAttribute("history", documents.history(tenant.id(), d.applicationId()));
        if (manage && d.replacedById() == null && d.status() != DocumentStatus.PENDING) {
            model.addAttribute("fields", service.correctionFields(tenant.id(), d.id(), me));
        }
    }

    @GetMapping("/manage/{tenant}/documents/{id}/file")
    ResponseEntity<InputStreamResource> file(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id) {
        return DocumentDownloads.pdf(service.staffFile(tenant.id(), id, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("document-not-found")), true);
    }

    @PostMapping("/manage/{tenant}/documents/{id}/revoke")
    String revoke(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id, @RequestParam(required = false) String reason,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        try {
            IssuedDocument d = documents.revoke(tenant.id(), id, reason, me);
            redirect.addFlashAttribute("noticeKey", "document.manage.revoked");
            redirect.addFlashAttribute("noticeArg", d.number());
            return "redirect:/manage/" + tenant.slug() + "/documents/" + id;
        } catch (InvalidInput e) {
            IssuedDocument d = documents.find(tenant.id(), id, me).orElseThrow(() -> GeraiException.notFound("document-not-found"));
            fillDetail(tenant, d, me, model);
            model.addAttribute("revokeErrors", e.fields());
            model.addAttribute("revokeReason", reason);
            response.setStatus(422);
            return "document/detail";
        }
    }

    @PostMapping("/manage/{tenant}/documents/{id}/reissue")
    String reissue(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id, @RequestParam Map<String, String> params,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        IssuedDocument original = documents.find(tenant.id(), id, me).orElseThrow(() -> GeraiException.notFound("document-not-found"));
        Map<String, Object> corrections = new LinkedHashMap<>();
        Map<String, String> submitted = new LinkedHashMap<>();
        for (DocumentService.CorrectionField f : service.correctionFields(tenant.id(), id, me)) {
            String value = params.get("c." + f.name());
            if (value != null) {
                submitted.put(f.name(), value);
                if (f.editable() && !value.strip().equals(f.value())) {
                    corrections.put(f.name(), value);
                }
            }
        }
        try {
            IssuedDocument d = documents.reissue(tenant.id(), id, params.get("reason"), corrections, me);
            redirect.addFlashAttribute("noticeKey", "document.manage.reissued");
            redirect.addFlashAttribute("noticeArg", d.number());
            return "redirect:/manage/" + tenant.slug() + "/documents/" + d.id();
        } catch (InvalidInput e) {
            fillDetail(tenant, original, me, model);
            model.addAttribute("reissueErrors", e.fields());
            model.addAttribute("reissueReason", params.get("reason"));
            model.addAttribute("submitted", submitted);
            response.setStatus(422);
            return "document/detail";
        }
    }

    @PostMapping("/manage/{tenant}/documents/{id}/sign")
    String sign(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id, @RequestParam(required = false) String passphrase,
                RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        try {
            IssuedDocument d = documents.sign(tenant.id(), id, passphrase == null ? null : passphrase.toCharArray(), me);
            redirect.addFlashAttribute("noticeKey", "document.manage.signed");
            redirect.addFlashAttribute("noticeArg", d.number());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("signError", e.fields().values().iterator().next());
        } catch (GeraiException e) {
            if (!e.code().equals("document-passphrase-refused") && !e.code().equals("document-signing-failed")) {
                throw e;
            }
            redirect.addFlashAttribute("signError", "error." + e.code());
        }
        return "redirect:/manage/" + tenant.slug() + "/documents";
    }

    // --- settings ------------------------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/documents/settings")
    String settings(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) UUID agency, Model model) {
        GeraiUser me = CurrentUser.require();
        List<Agency> agencies = settings.manageable(tenant.id(), me);
        if (agencies.isEmpty()) {
            throw GeraiException.forbidden("document-forbidden");
        }
        Agency chosen = agency == null ? agencies.getFirst() : settings.agency(tenant.id(), agency, me);
        fillSettings(tenant, chosen, agencies, model);
        return "document/settings";
    }

    private void fillSettings(Tenant tenant, Agency agency, List<Agency> agencies, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("agencies", agencies);
        model.addAttribute("agency", agency);
        model.addAttribute("signatories", settings.signatories(tenant.id(), agency));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", settings.get(tenant.id(), agency));
        }
    }

    @PostMapping("/manage/{tenant}/documents/settings")
    String saveSettings(@RequestAttribute(TENANT) Tenant tenant, @RequestParam UUID agency,
                        @RequestParam(required = false) String numberFormat, @RequestParam(required = false) String letterhead,
                        @RequestParam(required = false) String place, @RequestParam(required = false) String defaultPosition,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        try {
            settings.save(tenant.id(), agency, new DocumentSettings.SettingsInput(numberFormat, letterhead, place, defaultPosition), me);
            redirect.addFlashAttribute("noticeKey", "document.settings.saved");
            return "redirect:/manage/" + tenant.slug() + "/documents/settings?agency=" + agency;
        } catch (InvalidInput e) {
            Agency chosen = settings.agency(tenant.id(), agency, me);
            model.addAttribute("errors", e.fields());
            model.addAttribute("form", new DocumentSettings.AgencySettings(chosen, numberFormat, letterhead, place,
                    defaultPosition, true, ""));
            fillSettings(tenant, chosen, settings.manageable(tenant.id(), me), model);
            response.setStatus(422);
            return "document/settings";
        }
    }

    @PostMapping("/manage/{tenant}/documents/signatories")
    String saveSignatory(@RequestAttribute(TENANT) Tenant tenant, @RequestParam UUID agency, @RequestParam UUID account,
                         @RequestParam(required = false) String position, @RequestParam(required = false) String nik,
                         RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        try {
            settings.saveSignatory(tenant.id(), agency, account, position, nik, me);
            redirect.addFlashAttribute("noticeKey", "document.settings.signatory-saved");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("signatoryErrors", e.fields());
            redirect.addFlashAttribute("signatoryAccount", account);
        }
        return "redirect:/manage/" + tenant.slug() + "/documents/settings?agency=" + agency;
    }

    private static DocumentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DocumentStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
