package id.gerai.queue.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The queue API: tickets, their status, slots, appointments, a counter's calls and the display's state. */
@RestController
@Tag(name = "Queue", description = "Counters, walk-in tickets, appointments and the call display of a service point")
class QueueApiController {

    private final QueueService queue;
    private final QueueThrottles.Tickets tickets;
    private final QueueThrottles.CheckIns checkIns;

    QueueApiController(QueueService queue, QueueThrottles.Tickets tickets, QueueThrottles.CheckIns checkIns) {
        this.queue = queue;
        this.tickets = tickets;
        this.checkIns = checkIns;
    }

    record TicketRequest(UUID agencyId, UUID serviceId) {
    }

    record CheckInRequest(String code) {
    }

    /** A ticket's status: {@code url} is the public page that follows it. */
    record TicketJson(String number, String followCode, String url, String status, String servicePoint, String agency,
                      String service, int ahead, int estimatedWaitMinutes, String counter, Instant issuedAt,
                      Instant calledAt, Instant slotAt) {
    }

    record SlotJson(String time, int left, boolean open) {
    }

    record SlotsJson(LocalDate date, boolean workingDay, List<SlotJson> slots) {
    }

    record BookingRequest(String servicePoint, UUID serviceId, String date, String time) {
    }

    record AppointmentJson(UUID id, String code, String status, LocalDate date, String time, Instant slotAt,
                           UUID servicePointId, UUID serviceId) {
    }

    record DisplayJson(String servicePoint, List<QueueService.DisplayRow> counters, List<QueueService.DisplayCall> recent,
                       int waiting, Instant asOf) {
    }

    @Operation(summary = "Take a walk-in ticket at a service point (public; what the kiosk does)",
            description = "servicePoint is the point's code (e.g. MPP) or id. agencyId, or serviceId (its agency is taken), "
                    + "must be served by an active counter there (422 validation otherwise). The number is the next of the "
                    + "agency's prefix at the point on the tenant's date, e.g. B-017. One network address takes at most "
                    + "gerai.queue.tickets-per-hour tickets an hour at one point (300 by default); the next is refused with "
                    + "429 queue-ticket-throttled.")
    @PostMapping("/api/tenants/{tenant}/queue/points/{point}/tickets")
    ResponseEntity<TicketJson> take(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable String point,
                                    @RequestBody TicketRequest body, jakarta.servlet.http.HttpServletRequest request) {
        ServicePoint p = queue.point(tenant.id(), point);
        String key = QueueThrottles.address(request) + "|" + p.id();
        tickets.check(key);
        TicketRequest b = body == null ? new TicketRequest(null, null) : body;
        Ticket t = queue.issue(tenant.id(), p.id(), b.agencyId(), b.serviceId(), "api");
        tickets.spent(key);
        TicketJson json = json(tenant, queue.view(tenant.id(), t));
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/queue/tickets/" + t.followCode())).body(json);
    }

    @Operation(summary = "Check a booking in with its code and get its ticket (public; what the kiosk does)",
            description = "The booking must be for this service point and for today; 422 validation otherwise. After 20 "
                    + "refused codes in 15 minutes from one network address: 429 queue-check-in-throttled.")
    @PostMapping("/api/tenants/{tenant}/queue/points/{point}/check-in")
    ResponseEntity<TicketJson> checkIn(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable String point,
                                       @RequestBody CheckInRequest body, jakarta.servlet.http.HttpServletRequest request) {
        ServicePoint p = queue.point(tenant.id(), point);
        String key = QueueThrottles.address(request);
        checkIns.check(key);
        Ticket t;
        try {
            t = queue.checkIn(tenant.id(), p.id(), body == null ? null : body.code(), "api");
        } catch (InvalidInput e) {
            checkIns.failed(key);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/queue/tickets/" + t.followCode()))
                .body(json(tenant, queue.view(tenant.id(), t)));
    }

    @Operation(summary = "A ticket's status by its follow code (public)",
            description = "Status, people ahead and the estimated wait. 404 queue-ticket-not-found for an unknown code.")
    @GetMapping("/api/tenants/{tenant}/queue/tickets/{code}")
    TicketJson ticket(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable String code) {
        return json(tenant, queue.ticketView(tenant.id(), code).orElseThrow(() -> GeraiException.notFound("queue-ticket-not-found")));
    }

    @Operation(summary = "The appointment slots of a service point on a date (public)",
            description = "Empty on a day that is not a working day of the tenant; left is what the slot still takes.")
    @GetMapping("/api/tenants/{tenant}/queue/points/{point}/slots")
    SlotsJson slots(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable String point,
                    @RequestParam String date) {
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("date", "queue.error.date");
        }
        ServicePoint p = queue.point(tenant.id(), point);
        var slots = queue.slots(tenant.id(), p.id(), d);
        return new SlotsJson(d, !slots.isEmpty(), slots.stream().map(s -> new SlotJson(s.time(), s.left(), s.open())).toList());
    }

    @Operation(summary = "Book an appointment (signed-in citizen)",
            description = "date YYYY-MM-DD, time HH:mm of a slot. 422 validation on a non-working day, in the past or "
                    + "outside hours, or for a service no active counter of the point serves; 409 queue-slot-full when the slot is "
                    + "full, 409 queue-appointment-exists when the person already holds a booking there that day. The citizen is e-mailed the booking code.")
    @PostMapping("/api/tenants/{tenant}/queue/appointments")
    ResponseEntity<AppointmentJson> book(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @RequestBody BookingRequest body) {
        BookingRequest b = body == null ? new BookingRequest(null, null, null, null) : body;
        UUID point = b.servicePoint() == null ? null : queue.point(tenant.id(), b.servicePoint()).id();
        Appointment a = queue.book(tenant.id(), new QueueService.Booking(point, null, b.serviceId(), b.date(), b.time()),
                CurrentUser.require(), LocaleContextHolder.getLocale());
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/queue/appointments/" + a.id())).body(json(a));
    }

    @Operation(summary = "Cancel one's own appointment (signed-in citizen)",
            description = "409 queue-appointment-not-booked once cancelled or checked in; 404 for another person's booking.")
    @DeleteMapping("/api/tenants/{tenant}/queue/appointments/{id}")
    AppointmentJson cancel(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id) {
        return json(queue.cancel(tenant.id(), id, CurrentUser.require()));
    }

    @Operation(summary = "Call the next ticket at a counter (counter officer)",
            description = "Checked-in appointments whose slot has come first, then tickets in order. 409 queue-counter-busy "
                    + "while the counter has a ticket, 409 queue-empty when nobody waits; 403 queue-counter-forbidden.")
    @PostMapping("/api/tenants/{tenant}/queue/counters/{id}/call-next")
    TicketJson callNext(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id) {
        return json(tenant, queue.view(tenant.id(), queue.callNext(tenant.id(), id, CurrentUser.require())));
    }

    @Operation(summary = "Recall, start serving, finish or mark a no-show the ticket at a counter (counter officer)",
            description = "step is recall, start, finish or no-show. 409 queue-counter-idle without a ticket at the counter.")
    @PostMapping("/api/tenants/{tenant}/queue/counters/{id}/{step}")
    TicketJson step(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable UUID id, @PathVariable String step) {
        QueueService.Step s = switch (step) {
            case "recall" -> QueueService.Step.RECALL;
            case "start" -> QueueService.Step.START;
            case "finish" -> QueueService.Step.FINISH;
            case "no-show" -> QueueService.Step.NO_SHOW;
            default -> throw GeraiException.notFound("not-found");
        };
        return json(tenant, queue.view(tenant.id(), queue.act(tenant.id(), id, s, CurrentUser.require())));
    }

    @Operation(summary = "The call display's state of a service point (public)",
            description = "The number at each active counter, the latest calls (newest first) and how many wait.")
    @GetMapping("/api/tenants/{tenant}/queue/points/{point}/display")
    DisplayJson display(@RequestAttribute(QueuePublicPages.TENANT) Tenant tenant, @PathVariable String point) {
        var d = queue.display(tenant.id(), point);
        return new DisplayJson(d.point().code(), d.counters(), d.recent(), d.waiting(), d.asOf());
    }

    private static TicketJson json(Tenant tenant, QueueService.TicketView v) {
        Ticket t = v.ticket();
        return new TicketJson(v.number(), t.followCode(), "/t/" + tenant.slug() + "/q/" + t.followCode(), t.status().name(),
                v.pointCode(), v.agencyName(), v.serviceName(), v.ahead(), v.waitMinutes(), v.counterCode(), t.issuedAt(),
                t.calledAt(), t.slotAt());
    }

    private static AppointmentJson json(Appointment a) {
        return new AppointmentJson(a.id(), a.code(), a.status(), a.day(), a.time(), a.slotAt(), a.servicePointId(), a.serviceId());
    }
}
