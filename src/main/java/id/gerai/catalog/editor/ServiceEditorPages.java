package id.gerai.catalog.editor;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.Category;
import id.gerai.catalog.DesignProblem;
import id.gerai.catalog.DesignRejected;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.LifeEvent;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.catalog.StandardComponent;
import id.gerai.catalog.VersionStatus;
import id.gerai.catalog.Widget;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The no-code service editor: agency admins and the MPP manager build a service's form, documents and
 * procedure with ordinary HTML forms (each change is one POST, then back to the editor), preview the
 * citizen's form, check and publish. Works without JavaScript. Every change goes through {@link CatalogApi},
 * which validates and audits it.
 */
@Controller
class ServiceEditorPages {

    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");
    static final List<String> DOCUMENT_TYPES = List.of("application/pdf", "image/jpeg", "image/png");
    static final List<String> CHANNELS = List.of("ONLINE", "MPP", "MALL", "VILLAGE_OFFICE");
    static final List<String> ACTIONS = List.of("APPROVE", "CORRECTION", "REJECT");
    static final List<Role> STEP_ROLES = List.of(Role.PETUGAS_INSTANSI, Role.ADMIN_INSTANSI, Role.PETUGAS_LOKET, Role.PENGELOLA_MPP);

    record NewServiceForm(UUID agencyId, String name, String kindCode, String category) implements java.io.Serializable {
    }

    record GeneralForm(String name, String nameEn, String summary, String summaryEn, String kindCode, String category,
                       List<String> lifeEvents, List<String> channels, String fee, String timeLimitDays) implements java.io.Serializable {
    }

    record DocumentForm(String code, String name, String nameEn, Boolean mandatory, List<String> types, String maxSizeKb) implements java.io.Serializable {
    }

    record FieldForm(String name, String widget, Boolean required, String labelId, String labelEn, String helpId,
                     String helpEn, String options, String maxLength, String minimum, String maximum) implements java.io.Serializable {
    }

    record StepForm(String code, String name, String nameEn, String role, String agencyCode, String days,
                    List<String> actions, String parallelGroup, Boolean finalApproval) implements java.io.Serializable {
    }

    private final CatalogApi catalog;
    private final TenancyApi tenancy;

    ServiceEditorPages(CatalogApi catalog, TenancyApi tenancy) {
        this.catalog = catalog;
        this.tenancy = tenancy;
    }

    // --- the tenant's services ----------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/services")
    String list(@RequestAttribute("geraiTenant") Tenant tenant, Model model) {
        List<Agency> agencies = editableAgencies(tenant);
        if (agencies.isEmpty()) {
            throw GeraiException.forbidden("forbidden");
        }
        List<UUID> ids = agencies.stream().map(Agency::id).toList();
        model.addAttribute("tenant", tenant);
        model.addAttribute("agencies", agencies);
        model.addAttribute("services", catalog.services(tenant.id()).stream().filter(s -> ids.contains(s.agencyId())).toList());
        model.addAttribute("categories", Category.values());
        if (!model.containsAttribute("newService")) {
            model.addAttribute("newService", new NewServiceForm(agencies.getFirst().id(), "", "", Category.LAINNYA.name()));
        }
        return "catalog/editor/list";
    }

    @PostMapping("/manage/{tenant}/services")
    String create(@RequestAttribute("geraiTenant") Tenant tenant, @ModelAttribute NewServiceForm form, Model model,
                  RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        if (form.agencyId() == null) {
            errors.add("agencyId", "validation.required");
        } else {
            catalog.requireEditor(tenant.id(), form.agencyId());
        }
        String kind = form.kindCode() == null ? "" : form.kindCode().strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (form.name() == null || form.name().isBlank()) {
            errors.add("name", "validation.required");
        }
        if (!CODE.matcher(kind).matches()) {
            errors.add("kindCode", "editor.kind-code.format");
        }
        try {
            errors.throwIfAny();
            ServiceDesign design = starter(form.name().strip(), kind, form.category());
            ServiceVersion created = catalog.create(tenant.id(), new CatalogApi.NewService(form.agencyId(), design, null));
            redirect.addFlashAttribute("saved", "editor.saved.created");
            return "redirect:/manage/" + tenant.slug() + "/services/" + created.serviceId();
        } catch (InvalidInput e) {
            model.addAttribute("newServiceErrors", e.fields());
            model.addAttribute("newService", form);
            return list(tenant, model);
        }
    }

    @PostMapping("/manage/{tenant}/services/import")
    String importDesign(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam UUID agencyId,
                        @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String json,
                        RedirectAttributes redirect) throws java.io.IOException {
        catalog.requireEditor(tenant.id(), agencyId);
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : json;
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("importError", "editor.import.empty");
            return "redirect:/manage/" + tenant.slug() + "/services";
        }
        try {
            ServiceVersion v = catalog.importDesign(tenant.id(), agencyId, text);
            redirect.addFlashAttribute("saved", "editor.saved.imported");
            return "redirect:/manage/" + tenant.slug() + "/services/" + v.serviceId();
        } catch (GeraiException e) {
            redirect.addFlashAttribute("importError", e instanceof InvalidInput ii && !ii.fields().isEmpty()
                    ? ii.fields().values().iterator().next() : "error." + e.code());
            return "redirect:/manage/" + tenant.slug() + "/services";
        }
    }

    // --- one service ----------------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/services/{id}")
    String editor(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                  @RequestParam(required = false) String field, @RequestParam(required = false) String group,
                  @RequestParam(required = false) String step, @RequestParam(required = false) String doc, Model model) {
        ServiceSummary service = editable(tenant, id);
        ServiceVersion version = catalog.draft(tenant.id(), id).or(() -> catalog.current(tenant.id(), id))
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        ServiceDesign d = version.design();
        boolean draft = version.status() == VersionStatus.DRAFT;
        model.addAttribute("tenant", tenant);
        model.addAttribute("service", service);
        model.addAttribute("originTenantName", service.origin() == null ? null
                : tenancy.byId(service.origin().tenant()).map(Tenant::name).orElse(null));
        model.addAttribute("version", version);
        model.addAttribute("draft", draft);
        model.addAttribute("design", d);
        model.addAttribute("fields", DesignEdits.fields(d.form()));
        model.addAttribute("problems", draft ? catalog.check(tenant.id(), d) : List.of());
        model.addAttribute("history", catalog.history(tenant.id(), id));
        model.addAttribute("agencies", tenancy.agencies(tenant.id()));
        model.addAttribute("widgets", Widget.values());
        model.addAttribute("itemWidgets", java.util.Arrays.stream(Widget.values()).filter(w -> w != Widget.GROUP).toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("lifeEvents", LifeEvent.values());
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("components", StandardComponent.values());
        model.addAttribute("documentTypes", DOCUMENT_TYPES);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("roles", STEP_ROLES);
        Field editField = field == null ? null : group == null ? DesignEdits.field(d.form(), field)
                : groupItem(d, group, field);
        if (!model.containsAttribute("fieldForm")) {
            model.addAttribute("fieldForm", editField == null ? new FieldForm("", Widget.TEXT.name(), true, "", "", "", "", "", "", "", "")
                    : fieldForm(editField));
        }
        model.addAttribute("fieldGroup", group);
        model.addAttribute("editingField", editField != null);
        Step editStep = d.procedure().steps().stream().filter(s -> s.code().equals(step)).findFirst().orElse(null);
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", editStep == null
                    ? new StepForm("", "", "", Role.PETUGAS_INSTANSI.name(), "", "1", ACTIONS, "", d.procedure().steps().isEmpty())
                    : new StepForm(editStep.code(), editStep.name(), editStep.nameEn(), editStep.role(), editStep.agencyCode(),
                    String.valueOf(editStep.days()), editStep.actions(), editStep.parallelGroup(), editStep.finalApproval()));
        }
        RequiredDocument editDoc = d.documents().stream().filter(x -> x.code().equals(doc)).findFirst().orElse(null);
        if (!model.containsAttribute("documentForm")) {
            model.addAttribute("documentForm", editDoc == null ? new DocumentForm("", "", "", true, DOCUMENT_TYPES, "2048")
                    : new DocumentForm(editDoc.code(), editDoc.name(), editDoc.nameEn(), editDoc.mandatory(), editDoc.types(),
                    String.valueOf(editDoc.maxSizeKb())));
        }
        return "catalog/editor/edit";
    }

    @GetMapping("/manage/{tenant}/services/{id}/preview")
    String preview(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, Model model) {
        editable(tenant, id);
        ServiceVersion version = catalog.draft(tenant.id(), id).or(() -> catalog.current(tenant.id(), id))
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        model.addAttribute("tenant", tenant);
        model.addAttribute("serviceId", id);
        model.addAttribute("design", version.design());
        model.addAttribute("fields", DesignEdits.fields(version.design().form()));
        return "catalog/editor/preview";
    }

    @PostMapping("/manage/{tenant}/services/{id}/general")
    String general(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @ModelAttribute GeneralForm f,
                   RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        if (f.name() == null || f.name().isBlank()) {
            errors.add("name", "validation.required");
        }
        String kind = f.kindCode() == null ? "" : f.kindCode().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(kind).matches()) {
            errors.add("kindCode", "editor.kind-code.format");
        }
        BigDecimal fee = decimal(f.fee() == null ? null : f.fee().replace(".", "").replace("Rp", ""), errors, "fee");
        Integer days = integer(f.timeLimitDays(), errors, "timeLimitDays");
        if (fee != null && fee.signum() < 0) {
            errors.add("fee", "editor.fee.negative");
        }
        if (days != null && (days < 1 || days > 365)) {
            errors.add("timeLimitDays", "editor.days.range");
        }
        return change(tenant, id, redirect, "general", errors, d -> DesignEdits.general(d, f.name().strip(), f.nameEn(),
                f.summary() == null ? "" : f.summary().strip(), f.summaryEn(), kind, f.category(),
                f.lifeEvents() == null ? List.of() : f.lifeEvents(), f.channels() == null ? List.of() : f.channels(),
                fee == null ? BigDecimal.ZERO : fee, days == null ? 1 : days));
    }

    @PostMapping("/manage/{tenant}/services/{id}/standard")
    String standard(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                    @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<StandardComponent, String> standard = new EnumMap<>(StandardComponent.class);
        for (StandardComponent c : StandardComponent.values()) {
            String v = params.get("std_" + c.name());
            if (v != null && v.length() > 4000) {
                return change(tenant, id, redirect, "standard", new InvalidInput.Collector().add("std_" + c.name(), "validation.too-long"), d -> d);
            }
            standard.put(c, v);
        }
        return change(tenant, id, redirect, "standard", new InvalidInput.Collector(), d -> DesignEdits.standard(d, standard));
    }

    @PostMapping("/manage/{tenant}/services/{id}/documents")
    String putDocument(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @ModelAttribute DocumentForm f,
                       RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        String code = f.code() == null ? "" : f.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add("docCode", "editor.code.format");
        }
        if (f.name() == null || f.name().isBlank()) {
            errors.add("docName", "validation.required");
        }
        List<String> types = f.types() == null ? List.of() : f.types().stream().filter(DOCUMENT_TYPES::contains).toList();
        if (types.isEmpty()) {
            errors.add("docTypes", "editor.document.types");
        }
        Integer size = integer(f.maxSizeKb(), errors, "docMaxSizeKb");
        if (size != null && (size < 1 || size > 20480)) {
            errors.add("docMaxSizeKb", "editor.document.size");
        }
        if (errors.has("docCode") || errors.has("docName") || errors.has("docTypes") || errors.has("docMaxSizeKb")) {
            redirect.addFlashAttribute("documentForm", f);
        }
        return change(tenant, id, redirect, "documents", errors, d -> DesignEdits.putDocument(d,
                new RequiredDocument(code, f.name().strip(), blank(f.nameEn()), Boolean.TRUE.equals(f.mandatory()), types, size)));
    }

    @PostMapping("/manage/{tenant}/services/{id}/documents/{code}/{action}")
    String documentAction(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable String code,
                          @PathVariable String action, RedirectAttributes redirect) {
        return change(tenant, id, redirect, "documents", new InvalidInput.Collector(), d -> switch (action) {
            case "up" -> DesignEdits.moveDocument(d, code, -1);
            case "down" -> DesignEdits.moveDocument(d, code, 1);
            case "remove" -> DesignEdits.removeDocument(d, code);
            default -> throw GeraiException.notFound("not-found");
        });
    }

    @PostMapping("/manage/{tenant}/services/{id}/fields")
    String putField(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @ModelAttribute FieldForm f,
                    @RequestParam(required = false) String group, RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        Field field = toField(f, group != null && !group.isBlank(), errors);
        if (field == null) {
            redirect.addFlashAttribute("fieldForm", f);
            return change(tenant, id, redirect, "fields", errors, d -> d);
        }
        return change(tenant, id, redirect, "fields", errors, d -> group != null && !group.isBlank()
                ? DesignEdits.putGroupItem(d, group, field) : DesignEdits.putField(d, field));
    }

    @PostMapping("/manage/{tenant}/services/{id}/fields/{name}/{action}")
    String fieldAction(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable String name,
                       @PathVariable String action, @RequestParam(required = false) String group, RedirectAttributes redirect) {
        return change(tenant, id, redirect, "fields", new InvalidInput.Collector(), d -> switch (action) {
            case "up" -> DesignEdits.moveField(d, name, -1);
            case "down" -> DesignEdits.moveField(d, name, 1);
            case "remove" -> group != null && !group.isBlank() ? DesignEdits.removeGroupItem(d, group, name) : DesignEdits.removeField(d, name);
            default -> throw GeraiException.notFound("not-found");
        });
    }

    @PostMapping("/manage/{tenant}/services/{id}/steps")
    String putStep(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @ModelAttribute StepForm f,
                   RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        String code = f.code() == null ? "" : f.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add("stepCode", "editor.code.format");
        }
        if (f.name() == null || f.name().isBlank()) {
            errors.add("stepName", "validation.required");
        }
        Integer days = integer(f.days(), errors, "stepDays");
        if (days != null && (days < 1 || days > 365)) {
            errors.add("stepDays", "editor.days.range");
        }
        List<String> actions = f.actions() == null ? List.of() : f.actions().stream().filter(ACTIONS::contains).toList();
        if (actions.isEmpty()) {
            errors.add("stepActions", "editor.step.actions");
        }
        if (f.role() == null || STEP_ROLES.stream().noneMatch(r -> r.name().equals(f.role()))) {
            errors.add("stepRole", "validation.required");
        }
        if (errors.has("stepCode") || errors.has("stepName") || errors.has("stepDays") || errors.has("stepActions") || errors.has("stepRole")) {
            redirect.addFlashAttribute("stepForm", f);
        }
        String group = blank(f.parallelGroup());
        return change(tenant, id, redirect, "steps", errors, d -> DesignEdits.putStep(d, new Step(code, f.name().strip(), blank(f.nameEn()),
                f.role(), blank(f.agencyCode()), days == null ? 1 : days, actions, group == null ? null : group.toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(f.finalApproval()))));
    }

    @PostMapping("/manage/{tenant}/services/{id}/steps/{code}/{action}")
    String stepAction(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable String code,
                      @PathVariable String action, RedirectAttributes redirect) {
        return change(tenant, id, redirect, "steps", new InvalidInput.Collector(), d -> switch (action) {
            case "up" -> DesignEdits.moveStep(d, code, -1);
            case "down" -> DesignEdits.moveStep(d, code, 1);
            case "remove" -> DesignEdits.removeStep(d, code);
            default -> throw GeraiException.notFound("not-found");
        });
    }

    @PostMapping("/manage/{tenant}/services/{id}/output")
    String output(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String template, RedirectAttributes redirect) {
        var errors = new InvalidInput.Collector();
        if (title.isBlank()) {
            errors.add("outputTitle", "validation.required");
        }
        if (template.length() > 20000) {
            errors.add("outputTemplate", "validation.too-long");
        }
        return change(tenant, id, redirect, "output", errors, d -> DesignEdits.output(d, title.strip(), template.strip()));
    }

    @PostMapping("/manage/{tenant}/services/{id}/publish")
    String publish(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @RequestParam int version,
                   RedirectAttributes redirect) {
        editable(tenant, id);
        try {
            catalog.publish(tenant.id(), id, version);
            redirect.addFlashAttribute("saved", "editor.saved.published");
        } catch (DesignRejected e) {
            redirect.addFlashAttribute("publishRefused", true);
        }
        return "redirect:/manage/" + tenant.slug() + "/services/" + id;
    }

    @PostMapping("/manage/{tenant}/services/{id}/new-draft")
    String newDraft(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        editable(tenant, id);
        catalog.newDraft(tenant.id(), id);
        redirect.addFlashAttribute("saved", "editor.saved.new-draft");
        return "redirect:/manage/" + tenant.slug() + "/services/" + id;
    }

    @PostMapping("/manage/{tenant}/services/{id}/discard")
    String discard(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        editable(tenant, id);
        catalog.discardDraft(tenant.id(), id);
        redirect.addFlashAttribute("saved", "editor.saved.discarded");
        return catalog.service(tenant.id(), id).isPresent() ? "redirect:/manage/" + tenant.slug() + "/services/" + id
                : "redirect:/manage/" + tenant.slug() + "/services";
    }

    @GetMapping("/manage/{tenant}/services/{id}/versions/{version}/export")
    ResponseEntity<byte[]> export(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable int version) {
        ServiceSummary service = editable(tenant, id);
        byte[] json = catalog.export(tenant.id(), id, version).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(service.slug() + "-v" + version + ".json").build().toString())
                .body(json);
    }

    // --- replication: study other regions' designs and copy one ----------------------------------------------

    @GetMapping("/manage/{tenant}/designs")
    String designs(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String q, Model model) {
        List<Agency> agencies = editableAgencies(tenant);
        if (agencies.isEmpty()) {
            throw GeraiException.forbidden("forbidden");
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("agencies", agencies);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("designs", catalog.publishedDesigns(blank(kind), blank(q)).stream()
                .filter(p -> !p.tenant().equals(tenant.id())).toList());
        return "catalog/editor/designs";
    }

    @PostMapping("/manage/{tenant}/designs/copy")
    String copy(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam String sourceTenant, @RequestParam UUID sourceService,
                @RequestParam int sourceVersion, @RequestParam UUID agencyId, RedirectAttributes redirect) {
        catalog.requireEditor(tenant.id(), agencyId);
        Tenant source = tenancy.bySlug(sourceTenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        ServiceVersion copy = catalog.copy(tenant.id(), agencyId, source.id(), sourceService, sourceVersion);
        redirect.addFlashAttribute("saved", "editor.saved.copied");
        return "redirect:/manage/" + tenant.slug() + "/services/" + copy.serviceId();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Applies one edit to the draft, or says on the editor page why it could not. */
    private String change(Tenant tenant, UUID id, RedirectAttributes redirect, String section, InvalidInput.Collector errors,
                          java.util.function.UnaryOperator<ServiceDesign> edit) {
        editable(tenant, id);
        String back = "redirect:/manage/" + tenant.slug() + "/services/" + id + "#" + section;
        try {
            errors.throwIfAny();
            ServiceVersion draft = catalog.draft(tenant.id(), id).orElseThrow(() -> GeraiException.conflict("catalog-no-draft"));
            ServiceDesign next = edit.apply(draft.design());
            catalog.updateDraft(tenant.id(), id, next, null);
            redirect.addFlashAttribute("saved", "editor.saved." + section);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("errorSection", section);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", Map.of(section, "editor.invalid." + section));
            redirect.addFlashAttribute("errorSection", section);
        }
        return back;
    }

    private ServiceSummary editable(Tenant tenant, UUID id) {
        ServiceSummary service = catalog.service(tenant.id(), id).orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        catalog.requireEditor(tenant.id(), service.agencyId());
        return service;
    }

    private List<Agency> editableAgencies(Tenant tenant) {
        CurrentUser.require();
        return tenancy.agencies(tenant.id()).stream().filter(a -> catalog.mayEdit(tenant.id(), a.id())).toList();
    }

    private static ServiceDesign starter(String name, String kind, String category) {
        return new ServiceDesign(ServiceDesign.FORMAT, name, null, "", null, kind,
                category == null || category.isBlank() ? Category.LAINNYA.name() : category, List.of(), List.of("ONLINE", "MPP"),
                Map.of(), BigDecimal.ZERO, 5, List.of(), FormFields.emptyForm(), new ServiceDesign.Procedure(List.of()),
                new ServiceDesign.OutputDocument(name, "", List.of()));
    }

    private static Field groupItem(ServiceDesign d, String group, String name) {
        Field g = DesignEdits.field(d.form(), group);
        return g == null ? null : g.items().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    private static FieldForm fieldForm(Field f) {
        StringBuilder options = new StringBuilder();
        for (ServiceDesign.Option o : f.options()) {
            options.append(o.value()).append('|').append(o.label().getOrDefault("id", ""))
                    .append('|').append(o.label().getOrDefault("en", "")).append('\n');
        }
        return new FieldForm(f.name(), f.widget().name(), f.required(), f.label().getOrDefault("id", ""), f.label().getOrDefault("en", ""),
                f.help() == null ? "" : f.help().getOrDefault("id", ""), f.help() == null ? "" : f.help().getOrDefault("en", ""),
                options.toString().strip(), f.maxLength() == null ? "" : f.maxLength().toString(),
                f.minimum() == null ? "" : f.minimum().toPlainString(), f.maximum() == null ? "" : f.maximum().toPlainString());
    }

    /** The field the editor form describes, or {@code null} with errors collected. */
    private static Field toField(FieldForm f, boolean insideGroup, InvalidInput.Collector errors) {
        String name = f.name() == null ? "" : f.name().strip();
        if (!FormFields.NAME.matcher(name).matches()) {
            errors.add("fieldName", "editor.field.name");
        }
        Widget widget = null;
        try {
            widget = Widget.valueOf(f.widget());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add("fieldWidget", "validation.required");
        }
        if (widget == Widget.GROUP && insideGroup) {
            errors.add("fieldWidget", "editor.field.nested-group");
        }
        if (f.labelId() == null || f.labelId().isBlank()) {
            errors.add("fieldLabelId", "validation.required");
        }
        List<ServiceDesign.Option> options = new ArrayList<>();
        if (widget == Widget.SELECT || widget == Widget.MULTISELECT) {
            for (String line : (f.options() == null ? "" : f.options()).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                String value = parts[0].strip();
                String labelId = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : value;
                String labelEn = parts.length > 2 ? parts[2].strip() : "";
                options.add(FormFields.option(value, labelId, labelEn));
            }
            if (options.isEmpty()) {
                errors.add("fieldOptions", "editor.field.options");
            }
        }
        Integer maxLength = integer(f.maxLength(), errors, "fieldMaxLength");
        BigDecimal min = decimal(f.minimum(), errors, "fieldMinimum");
        BigDecimal max = decimal(f.maximum(), errors, "fieldMaximum");
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add("fieldMaximum", "editor.field.bounds");
        }
        if (errors.has("fieldName") || errors.has("fieldWidget") || errors.has("fieldLabelId") || errors.has("fieldOptions")
                || errors.has("fieldMaxLength") || errors.has("fieldMinimum") || errors.has("fieldMaximum")) {
            return null;
        }
        Map<String, String> help = blank(f.helpId()) == null ? null : FormFields.labels(f.helpId().strip(), f.helpEn());
        List<Field> items = widget == Widget.GROUP
                ? List.of(Field.of("nama", Widget.TEXT, true, "Nama", "Name"))
                : null;
        return new Field(name, widget, Boolean.TRUE.equals(f.required()), FormFields.labels(f.labelId().strip(), f.labelEn()), help,
                options, maxLength, min, max, items);
    }

    private static Integer integer(String s, InvalidInput.Collector errors, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "editor.number");
            return null;
        }
    }

    private static BigDecimal decimal(String s, InvalidInput.Collector errors, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(field, "editor.number");
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, String> noErrors() {
        return new LinkedHashMap<>();
    }
}
