package id.gerai.queue.internal;

import id.gerai.platform.InvalidInput;
import id.gerai.platform.GeraiException;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import id.gerai.platform.Throttled;
import id.gerai.platform.web.ThrottledResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public queue pages, all working without JavaScript: the kiosk of a service point (a touch screen at the
 * entrance: choose an agency or service, or check a booking in with its code), the ticket (printable, and the page a
 * visitor follows on their phone by the ticket's unguessable code) and the call display for the waiting hall's TV.
 */
@Controller
class QueuePublicPages {

    static final String TENANT = "geraiTenant";
    static final String KIOSK_ACTOR = "kiosk";

    private final QueueService queue;
    private final String baseUrl;
    private final QueueThrottles.Tickets tickets;
    private final QueueThrottles.CheckIns checkIns;

    QueuePublicPages(QueueService queue, @org.springframework.beans.factory.annotation.Value("${gerai.base-url}") String baseUrl,
                     QueueThrottles.Tickets tickets, QueueThrottles.CheckIns checkIns) {
        this.queue = queue;
        this.baseUrl = baseUrl;
        this.tickets = tickets;
        this.checkIns = checkIns;
    }

    @GetMapping("/t/{tenant}/queue/{point}/kiosk")
    String kiosk(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String point, Model model) {
        return kioskPage(tenant, queue.point(tenant.id(), point), Map.of(), null, model);
    }

    private String kioskPage(Tenant tenant, ServicePoint point, Map<String, String> errors, String code, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("point", point);
        model.addAttribute("agencies", queue.kiosk(tenant.id(), point.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("code", code);
        return "queue/kiosk";
    }

    @PostMapping("/t/{tenant}/queue/{point}/kiosk/tickets")
    String take(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String point,
                @RequestParam(required = false) String agencyId, @RequestParam(required = false) String serviceId,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        ServicePoint p = queue.point(tenant.id(), point);
        String key = QueueThrottles.address(request) + "|" + p.id();
        try {
            tickets.check(key);
        } catch (Throttled e) {
            ThrottledResponses.refuse(response, e);
            model.addAttribute("problem", "error." + e.code());
            return kioskPage(tenant, p, Map.of(), null, model);
        }
        try {
            Ticket t = queue.issue(tenant.id(), p.id(), uuid(agencyId), uuid(serviceId), KIOSK_ACTOR);
            tickets.spent(key);
            return "redirect:/t/" + tenant.slug() + "/q/" + t.followCode() + "?new";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return kioskPage(tenant, p, e.fields(), null, model);
        }
    }

    @PostMapping("/t/{tenant}/queue/{point}/kiosk/check-in")
    String checkIn(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String point,
                   @RequestParam(required = false) String code, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        ServicePoint p = queue.point(tenant.id(), point);
        String key = QueueThrottles.address(request);
        try {
            checkIns.check(key);
        } catch (Throttled e) {
            ThrottledResponses.refuse(response, e);
            model.addAttribute("problem", "error." + e.code());
            return kioskPage(tenant, p, Map.of(), code, model);
        }
        try {
            Ticket t = queue.checkIn(tenant.id(), p.id(), code, KIOSK_ACTOR);
            return "redirect:/t/" + tenant.slug() + "/q/" + t.followCode() + "?new";
        } catch (InvalidInput e) {
            checkIns.failed(key);
            response.setStatus(422);
            return kioskPage(tenant, p, e.fields(), code, model);
        }
    }

    /** The ticket: printed at the kiosk ({@code ?new}) and followed on the visitor's phone; refreshes itself. */
    @GetMapping("/t/{tenant}/q/{code}")
    String ticket(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String code,
                  @RequestParam(name = "new", required = false) String fresh,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        var v = queue.ticketView(tenant.id(), code).orElseThrow(() -> GeraiException.notFound("queue-ticket-not-found"));
        model.addAttribute("tenant", tenant);
        model.addAttribute("v", v);
        model.addAttribute("fresh", fresh != null);
        // written out in full: the visitor types it on their own phone
        model.addAttribute("followUrl", baseUrl.replaceAll("/+$", "") + "/t/" + tenant.slug() + "/q/" + code);
        model.addAttribute("issued", new Times(locale, queue.zone(tenant.id())).time(v.ticket().issuedAt()));
        return htmx != null ? "queue/ticket :: status" : "queue/ticket";
    }

    @GetMapping("/t/{tenant}/queue/{point}/display")
    String display(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String point,
                   @RequestParam(required = false) Long since,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        var d = queue.display(tenant.id(), point);
        model.addAttribute("tenant", tenant);
        model.addAttribute("d", d);
        // a poll announces a call only once: when the latest call is newer than the one the screen showed
        model.addAttribute("announceNew", htmx != null && d.latest() != null
                && (since == null || d.latest().at().toEpochMilli() > since));
        model.addAttribute("times", new Times(locale, queue.zone(tenant.id())));
        return htmx != null ? "queue/display :: board" : "queue/display";
    }

    static java.util.UUID uuid(String s) {
        return id.gerai.platform.web.FormValues.uuidOrNull(s);
    }

    /** Times of day in the tenant's zone. */
    public record Times(Locale locale, java.time.ZoneId zone) {
        public String time(java.time.Instant i) {
            return i == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone).format(i);
        }
    }
}
