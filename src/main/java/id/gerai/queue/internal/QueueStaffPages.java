package id.gerai.queue.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Staff queue pages under {@code /manage/{tenant}/queue}: the overview (the counters a person may work at; for the MPP
 * manager also every service point's counters, booking hours and today's figures, with forms to change them), the
 * counter form, and a counter's screen with "Panggil berikutnya".
 */
@Controller
class QueueStaffPages {

    private final QueueService queue;

    QueueStaffPages(QueueService queue) {
        this.queue = queue;
    }

    /** A service point on the overview, with its counters and booking settings. */
    public record PointView(ServicePoint point, List<Counter> counters, PointSettings settings) {
    }

    @GetMapping("/manage/{tenant}/queue")
    String overview(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, Model model) {
        GeraiUser me = CurrentUser.require();
        boolean manager = QueueService.isManager(me, tenant.id());
        List<Counter> counters = queue.counters(tenant.id());
        List<Counter> mine = counters.stream().filter(c -> c.active() && QueueService.mayOperate(me, c)).toList();
        if (!manager && mine.isEmpty() && !me.hasTenantRole(tenant.id(), id.gerai.identity.Role.PETUGAS_LOKET,
                id.gerai.identity.Role.PETUGAS_INSTANSI, id.gerai.identity.Role.ADMIN_INSTANSI)) {
            throw GeraiException.forbidden("forbidden");
        }
        List<PointView> points = new ArrayList<>();
        for (ServicePoint p : queue.points(tenant.id())) {
            points.add(new PointView(p, counters.stream().filter(c -> c.servicePointId().equals(p.id())).toList(),
                    queue.settings(tenant.id(), p.id())));
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("manager", manager);
        model.addAttribute("mine", mine);
        model.addAttribute("points", points);
        Map<UUID, String> pointNames = new LinkedHashMap<>();
        points.forEach(p -> pointNames.put(p.point().id(), p.point().name()));
        model.addAttribute("pointNames", pointNames);
        if (manager) {
            model.addAttribute("figures", queue.figures(tenant.id(), me));
            model.addAttribute("today", queue.today(tenant.id()));
            addChoices(tenant, model);
            if (!model.containsAttribute("errors")) {
                model.addAttribute("errors", Map.of());
            }
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", Map.of("active", "on"));
            }
        }
        return "queue/manage";
    }

    private void addChoices(Tenant tenant, Model model) {
        model.addAttribute("agencies", queue.agencies(tenant.id()).values());
        model.addAttribute("services", queue.services(tenant.id()).values());
    }

    @PostMapping("/manage/{tenant}/queue/counters")
    String create(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        UUID point = QueuePublicPages.uuid(form.getFirst("servicePointId"));
        try {
            if (point == null) {
                throw InvalidInput.of("servicePointId", "queue.error.point");
            }
            Counter c = queue.createCounter(tenant.id(), point, input(form), me);
            redirect.addFlashAttribute("done", "queue.manage.created");
            redirect.addFlashAttribute("doneArg", c.code());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("form", form.toSingleValueMap());
            // the ticked agencies and chosen services come back ticked, not only the first of each
            redirect.addFlashAttribute("formAgencyIds", uuids(form.get("agencyIds")));
            redirect.addFlashAttribute("formServiceIds", uuids(form.get("serviceIds")));
            return "redirect:/manage/" + tenant.slug() + "/queue#new-counter";
        }
        return "redirect:/manage/" + tenant.slug() + "/queue";
    }

    @GetMapping("/manage/{tenant}/queue/counters/{id}/edit")
    String edit(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id, Model model) {
        GeraiUser me = CurrentUser.require();
        if (!QueueService.isManager(me, tenant.id())) {
            throw GeraiException.forbidden("forbidden");
        }
        Counter c = queue.counter(tenant.id(), id);
        return editPage(tenant, c, Map.of(), model);
    }

    private String editPage(Tenant tenant, Counter c, Map<String, String> errors, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("c", c);
        model.addAttribute("point", queue.point(tenant.id(), c.servicePointId().toString()));
        model.addAttribute("errors", errors);
        addChoices(tenant, model);
        return "queue/counter-edit";
    }

    @PostMapping("/manage/{tenant}/queue/counters/{id}/edit")
    String update(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        try {
            Counter c = queue.updateCounter(tenant.id(), id, input(form), me);
            redirect.addFlashAttribute("done", "queue.manage.changed");
            redirect.addFlashAttribute("doneArg", c.code());
            return "redirect:/manage/" + tenant.slug() + "/queue";
        } catch (InvalidInput e) {
            response.setStatus(422);
            Counter before = queue.counter(tenant.id(), id);
            Counter typed = new Counter(before.tenant(), id, before.servicePointId(), form.getFirst("code"),
                    form.getFirst("name"), uuids(form.get("agencyIds")), uuids(form.get("serviceIds")), form.containsKey("active"));
            return editPage(tenant, typed, e.fields(), model);
        }
    }

    @PostMapping("/manage/{tenant}/queue/points/{point}/settings")
    String settings(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID point,
                    @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            queue.saveSettings(tenant.id(), point, form.get("opens"), form.get("closes"), form.get("slotMinutes"),
                    form.get("slotCapacity"), CurrentUser.require());
            redirect.addFlashAttribute("done", "queue.manage.settings-saved");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("settingsErrors", e.fields());
            redirect.addFlashAttribute("settingsPoint", point);
            // what was typed, shown again beside its message rather than the stored settings
            redirect.addFlashAttribute("settingsForm", Map.copyOf(form));
        }
        return "redirect:/manage/" + tenant.slug() + "/queue#settings-" + point;
    }

    private static QueueService.CounterInput input(MultiValueMap<String, String> form) {
        return new QueueService.CounterInput(form.getFirst("code"), form.getFirst("name"), uuids(form.get("agencyIds")),
                uuids(form.get("serviceIds")), form.containsKey("active"));
    }

    private static List<UUID> uuids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(QueuePublicPages::uuid).filter(java.util.Objects::nonNull).toList();
    }

    // --- the counter's screen ---------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/queue/counters/{id}")
    String screen(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("s", queue.screen(tenant.id(), id, CurrentUser.require()));
        model.addAttribute("times", new QueuePublicPages.Times(locale, queue.zone(tenant.id())));
        return htmx != null ? "queue/counter :: work" : "queue/counter";
    }

    @PostMapping("/manage/{tenant}/queue/counters/{id}/{action}")
    String act(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id, @PathVariable String action,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
               RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        String flash = null;
        String error = null;
        try {
            Ticket t = switch (action) {
                case "call" -> queue.callNext(tenant.id(), id, me);
                case "recall" -> queue.act(tenant.id(), id, QueueService.Step.RECALL, me);
                case "start" -> queue.act(tenant.id(), id, QueueService.Step.START, me);
                case "finish" -> queue.act(tenant.id(), id, QueueService.Step.FINISH, me);
                case "no-show" -> queue.act(tenant.id(), id, QueueService.Step.NO_SHOW, me);
                default -> throw GeraiException.notFound("not-found");
            };
            flash = "queue.counter.done." + action;
            model.addAttribute("doneArg", t.number());
            redirect.addFlashAttribute("doneArg", t.number());
        } catch (GeraiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            error = "error." + e.code();
        }
        if (htmx != null) {
            model.addAttribute("done", flash);
            model.addAttribute("flashError", error);
            return screen(tenant, id, htmx, locale, model);
        }
        redirect.addFlashAttribute("done", flash);
        redirect.addFlashAttribute("flashError", error);
        return "redirect:/manage/" + tenant.slug() + "/queue/counters/" + id;
    }
}
