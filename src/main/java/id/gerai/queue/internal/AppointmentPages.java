package id.gerai.queue.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's appointments, without JavaScript: the list with the booking codes and cancel buttons
 * ({@code /queue/appointments}), and the booking form ({@code /queue/appointments/new}), which narrows step by step
 * with plain GET submits (region, then service point, service and date, then a free slot).
 */
@Controller
class AppointmentPages {

    private final QueueService queue;
    private final TenancyApi tenancy;

    AppointmentPages(QueueService queue, TenancyApi tenancy) {
        this.queue = queue;
        this.tenancy = tenancy;
    }

    private static GeraiUser citizen() {
        GeraiUser me = CurrentUser.require();
        if (!me.citizen()) {
            throw GeraiException.forbidden("queue-citizens-only");
        }
        return me;
    }

    @GetMapping("/queue/appointments")
    String mine(Model model) {
        model.addAttribute("items", queue.mine(citizen()));
        return "queue/appointments";
    }

    @GetMapping("/queue/appointments/new")
    String form(@RequestParam Map<String, String> params, Model model) {
        citizen();
        return formPage(params, Map.of(), model);
    }

    private String formPage(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("tenants", tenancy.tenants());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Tenant t = blank(values.get("tenant")) ? null : tenancy.bySlug(values.get("tenant").strip()).orElse(null);
        model.addAttribute("tenant", t);
        if (t == null) {
            return "queue/book";
        }
        List<ServicePoint> points = queue.points(t.id());
        model.addAttribute("points", points);
        model.addAttribute("services", queue.services(t.id()).values());
        model.addAttribute("minDate", queue.today(t.id()));
        ServicePoint point = points.stream().filter(p -> p.id().toString().equals(values.get("pointId"))).findFirst().orElse(null);
        LocalDate date = date(values.get("date"));
        if (point != null && date != null && !blank(values.get("serviceId"))) {
            List<QueueService.Slot> slots;
            try {
                slots = queue.slots(t.id(), point.id(), date);
            } catch (InvalidInput e) {
                model.addAttribute("noSlots", "queue.error.date-range");
                return "queue/book";
            }
            model.addAttribute("slots", slots);
            model.addAttribute("settings", queue.settings(t.id(), point.id()));
            if (slots.isEmpty()) {
                model.addAttribute("noSlots", "queue.error.not-working-day");
            } else if (slots.stream().noneMatch(QueueService.Slot::open)) {
                model.addAttribute("noSlots", "queue.book.none-open");
            }
        }
        return "queue/book";
    }

    @PostMapping("/queue/appointments")
    String book(@RequestParam Map<String, String> form, Locale locale, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        GeraiUser me = citizen();
        Tenant t = blank(form.get("tenant")) ? null : tenancy.bySlug(form.get("tenant").strip()).orElse(null);
        try {
            if (t == null) {
                throw InvalidInput.of("tenant", "queue.error.tenant");
            }
            Appointment a = queue.book(t.id(), new QueueService.Booking(QueuePublicPages.uuid(form.get("pointId")), null,
                    QueuePublicPages.uuid(form.get("serviceId")), form.get("date"), form.get("time")), me, locale);
            redirect.addFlashAttribute("booked", a.code());
            return "redirect:/queue/appointments";
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            return formPage(form, e.fields(), model);
        }
    }

    @PostMapping("/queue/appointments/{tenant}/{id}/cancel")
    String cancel(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Appointment a = queue.cancel(tenant.id(), id, citizen());
            redirect.addFlashAttribute("cancelled", a.code());
        } catch (GeraiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "error." + e.code());
        }
        return "redirect:/queue/appointments";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
