package id.gerai.replication.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.web.FormValues;
import id.gerai.tenancy.Tenant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of study visits ({@code /manage/{tenant}/study-visits}: the list, the request form, one visit with the
 * steps its viewer may take), action plans ({@code /manage/{tenant}/action-plans}) and the monitor's view
 * ({@code /monitor/replication}). Plain forms that work without JavaScript; htmx only refreshes the host's designs
 * when the host is chosen.
 */
@Controller
class ReplicationPages {

    private final StudyVisitService visits;
    private final ActionPlanService plans;
    private final ReplicationMonitor monitor;
    private final id.gerai.calendar.WorkingCalendar calendar;

    ReplicationPages(StudyVisitService visits, ActionPlanService plans, ReplicationMonitor monitor,
                     id.gerai.calendar.WorkingCalendar calendar) {
        this.visits = visits;
        this.plans = plans;
        this.monitor = monitor;
        this.calendar = calendar;
    }

    // --- study visits -----------------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/study-visits")
    String visitList(@RequestAttribute("geraiTenant") Tenant tenant, Locale locale, Model model) {
        var all = visits.list(tenant.id(), CurrentUser.require());
        model.addAttribute("tenant", tenant);
        model.addAttribute("outgoing", all.stream().filter(v -> v.side() == StudyVisit.Side.VISITOR).toList());
        model.addAttribute("incoming", all.stream().filter(v -> v.side() == StudyVisit.Side.HOST).toList());
        model.addAttribute("interest", visits.designInterest(tenant.id(), CurrentUser.require()));
        model.addAttribute("fmt", new Dates(locale, calendar.zone(tenant.id())));
        return "replication/visits";
    }

    @GetMapping("/manage/{tenant}/study-visits/new")
    String visitForm(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String host,
                     @RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
        StudyVisitService.requireManager(tenant.id(), CurrentUser.require());
        Map<String, Object> values = new HashMap<>();
        values.put("host", host == null ? "" : host);
        values.put("participants", "10");
        fillVisitForm(tenant, values, List.of(), Map.of(), model);
        return htmx ? "replication/visit-new :: request" : "replication/visit-new";
    }

    @PostMapping("/manage/{tenant}/study-visits")
    String request(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam MultiValueMap<String, String> form,
                   Model model, RedirectAttributes redirect) {
        List<UUID> designs = new ArrayList<>();
        for (String d : form.getOrDefault("designs", List.of())) {
            UUID id = FormValues.uuidOrNull(d);
            if (id != null) {
                designs.add(id);
            }
        }
        Integer participants = null;
        try {
            String p = form.getFirst("participants");
            participants = p == null || p.isBlank() ? null : Integer.valueOf(p.strip());
        } catch (NumberFormatException e) {
            participants = -1;
        }
        try {
            var v = visits.request(tenant.id(), new StudyVisitService.NewVisit(form.getFirst("host"), form.getFirst("topic"),
                    form.getFirst("purpose"), designs, form.getFirst("proposedFrom"), form.getFirst("proposedTo"),
                    participants, form.getFirst("contactName"), form.getFirst("contactEmail"),
                    form.getFirst("contactPhone")), CurrentUser.require());
            redirect.addFlashAttribute("done", "replication.visit.done.requested");
            return "redirect:/manage/" + tenant.slug() + "/study-visits/" + v.visit().id();
        } catch (InvalidInput e) {
            Map<String, Object> values = new HashMap<>(form.toSingleValueMap());
            fillVisitForm(tenant, values, designs, e.fields(), model);
            return "replication/visit-new";
        }
    }

    private void fillVisitForm(Tenant tenant, Map<String, Object> values, List<UUID> chosen, Map<String, String> errors,
                               Model model) {
        String host = Objects.toString(values.get("host"), "");
        List<Tenant> hosts = visits.possibleHosts(tenant.id());
        Tenant h = hosts.stream().filter(t -> t.slug().equals(host)).findFirst().orElse(null);
        model.addAttribute("tenant", tenant);
        model.addAttribute("hosts", hosts);
        model.addAttribute("host", h);
        model.addAttribute("designs", h == null ? List.of() : visits.designsOf(h));
        model.addAttribute("chosen", chosen);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
    }

    @GetMapping("/manage/{tenant}/study-visits/{id}")
    String visit(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        var v = visits.get(tenant.id(), id, CurrentUser.require());
        model.addAttribute("tenant", tenant);
        model.addAttribute("v", v);
        model.addAttribute("visit", v.visit());
        model.addAttribute("fmt", new Dates(locale, calendar.zone(tenant.id())));
        model.addAttribute("today", visits.today(tenant.id()).toString());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "replication/visit";
    }

    @PostMapping("/manage/{tenant}/study-visits/{id}/{action}")
    String visitStep(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable String action,
                     @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        String base = "redirect:/manage/" + tenant.slug() + "/study-visits/" + id;
        try {
            switch (action) {
                case "accept" -> visits.accept(tenant.id(), id, form.get("confirmedDate"), form.get("note"), me);
                case "decline" -> visits.decline(tenant.id(), id, form.get("reason"), me);
                case "cancel" -> visits.cancel(tenant.id(), id, form.get("reason"), me);
                case "held" -> visits.markHeld(tenant.id(), id, form.get("learnings"), me);
                default -> throw GeraiException.notFound("not-found");
            }
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("failedAction", action);
            redirect.addFlashAttribute("form", form);
            return base + "#action-" + action;
        } catch (GeraiException e) {
            if (e.status().value() == 409) {
                redirect.addFlashAttribute("flashError", "error." + e.code());
                return base;
            }
            throw e;
        }
        redirect.addFlashAttribute("done", "replication.visit.done." + action);
        return base;
    }

    // --- action plans -----------------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/action-plans")
    String planList(@RequestAttribute("geraiTenant") Tenant tenant, Locale locale, Model model) {
        GeraiUser me = CurrentUser.require();
        model.addAttribute("tenant", tenant);
        model.addAttribute("plans", plans.list(tenant.id(), me));
        model.addAttribute("manager", ActionPlanService.manager(tenant.id(), me));
        model.addAttribute("fmt", new Dates(locale, calendar.zone(tenant.id())));
        return "replication/plans";
    }

    @GetMapping("/manage/{tenant}/action-plans/new")
    String planForm(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String visit,
                    @RequestParam(required = false) String service, Model model) {
        if (!ActionPlanService.manager(tenant.id(), CurrentUser.require())) {
            throw GeraiException.forbidden("forbidden");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("source", service != null ? "DESIGN_COPY" : "VISIT");
        values.put("visitId", visit == null ? "" : visit);
        values.put("serviceId", service == null ? "" : service);
        fillPlanForm(tenant, values, Map.of(), model);
        return "replication/plan-new";
    }

    @PostMapping("/manage/{tenant}/action-plans")
    String createPlan(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        String source = form.get("source");
        try {
            ActionPlan p = plans.create(tenant.id(), new ActionPlanService.NewPlan(form.get("title"), source,
                    "VISIT".equals(source) ? FormValues.uuidOrNull(form.get("visitId")) : null,
                    "DESIGN_COPY".equals(source) ? FormValues.uuidOrNull(form.get("serviceId")) : null,
                    "BENCHMARK".equals(source) ? form.get("sourceNote") : null,
                    FormValues.uuidOrNull(form.get("agencyId"))), CurrentUser.require());
            redirect.addFlashAttribute("done", "replication.plan.done.created");
            return "redirect:/manage/" + tenant.slug() + "/action-plans/" + p.id();
        } catch (InvalidInput e) {
            fillPlanForm(tenant, new HashMap<>(form), e.fields(), model);
            return "replication/plan-new";
        }
    }

    private void fillPlanForm(Tenant tenant, Map<String, Object> values, Map<String, String> errors, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<id.gerai.platform.TenantId, String> hostNames = new HashMap<>();
        visits.possibleHosts(tenant.id()).forEach(t -> hostNames.put(t.id(), t.name()));
        model.addAttribute("heldVisits", visits.heldVisitsOf(tenant.id()).stream()
                .map(v -> new Option(v.id().toString(), hostNames.getOrDefault(v.host(), "") + ": " + v.topic()))
                .toList());
        model.addAttribute("copies", plans.copiedServices(tenant.id()).stream()
                .map(s -> new Option(s.id().toString(), s.name() + " — " + s.agencyName())).toList());
        model.addAttribute("agencies", plans.agencies(tenant.id()));
        model.addAttribute("sources", List.of(PlanSource.values()));
    }

    /** A choice in a select. */
    record Option(String value, String label) {
    }

    @GetMapping("/manage/{tenant}/action-plans/{id}")
    String plan(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("p", plans.get(tenant.id(), id, CurrentUser.require()));
        model.addAttribute("agencies", plans.agencies(tenant.id()));
        model.addAttribute("statuses", List.of(ItemStatus.values()));
        model.addAttribute("fmt", new Dates(locale, calendar.zone(tenant.id())));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "replication/plan";
    }

    @PostMapping("/manage/{tenant}/action-plans/{id}/items")
    String addItem(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                   @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String base = "redirect:/manage/" + tenant.slug() + "/action-plans/" + id;
        try {
            plans.addItem(tenant.id(), id, new ActionPlanService.NewItem(form.get("what"),
                    FormValues.uuidOrNull(form.get("agencyId")), form.get("responsible"), form.get("targetDate")),
                    CurrentUser.require());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("failedAction", "item");
            redirect.addFlashAttribute("form", form);
            return base + "#action-item";
        }
        redirect.addFlashAttribute("done", "replication.plan.done.item");
        return base;
    }

    @PostMapping("/manage/{tenant}/action-plans/{id}/items/{itemId}/progress")
    String progress(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable UUID itemId,
                    @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String base = "redirect:/manage/" + tenant.slug() + "/action-plans/" + id;
        try {
            plans.progress(tenant.id(), id, itemId, form.get("status"), form.get("note"), CurrentUser.require());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("failedAction", "progress-" + itemId);
            redirect.addFlashAttribute("form", form);
            return base + "#item-" + itemId;
        } catch (GeraiException e) {
            if (e.status().value() == 409) {
                redirect.addFlashAttribute("flashError", "error." + e.code());
                return base;
            }
            throw e;
        }
        redirect.addFlashAttribute("done", "replication.plan.done.progress");
        return base + "#item-" + itemId;
    }

    // --- the monitor ------------------------------------------------------------------------------------------

    @GetMapping("/monitor/replication")
    String monitor(Locale locale, Model model) {
        model.addAttribute("r", monitor.report(CurrentUser.require()));
        model.addAttribute("fmt", new Dates(locale, java.time.ZoneOffset.UTC));
        return "replication/monitor";
    }

    /** Dates as the reader's language writes them; instants in the tenant's zone. */
    public record Dates(Locale locale, java.time.ZoneId zone) {
        public String day(java.time.LocalDate d) {
            return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
        }

        public String at(java.time.Instant i) {
            return i == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .withZone(zone).format(i);
        }
    }
}
