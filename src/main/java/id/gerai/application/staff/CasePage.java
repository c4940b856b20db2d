package id.gerai.application.staff;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.DocumentContent;
import id.gerai.application.AttachedDocument;
import id.gerai.application.Correction;
import id.gerai.application.HistoryEntry;
import id.gerai.application.Task;
import id.gerai.application.TaskStatus;
import id.gerai.application.staff.StaffSupport.Holder;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * One application as the officers who work on it see it: the applicant with the full NIK (to check against the
 * KTP), the form data with its labels, the uploaded documents, the steps, the history with the role of each
 * actor, the internal notes, and for each active task the officer may act on the actions its step allows.
 * Only staff of the application's tenant who may see it get here; the counter officer who filed it is sent to
 * the filer's pages, everyone else gets a 404.
 */
@Controller
class CasePage {

    /** An active task with what the officer may do on it. */
    record TaskCard(UUID id, String step, String roleKey, String agency, TaskStatus status, Holder holder, Instant due,
                    boolean overdue, boolean dueSoon, boolean mayAct, List<String> actions) {

        public boolean allows(String action) {
            return actions.contains(action);
        }
    }

    record DocRow(String code, String name, boolean mandatory, AttachedDocument file, boolean flagged) {
    }

    record StepRow(String name, String roleKey, int stage, String state, Instant due, LocalDate expected, Instant doneAt) {
    }

    /** One history row: {@code roleKey} names who acted by role; {@code items} what a correction asked for. */
    record HistoryRow(Instant at, String action, String step, String roleKey, String reason, List<String> items) {
    }

    record Choice(String value, String label) {
    }

    private final Applications applications;
    private final TenancyApi tenancy;
    private final FormDataView formData;
    private final StaffSupport support;
    private final Duration dueSoon;

    CasePage(Applications applications, TenancyApi tenancy, FormDataView formData, StaffSupport support,
             @Value("${gerai.application.due-soon:P1D}") Duration dueSoon) {
        this.applications = applications;
        this.tenancy = tenancy;
        this.formData = formData;
        this.support = support;
        this.dueSoon = dueSoon;
    }

    @GetMapping("/manage/{tenant}/applications/{tracking}")
    String page(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String tracking, Model model) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        ApplicationDetail d = load(tenant, tracking, me);
        if (!d.permissions().staff()) {
            return "redirect:/applications/" + d.application().trackingNo();
        }
        Application app = d.application();
        ServiceDesign design = d.design();
        Correction correction = app.correction();
        Set<String> flaggedFields = correction == null ? Set.of() : Set.copyOf(correction.fields());
        Set<String> flaggedDocs = correction == null ? Set.of() : Set.copyOf(correction.documents());
        Map<UUID, String> agencies = tenancy.agencies(tenant.id()).stream().collect(Collectors.toMap(Agency::id, Agency::name));

        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", support.zone(tenant.id()));
        model.addAttribute("app", app);
        model.addAttribute("serviceName", StaffSupport.pick(d.serviceName(), d.serviceNameEn()));
        model.addAttribute("agencyName", d.agencyName());
        model.addAttribute("servicePoint", app.servicePointId() == null ? null : tenancy.servicePoints(tenant.id()).stream()
                .filter(p -> p.id().equals(app.servicePointId())).map(ServicePoint::name).findFirst().orElse(null));
        model.addAttribute("overdue", app.overdueAt(Instant.now()));
        model.addAttribute("data", formData.rows(design, app.data(), flaggedFields));
        model.addAttribute("documents", documents(d, flaggedDocs));
        model.addAttribute("steps", d.steps().stream().map(s -> new StepRow(StaffSupport.pick(s.name(), s.nameEn()),
                roleKey(s.role()), s.stage(), s.state(), s.due(), s.expected(), s.doneAt())).toList());
        model.addAttribute("history", history(d));
        model.addAttribute("notes", d.notes());
        model.addAttribute("mayNote", d.permissions().note());
        model.addAttribute("tasks", tasks(d, agencies, me));
        model.addAttribute("fieldChoices", FormFields.fields(design.form()).stream()
                .map(f -> new Choice(f.name(), FormDataView.label(f))).toList());
        model.addAttribute("documentChoices", design.documents().stream()
                .map(x -> new Choice(x.code(), StaffSupport.pick(x.name(), x.nameEn()))).toList());
        model.addAttribute("correctionItems", correction == null ? List.of() : labels(design, correction.fields(), correction.documents()));
        return "application/staff/application";
    }

    @GetMapping("/manage/{tenant}/applications/{tracking}/documents/{code}")
    ResponseEntity<InputStreamResource> document(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String tracking,
                                                 @PathVariable String code, @RequestParam(defaultValue = "false") boolean download) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        ApplicationDetail d = load(tenant, tracking, me);
        if (!d.permissions().staff()) {
            throw GeraiException.notFound("application-not-found");
        }
        DocumentContent content = applications.document(tenant.id(), d.application().id(), code, me)
                .orElseThrow(() -> GeraiException.notFound("not-found"));
        AttachedDocument doc = content.document();
        // shown in the browser (PDF, JPEG or PNG, checked by content at upload) unless a download is asked for
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(doc.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .contentLength(doc.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content.content()));
    }

    @PostMapping("/manage/{tenant}/applications/{tracking}/notes")
    String note(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String tracking,
                @RequestParam(required = false) String body, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        ApplicationDetail d = load(tenant, tracking, me);
        String page = "redirect:/manage/" + tenant.slug() + "/applications/" + d.application().trackingNo();
        try {
            applications.addNote(tenant.id(), d.application().id(), body, me);
            redirect.addFlashAttribute(StaffSupport.DONE, "application.staff.done.note");
            return page + "#notes";
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("noteErrors", StaffSupport.errors(e));
            redirect.addFlashAttribute("noteBody", body);
            return page + "#note-form";
        }
    }

    // --- views ------------------------------------------------------------------------------------------

    private ApplicationDetail load(Tenant tenant, String tracking, GeraiUser me) {
        return applications.detail(StaffSupport.canonical(tracking), me)
                .filter(d -> d.application().tenant().equals(tenant.id()))
                .orElseThrow(() -> GeraiException.notFound("application-not-found"));
    }

    private static List<DocRow> documents(ApplicationDetail d, Set<String> flagged) {
        List<DocRow> rows = new ArrayList<>();
        for (RequiredDocument r : d.design().documents()) {
            AttachedDocument file = d.documents().stream().filter(x -> x.code().equals(r.code())).findFirst().orElse(null);
            rows.add(new DocRow(r.code(), StaffSupport.pick(r.name(), r.nameEn()), r.mandatory(), file, flagged.contains(r.code())));
        }
        return rows;
    }

    private List<TaskCard> tasks(ApplicationDetail d, Map<UUID, String> agencies, GeraiUser me) {
        Instant now = Instant.now();
        List<TaskCard> cards = new ArrayList<>();
        for (Task t : d.tasks()) {
            if (!t.status().active()) {
                continue;
            }
            Step step = step(d.design(), t.stepCode());
            Holder holder = t.status() == TaskStatus.OPEN ? Holder.FREE
                    : me.accountId().equals(t.claimedBy()) ? Holder.MINE : Holder.OTHER;
            boolean overdue = t.dueAt().isBefore(now);
            cards.add(new TaskCard(t.id(), step == null ? t.stepCode() : StaffSupport.pick(step.name(), step.nameEn()),
                    roleKey(t.role()), agencies.getOrDefault(t.agencyId(), ""), t.status(), holder, t.dueAt(), overdue,
                    !overdue && t.dueAt().isBefore(now.plus(dueSoon)), d.permissions().tasks().contains(t.id()),
                    step == null ? List.of() : step.actions()));
        }
        return cards;
    }

    private static List<HistoryRow> history(ApplicationDetail d) {
        List<HistoryRow> rows = new ArrayList<>();
        for (HistoryEntry h : d.history()) {
            Step step = h.stepCode() == null ? null : step(d.design(), h.stepCode());
            Map<String, Object> detail = h.detail() == null ? Map.of() : h.detail();
            Object reason = detail.get("reason");
            List<String> items = h.action().equals("CORRECTION_REQUESTED")
                    ? labels(d.design(), strings(detail.get("fields")), strings(detail.get("documents"))) : List.of();
            rows.add(new HistoryRow(h.at(), h.action(), step == null ? h.stepCode() : StaffSupport.pick(step.name(), step.nameEn()),
                    roleKey(h.actorRole()), reason == null ? null : String.valueOf(reason), items));
        }
        return rows;
    }

    private static String roleKey(String role) {
        if (role == null) {
            return "application.staff.history.system";
        }
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role)) ? "role." + role
                : "application.staff.history.staff";
    }

    /** The labels of correction fields and documents, for the page and the history. */
    private static List<String> labels(ServiceDesign design, Collection<String> fields, Collection<String> documents) {
        List<String> out = new ArrayList<>();
        var byName = FormFields.fields(design.form()).stream().collect(Collectors.toMap(FormFields.Field::name, f -> f, (a, b) -> a));
        for (String f : fields) {
            var field = byName.get(f.split("[.\\[]", 2)[0]);
            out.add(field == null ? f : FormDataView.label(field));
        }
        for (String code : documents) {
            out.add(design.documents().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> StaffSupport.pick(x.name(), x.nameEn())).orElse(code));
        }
        return out;
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Step step(ServiceDesign design, String code) {
        return design.procedure().steps().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}
