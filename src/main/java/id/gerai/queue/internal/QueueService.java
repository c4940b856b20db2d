package id.gerai.queue.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's use cases. Each change is one transaction entered after the tenant scope, writing the change and its
 * audit record together. "Today" is always the tenant's date in its zone ({@link WorkingCalendar#zone}).
 *
 * <p>Who may do what: the MPP manager (PENGELOLA_MPP) manages counters and booking settings and sees the figures;
 * a counter officer (PETUGAS_LOKET of the tenant, bound to the counter's service point or to none) or agency staff
 * (PETUGAS_INSTANSI, ADMIN_INSTANSI) of an agency the counter serves operate a counter; the manager may too. Anyone
 * takes a ticket at a kiosk and follows it by its unguessable code; a signed-in citizen books and cancels their own
 * appointments.
 */
@Service
class QueueService {

    static final int DEFAULT_SERVICE_MINUTES = 5;
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QueueRepository repo;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    QueueService(QueueRepository repo, TenancyApi tenancy, CatalogApi catalog, WorkingCalendar calendar, AuditLog audit,
                 Notifications notifications, MessageSource messages, TransactionTemplate tx, ApplicationEventPublisher events,
                 @Value("${gerai.base-url:http://localhost:8080}") String baseUrl) {
        this.repo = repo;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.calendar = calendar;
        this.audit = audit;
        this.notifications = notifications;
        this.messages = messages;
        this.tx = tx;
        this.events = events;
        this.baseUrl = baseUrl;
    }

    // --- reading the tenant -----------------------------------------------------------------------------------

    ZoneId zone(TenantId tenant) {
        return calendar.zone(tenant);
    }

    LocalDate today(TenantId tenant) {
        return LocalDate.now(zone(tenant));
    }

    /** Service points with a queue: every point but the online channel. */
    List<ServicePoint> points(TenantId tenant) {
        return TenantContext.call(tenant, () -> tenancy.servicePoints(tenant).stream()
                .filter(p -> p.kind() != ServicePointKind.ONLINE).toList());
    }

    ServicePoint point(TenantId tenant, String codeOrId) {
        return points(tenant).stream().filter(p -> p.code().equalsIgnoreCase(codeOrId) || p.id().toString().equals(codeOrId))
                .findFirst().orElseThrow(() -> GeraiException.notFound("queue-point-not-found"));
    }

    Map<UUID, Agency> agencies(TenantId tenant) {
        Map<UUID, Agency> byId = new LinkedHashMap<>();
        TenantContext.run(tenant, () -> tenancy.agencies(tenant).forEach(a -> byId.put(a.id(), a)));
        return byId;
    }

    Map<UUID, ServiceSummary> services(TenantId tenant) {
        Map<UUID, ServiceSummary> byId = new LinkedHashMap<>();
        TenantContext.run(tenant, () -> catalog.publishedServices(tenant).forEach(s -> byId.put(s.id(), s)));
        return byId;
    }

    // --- counters ---------------------------------------------------------------------------------------------

    /** A counter as the manager's form sends it. */
    record CounterInput(String code, String name, List<UUID> agencyIds, List<UUID> serviceIds, boolean active) {
    }

    List<Counter> counters(TenantId tenant) {
        return TenantContext.call(tenant, () -> repo.counters(tenant));
    }

    Counter counter(TenantId tenant, UUID id) {
        return TenantContext.call(tenant, () -> repo.counter(tenant, id, false))
                .orElseThrow(() -> GeraiException.notFound("queue-counter-not-found"));
    }

    Counter createCounter(TenantId tenant, UUID pointId, CounterInput in, GeraiUser user) {
        requireManager(tenant, user);
        ServicePoint point = points(tenant).stream().filter(p -> p.id().equals(pointId)).findFirst()
                .orElseThrow(() -> InvalidInput.of("servicePointId", "queue.error.point"));
        Counter c = checked(tenant, UUID.randomUUID(), point.id(), in);
        try {
            return write(tenant, () -> {
                repo.insertCounter(c);
                audit.record(AuditEvent.of(tenant, "queue.counter.created", "queue-counter", c.id(), null, counterAudit(c))
                        .byActor(user.auditActorId()));
                return c;
            });
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("queue-counter-code-taken", "code", "queue.error.code-taken");
        }
    }

    Counter updateCounter(TenantId tenant, UUID id, CounterInput in, GeraiUser user) {
        requireManager(tenant, user);
        try {
            return write(tenant, () -> {
                Counter before = repo.counter(tenant, id, true).orElseThrow(() -> GeraiException.notFound("queue-counter-not-found"));
                Counter after = checked(tenant, id, before.servicePointId(), in);
                repo.updateCounter(after);
                audit.record(AuditEvent.of(tenant, "queue.counter.changed", "queue-counter", id, counterAudit(before), counterAudit(after))
                        .byActor(user.auditActorId()));
                return after;
            });
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("queue-counter-code-taken", "code", "queue.error.code-taken");
        }
    }

    private Counter checked(TenantId tenant, UUID id, UUID pointId, CounterInput in) {
        var errors = new InvalidInput.Collector();
        String code = in.code() == null ? "" : in.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9-]{1,10}")) {
            errors.add("code", "queue.error.code");
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            errors.add("name", "queue.error.name");
        }
        List<UUID> agencyIds = in.agencyIds() == null ? List.of() : in.agencyIds().stream().distinct().toList();
        List<UUID> serviceIds = in.serviceIds() == null ? List.of() : in.serviceIds().stream().distinct().toList();
        if (!agencies(tenant).keySet().containsAll(agencyIds)) {
            errors.add("agencyIds", "queue.error.agency");
        }
        if (!services(tenant).keySet().containsAll(serviceIds)) {
            errors.add("serviceIds", "queue.error.service");
        }
        errors.throwIfAny();
        return new Counter(tenant, id, pointId, code, name, agencyIds, serviceIds, in.active());
    }

    private static Map<String, Object> counterAudit(Counter c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("servicePointId", c.servicePointId().toString());
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("agencyIds", c.agencyIds().stream().map(UUID::toString).toList());
        m.put("serviceIds", c.serviceIds().stream().map(UUID::toString).toList());
        m.put("active", c.active());
        return m;
    }

    /** Whether the person may work at this counter (see the class comment). */
    static boolean mayOperate(GeraiUser user, Counter c) {
        if (user.hasTenantRole(c.tenant(), Role.PENGELOLA_MPP)) {
            return true;
        }
        for (Membership m : user.memberships()) {
            if (!m.tenant().equals(c.tenant())) {
                continue;
            }
            boolean here = m.servicePointId() == null || m.servicePointId().equals(c.servicePointId());
            if (m.role() == Role.PETUGAS_LOKET && here) {
                return true;
            }
            if ((m.role() == Role.PETUGAS_INSTANSI || m.role() == Role.ADMIN_INSTANSI) && here && m.agencyId() != null
                    && c.agencyIds().contains(m.agencyId())) {
                return true;
            }
        }
        return false;
    }

    static boolean isManager(GeraiUser user, TenantId tenant) {
        return user.hasTenantRole(tenant, Role.PENGELOLA_MPP);
    }

    private static void requireManager(TenantId tenant, GeraiUser user) {
        if (user == null || !isManager(user, tenant)) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    // --- booking settings -------------------------------------------------------------------------------------

    PointSettings settings(TenantId tenant, UUID pointId) {
        return TenantContext.call(tenant, () -> repo.settings(tenant, pointId, false)).orElse(PointSettings.DEFAULT);
    }

    PointSettings saveSettings(TenantId tenant, UUID pointId, String opens, String closes, String slotMinutes,
                               String capacity, GeraiUser user) {
        requireManager(tenant, user);
        point(tenant, pointId.toString());
        var errors = new InvalidInput.Collector();
        int o = PointSettings.parse(opens);
        int c = PointSettings.parse(closes);
        if (o < 0 || o >= 1440) {
            errors.add("opens", "queue.error.time");
        }
        if (c <= 0) {
            errors.add("closes", "queue.error.time");
        } else if (o >= 0 && c <= o) {
            errors.add("closes", "queue.error.closes-after-opens");
        }
        int len = number(slotMinutes);
        if (len < 5 || len > 240) {
            errors.add("slotMinutes", "queue.error.slot-minutes");
        }
        int cap = number(capacity);
        if (cap < 1 || cap > 500) {
            errors.add("slotCapacity", "queue.error.capacity");
        }
        errors.throwIfAny();
        PointSettings s = new PointSettings(o, c, len, cap);
        return write(tenant, () -> {
            PointSettings before = repo.settings(tenant, pointId, true).orElse(PointSettings.DEFAULT);
            repo.saveSettings(tenant, pointId, s);
            audit.record(AuditEvent.of(tenant, "queue.settings.changed", "service-point", pointId, settingsAudit(before), settingsAudit(s))
                    .byActor(user.auditActorId()));
            return s;
        });
    }

    private static Map<String, Object> settingsAudit(PointSettings s) {
        return Map.of("opens", s.opens(), "closes", s.closes(), "slotMinutes", s.slotMinutes(), "slotCapacity", s.slotCapacity());
    }

    private static int number(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // --- tickets ----------------------------------------------------------------------------------------------

    /** An agency a kiosk offers, with its published services. */
    public record KioskAgency(Agency agency, String prefix, List<ServiceSummary> services) {
    }

    /** What the kiosk of a service point offers: the agencies its active counters serve. */
    List<KioskAgency> kiosk(TenantId tenant, UUID pointId) {
        List<Counter> here = counters(tenant).stream().filter(c -> c.active() && c.servicePointId().equals(pointId)).toList();
        Map<UUID, String> prefixes = TenantContext.call(tenant, () -> repo.prefixesByAgency(tenant));
        Map<UUID, ServiceSummary> services = services(tenant);
        List<KioskAgency> out = new ArrayList<>();
        for (Agency a : agencies(tenant).values()) {
            List<ServiceSummary> own = services.values().stream().filter(s -> a.id().equals(s.agencyId()))
                    .filter(s -> here.stream().anyMatch(c -> c.serves(a.id(), s.id()))).toList();
            if (here.stream().anyMatch(c -> c.serves(a.id(), null)) || !own.isEmpty()) {
                out.add(new KioskAgency(a, prefixes.get(a.id()), own));
            }
        }
        return out;
    }

    /**
     * Takes a ticket for a walk-in at a service point: {@code agencyId} must be one of the tenant's agencies served by an
     * active counter there, and
     * {@code serviceId}, when given, must be a published service of that agency.
     */
    Ticket issue(TenantId tenant, UUID pointId, UUID agencyId, UUID serviceId, String actor) {
        ServicePoint point = point(tenant, pointId.toString());
        if (serviceId != null) {
            ServiceSummary s = services(tenant).get(serviceId);
            if (s == null) {
                throw InvalidInput.of("serviceId", "queue.error.service");
            }
            agencyId = agencyId == null ? s.agencyId() : agencyId;
            if (!s.agencyId().equals(agencyId)) {
                throw InvalidInput.of("serviceId", "queue.error.service");
            }
        }
        if (agencyId == null) {
            throw InvalidInput.of("agencyId", "queue.error.agency-required");
        }
        // a counter serving "all" serves every agency of this tenant, never an id from elsewhere or made up: each
        // unknown id would claim a prefix of the tenant's 702 and leave figures under an agency that does not exist
        if (!agencies(tenant).containsKey(agencyId)) {
            throw InvalidInput.of("agencyId", "queue.error.agency");
        }
        UUID agency = agencyId;
        boolean served = counters(tenant).stream().anyMatch(c -> c.active() && c.servicePointId().equals(point.id())
                && c.serves(agency, serviceId));
        if (!served) {
            throw InvalidInput.of("agencyId", "queue.error.not-served");
        }
        return issueTicket(tenant, point.id(), agency, serviceId, null, actor);
    }

    private Ticket issueTicket(TenantId tenant, UUID pointId, UUID agencyId, UUID serviceId, Appointment appointment,
                               String actor) {
        String prefix = prefixOf(tenant, agencyId);
        for (int attempt = 1; ; attempt++) {
            try {
                return write(tenant, () -> {
                    if (appointment != null) {
                        // locked before the number is taken: a second check-in with the same code waits here, then fails
                        Appointment locked = repo.appointment(tenant, appointment.id(), true).orElseThrow();
                        if (!"BOOKED".equals(locked.status())) {
                            throw InvalidInput.of("code", "queue.error.booking-used");
                        }
                    }
                    Instant now = Instant.now();
                    LocalDate day = now.atZone(zone(tenant)).toLocalDate();
                    int seq = repo.nextNumber(tenant, pointId, day, prefix);
                    Ticket t = new Ticket(tenant, UUID.randomUUID(), followCode(), pointId, day, prefix, seq, agencyId,
                            serviceId, appointment == null ? null : appointment.id(),
                            appointment == null ? null : appointment.slotAt(), TicketStatus.WAITING, null, now, null, null,
                            0, null, null);
                    repo.insertTicket(t);
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("number", t.number());
                    after.put("servicePointId", pointId.toString());
                    after.put("agencyId", agencyId.toString());
                    after.put("day", day.toString());
                    if (serviceId != null) {
                        after.put("serviceId", serviceId.toString());
                    }
                    if (appointment != null) {
                        after.put("appointmentId", appointment.id().toString());
                        repo.checkedIn(tenant, appointment.id(), t.id(), now);
                        audit.record(AuditEvent.of(tenant, "queue.appointment.checked-in", "queue-appointment", appointment.id(),
                                Map.of("status", "BOOKED"), Map.of("status", "CHECKED_IN", "ticketId", t.id().toString()))
                                .byActor(actor));
                    }
                    audit.record(AuditEvent.of(tenant, "queue.ticket.issued", "queue-ticket", t.id(), null, after).byActor(actor));
                    return t;
                });
            } catch (DuplicateKeyException e) {
                // a follow code drawn twice (2^-80): draw again; the number was rolled back with it
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** The agency's ticket prefix, given on first use: the first free letter A–Z, then AA, AB, … */
    String prefixOf(TenantId tenant, UUID agencyId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<String> known = TenantContext.call(tenant, () -> repo.prefix(tenant, agencyId));
            if (known.isPresent()) {
                return known.get();
            }
            List<String> used = TenantContext.call(tenant, () -> repo.prefixes(tenant));
            String free = freePrefix(used);
            boolean got = write(tenant, () -> {
                boolean claimed = repo.claimPrefix(tenant, agencyId, free);
                if (claimed) {
                    audit.record(AuditEvent.of(tenant, "queue.prefix.assigned", "agency", agencyId, null, Map.of("prefix", free)));
                }
                return claimed;
            });
            if (got) {
                return free;
            }
        }
        throw new IllegalStateException("no ticket prefix could be given to agency " + agencyId);
    }

    static String freePrefix(List<String> used) {
        for (char a = 'A'; a <= 'Z'; a++) {
            if (!used.contains(String.valueOf(a))) {
                return String.valueOf(a);
            }
        }
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                if (!used.contains("" + a + b)) {
                    return "" + a + b;
                }
            }
        }
        throw new IllegalStateException("every prefix is taken");
    }

    /**
     * A ticket as its page and the API show it; {@code expired}: still waiting, but from an earlier day (the queue of
     * that day is over).
     */
    public record TicketView(Ticket ticket, String number, String pointName, String pointCode, String agencyName,
                      String serviceName, int ahead, int waitMinutes, String counterCode, String counterName,
                      boolean expired) {

        /** Whether the page should keep asking for news. */
        public boolean live() {
            return !expired && (ticket.status() == TicketStatus.WAITING || ticket.status() == TicketStatus.CALLED);
        }
    }

    Optional<TicketView> ticketView(TenantId tenant, String followCode) {
        if (followCode == null || !followCode.matches("[0-9a-hjkmnp-tv-z]{16}")) {
            return Optional.empty();
        }
        return TenantContext.call(tenant, () -> repo.ticketByFollowCode(tenant, followCode)).map(t -> view(tenant, t));
    }

    TicketView view(TenantId tenant, Ticket t) {
        ServicePoint p = point(tenant, t.servicePointId().toString());
        Agency a = agencies(tenant).get(t.agencyId());
        ServiceSummary s = t.serviceId() == null ? null : services(tenant).get(t.serviceId());
        int ahead = 0;
        int wait = 0;
        if (t.status() == TicketStatus.WAITING && !t.day().isBefore(today(tenant))) {
            Instant now = Instant.now();
            List<Ticket> waiting = TenantContext.call(tenant, () -> repo.waiting(tenant, t.servicePointId(), t.day(), t.agencyId()));
            Comparator<Ticket> order = Ticket.callingOrder(now);
            ahead = (int) waiting.stream().filter(o -> !o.id().equals(t.id()) && order.compare(o, t) < 0).count();
            Double avg = TenantContext.call(tenant, () -> repo.averageServiceMinutes(tenant, t.servicePointId(), t.day(), t.agencyId()));
            long counters = counters(tenant).stream().filter(c -> c.active() && c.servicePointId().equals(t.servicePointId())
                    && c.serves(t.agencyId(), t.serviceId())).count();
            double per = avg == null ? DEFAULT_SERVICE_MINUTES : Math.max(1, avg);
            wait = (int) Math.ceil((ahead + 1) * per / Math.max(1, counters));
            if (ahead == 0 && counters > 0) {
                wait = 0;
            }
        }
        Counter c = t.counterId() == null ? null : counter(tenant, t.counterId());
        boolean expired = t.status() == TicketStatus.WAITING && t.day().isBefore(today(tenant));
        return new TicketView(t, t.number(), p.name(), p.code(), a == null ? "" : a.name(),
                s == null ? null : s.name(), ahead, wait, c == null ? null : c.code(), c == null ? null : c.name(), expired);
    }

    // --- calling ----------------------------------------------------------------------------------------------

    /** What a counter's screen shows. */
    public record CounterScreen(Counter counter, ServicePoint point, TicketView current, int waiting, List<String> serves) {
    }

    CounterScreen screen(TenantId tenant, UUID counterId, GeraiUser user) {
        Counter c = operable(tenant, counterId, user);
        ServicePoint p = point(tenant, c.servicePointId().toString());
        Optional<Ticket> current = TenantContext.call(tenant, () -> repo.atCounter(tenant, c.id(), false));
        int waiting = TenantContext.call(tenant, () -> repo.waitingCount(tenant, c.servicePointId(), today(tenant)));
        return new CounterScreen(c, p, current.map(t -> view(tenant, t)).orElse(null), waiting, serves(tenant, c));
    }

    List<String> serves(TenantId tenant, Counter c) {
        List<String> out = new ArrayList<>();
        Map<UUID, Agency> agencies = agencies(tenant);
        Map<UUID, ServiceSummary> services = services(tenant);
        c.agencyIds().forEach(id -> Optional.ofNullable(agencies.get(id)).ifPresent(a -> out.add(a.name())));
        c.serviceIds().forEach(id -> Optional.ofNullable(services.get(id)).ifPresent(s -> out.add(s.name())));
        return out;
    }

    private Counter operable(TenantId tenant, UUID counterId, GeraiUser user) {
        Counter c = counter(tenant, counterId);
        if (user == null || !mayOperate(user, c)) {
            throw GeraiException.forbidden("queue-counter-forbidden");
        }
        return c;
    }

    /**
     * Calls the next ticket the counter serves. The counter row is locked first (two presses at one counter take
     * turns), then the ticket is taken with {@code for update skip locked} (two counters never take the same one).
     *
     * @throws GeraiException 409 {@code queue-counter-busy} when the counter still has a ticket, 409
     *                        {@code queue-empty} when nobody waits, 409 {@code queue-counter-inactive}
     */
    Ticket callNext(TenantId tenant, UUID counterId, GeraiUser user) {
        operable(tenant, counterId, user);
        return write(tenant, () -> {
            Counter c = repo.counter(tenant, counterId, true).orElseThrow(() -> GeraiException.notFound("queue-counter-not-found"));
            if (!c.active()) {
                throw GeraiException.conflict("queue-counter-inactive");
            }
            if (repo.atCounter(tenant, c.id(), false).isPresent()) {
                throw GeraiException.conflict("queue-counter-busy");
            }
            Instant now = Instant.now();
            Ticket t = repo.nextFor(c, now.atZone(zone(tenant)).toLocalDate(), now)
                    .orElseThrow(() -> GeraiException.conflict("queue-empty"));
            repo.called(tenant, t.id(), c.id(), now);
            audit.record(AuditEvent.of(tenant, "queue.ticket.called", "queue-ticket", t.id(), Map.of("status", "WAITING"),
                    Map.of("status", "CALLED", "number", t.number(), "counter", c.code())).byActor(user.auditActorId()));
            return repo.ticket(tenant, t.id()).orElseThrow();
        });
    }

    enum Step { RECALL, START, FINISH, NO_SHOW }

    /** Recalls, starts serving, finishes or marks a no-show the ticket at the counter. */
    Ticket act(TenantId tenant, UUID counterId, Step step, GeraiUser user) {
        operable(tenant, counterId, user);
        return write(tenant, () -> {
            Counter c = repo.counter(tenant, counterId, true).orElseThrow(() -> GeraiException.notFound("queue-counter-not-found"));
            Ticket t = repo.atCounter(tenant, c.id(), true).orElseThrow(() -> GeraiException.conflict("queue-counter-idle"));
            Instant now = Instant.now();
            String action;
            TicketStatus after;
            switch (step) {
                case RECALL -> {
                    if (t.status() != TicketStatus.CALLED) {
                        throw GeraiException.conflict("queue-step-not-allowed");
                    }
                    repo.called(tenant, t.id(), c.id(), now);
                    action = "recalled";
                    after = TicketStatus.CALLED;
                }
                case START -> {
                    if (t.status() != TicketStatus.CALLED) {
                        throw GeraiException.conflict("queue-step-not-allowed");
                    }
                    repo.status(tenant, t.id(), TicketStatus.SERVING, now);
                    action = "serving";
                    after = TicketStatus.SERVING;
                }
                case FINISH -> {
                    repo.status(tenant, t.id(), TicketStatus.DONE, now);
                    action = "finished";
                    after = TicketStatus.DONE;
                }
                default -> {
                    repo.status(tenant, t.id(), TicketStatus.NO_SHOW, now);
                    action = "no-show";
                    after = TicketStatus.NO_SHOW;
                }
            }
            audit.record(AuditEvent.of(tenant, "queue.ticket." + action, "queue-ticket", t.id(), Map.of("status", t.status().name()),
                    Map.of("status", after.name(), "number", t.number(), "counter", c.code())).byActor(user.auditActorId()));
            Ticket ended = repo.ticket(tenant, t.id()).orElseThrow();
            if (after == TicketStatus.DONE || after == TicketStatus.NO_SHOW) {
                // in this transaction: the figures over time count the end exactly when it commits
                events.publishEvent(QueueRecordsReader.ended(ended));
            }
            return ended;
        });
    }

    // --- the display ------------------------------------------------------------------------------------------

    /** One counter on the display: the number at it now (null when none). */
    public record DisplayRow(String counterCode, String counterName, String number, boolean serving) {
    }

    public record DisplayCall(String number, String counterCode, String counterName, Instant at) {
    }

    public record Display(ServicePoint point, List<DisplayRow> counters, List<DisplayCall> recent, int waiting, Instant asOf) {
        /** The latest call, for the screen reader's announcement. */
        public DisplayCall latest() {
            return recent.isEmpty() ? null : recent.getFirst();
        }
    }

    Display display(TenantId tenant, String pointCode) {
        ServicePoint p = point(tenant, pointCode);
        LocalDate day = today(tenant);
        List<Counter> here = counters(tenant).stream().filter(c -> c.active() && c.servicePointId().equals(p.id())).toList();
        Map<UUID, Counter> byId = new LinkedHashMap<>();
        here.forEach(c -> byId.put(c.id(), c));
        List<Ticket> recent = TenantContext.call(tenant, () -> repo.recentCalls(tenant, p.id(), day, 30));
        List<DisplayRow> rows = new ArrayList<>();
        for (Counter c : here) {
            Ticket now = recent.stream().filter(t -> c.id().equals(t.counterId()) && t.status().atCounter()).findFirst()
                    .orElseGet(() -> TenantContext.call(tenant, () -> repo.atCounter(tenant, c.id(), false)).orElse(null));
            rows.add(new DisplayRow(c.code(), c.name(), now == null ? null : now.number(),
                    now != null && now.status() == TicketStatus.SERVING));
        }
        List<DisplayCall> calls = recent.stream().limit(6).map(t -> {
            Counter c = byId.get(t.counterId());
            return new DisplayCall(t.number(), c == null ? "" : c.code(), c == null ? "" : c.name(), t.lastCalledAt());
        }).toList();
        int waiting = TenantContext.call(tenant, () -> repo.waitingCount(tenant, p.id(), day));
        return new Display(p, rows, calls, waiting, Instant.now());
    }

    // --- appointments -----------------------------------------------------------------------------------------

    /** A slot as the booking form shows it. */
    public record Slot(int startMin, String time, int left, boolean past) {
        public boolean open() {
            return left > 0 && !past;
        }
    }

    /** How far ahead an appointment may be booked: a service point plans a season, not years. */
    static final int BOOKING_DAYS_AHEAD = 90;

    /**
     * Refuses a date outside the booking window (today, in the tenant's zone, up to {@link #BOOKING_DAYS_AHEAD} days
     * ahead) with a 422 on {@code date}, before any calendar arithmetic: a year far off is no booking, and the
     * calendar would build (and keep) a whole year for it.
     */
    void requireBookable(TenantId tenant, LocalDate date) {
        LocalDate today = today(tenant);
        if (date.isBefore(today) || date.isAfter(today.plusDays(BOOKING_DAYS_AHEAD))) {
            throw InvalidInput.of("date", "queue.error.date-range");
        }
    }

    /**
     * The slots of a service point on a date within the booking window ({@link #requireBookable}); empty when the date
     * is not a working day of the tenant.
     */
    List<Slot> slots(TenantId tenant, UUID pointId, LocalDate date) {
        requireBookable(tenant, date);
        if (!calendar.isWorkingDay(tenant, date)) {
            return List.of();
        }
        PointSettings s = settings(tenant, pointId);
        Map<Integer, Integer> booked = TenantContext.call(tenant, () -> repo.bookedPerSlot(tenant, pointId, date));
        Instant now = Instant.now();
        ZoneId zone = zone(tenant);
        List<Slot> out = new ArrayList<>();
        for (int start : s.slotStarts()) {
            Instant end = slotStart(date, start + s.slotMinutes(), zone);
            out.add(new Slot(start, PointSettings.clock(start), Math.max(0, s.slotCapacity() - booked.getOrDefault(start, 0)),
                    !end.isAfter(now)));
        }
        return out;
    }

    private static Instant slotStart(LocalDate date, int minutes, ZoneId zone) {
        return date.atStartOfDay(zone).plusMinutes(minutes).toInstant();
    }

    /** A booking as the form and the API send it. */
    record Booking(UUID pointId, UUID agencyId, UUID serviceId, String date, String time) {
    }

    /**
     * Books a slot for the signed-in citizen. Refused (422, field messages) on a day that is not a working day, in the
     * past, outside the point's hours, or in a full slot. The point's settings row is locked, so concurrent bookings
     * of one point take turns and a slot never holds more than its capacity.
     */
    Appointment book(TenantId tenant, Booking in, GeraiUser citizen, Locale locale) {
        if (citizen == null || !citizen.citizen()) {
            throw GeraiException.forbidden("queue-citizens-only");
        }
        var errors = new InvalidInput.Collector();
        ServicePoint point = in.pointId() == null ? null
                : points(tenant).stream().filter(p -> p.id().equals(in.pointId())).findFirst().orElse(null);
        if (point == null) {
            errors.add("pointId", "queue.error.point");
        }
        UUID agencyId = in.agencyId();
        if (in.serviceId() != null) {
            ServiceSummary s = services(tenant).get(in.serviceId());
            if (s == null) {
                errors.add("serviceId", "queue.error.service");
            } else {
                agencyId = s.agencyId();
            }
        } else {
            errors.add("serviceId", "queue.error.service-required");
        }
        LocalDate date = null;
        try {
            date = in.date() == null ? null : LocalDate.parse(in.date().strip());
        } catch (java.time.format.DateTimeParseException e) {
            // told below
        }
        if (date == null) {
            errors.add("date", "queue.error.date");
        }
        int minute = PointSettings.parse(in.time());
        if (minute < 0) {
            errors.add("time", "queue.error.slot");
        }
        errors.throwIfAny();
        ZoneId zone = zone(tenant);
        LocalDate day = date;
        if (day.isBefore(today(tenant))) {
            throw InvalidInput.of("time", "queue.error.past");
        }
        requireBookable(tenant, day);
        if (!calendar.isWorkingDay(tenant, day)) {
            throw InvalidInput.of("date", "queue.error.not-working-day");
        }
        PointSettings s = settings(tenant, point.id());
        if (!s.slotStarts().contains(minute)) {
            throw InvalidInput.of("time", "queue.error.outside-hours");
        }
        Instant slotAt = slotStart(day, minute, zone);
        if (!slotStart(day, minute + s.slotMinutes(), zone).isAfter(Instant.now())) {
            throw InvalidInput.of("time", "queue.error.past");
        }
        UUID agency = agencyId;
        if (counters(tenant).stream().noneMatch(c -> c.active() && c.servicePointId().equals(point.id())
                && c.serves(agency, in.serviceId()))) {
            throw InvalidInput.of("serviceId", "queue.error.not-served-here");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Appointment a = write(tenant, () -> {
                    repo.ensureSettings(tenant, point.id());
                    PointSettings locked = repo.settings(tenant, point.id(), true).orElseThrow();
                    if (!locked.slotStarts().contains(minute)) {
                        throw InvalidInput.of("time", "queue.error.outside-hours");
                    }
                    if (repo.hasBooking(tenant, citizen.accountId(), point.id(), day)) {
                        // one booking per person, point and day: a slot is not held twice by one hand
                        throw InvalidInput.conflict("queue-appointment-exists", "date", "queue.error.already-booked");
                    }
                    int taken = repo.bookedPerSlot(tenant, point.id(), day).getOrDefault(minute, 0);
                    if (taken >= locked.slotCapacity()) {
                        throw InvalidInput.conflict("queue-slot-full", "time", "queue.error.slot-full");
                    }
                    Appointment ap = new Appointment(tenant, UUID.randomUUID(), bookingCode(), citizen.accountId(), point.id(),
                            agency, in.serviceId(), day, minute, slotAt, "BOOKED", null, Instant.now());
                    repo.insertAppointment(ap);
                    audit.record(AuditEvent.of(tenant, "queue.appointment.booked", "queue-appointment", ap.id(), null,
                            Map.of("code", ap.code(), "servicePointId", point.id().toString(), "serviceId", in.serviceId().toString(),
                                    "day", day.toString(), "time", ap.time())).byActor(citizen.auditActorId()));
                    confirm(tenant, ap, point, citizen, locale);
                    return ap;
                });
                return a;
            } catch (DuplicateKeyException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private void confirm(TenantId tenant, Appointment a, ServicePoint point, GeraiUser citizen, Locale locale) {
        if (citizen.email() == null || citizen.email().isBlank()) {
            return;
        }
        ServiceSummary s = a.serviceId() == null ? null : services(tenant).get(a.serviceId());
        Tenant t = tenancy.byId(tenant).orElseThrow();
        Object[] args = {a.code(), s == null ? "" : s.name(), point.name(), a.day().toString(), a.time(), t.name(),
                baseUrl + "/queue/appointments"};
        notifications.queue(new Email(tenant, citizen.email(), messages.getMessage("queue.mail.booked.subject", args, locale),
                messages.getMessage("queue.mail.booked.body", args, locale)));
    }

    /** Cancels the citizen's own booking (before it is checked in). */
    Appointment cancel(TenantId tenant, UUID id, GeraiUser citizen) {
        if (citizen == null) {
            throw GeraiException.forbidden("forbidden");
        }
        return write(tenant, () -> {
            Appointment a = repo.appointment(tenant, id, true).filter(x -> x.accountId().equals(citizen.accountId()))
                    .orElseThrow(() -> GeraiException.notFound("queue-appointment-not-found"));
            if (!"BOOKED".equals(a.status())) {
                throw GeraiException.conflict("queue-appointment-not-booked");
            }
            repo.cancelled(tenant, id, Instant.now());
            audit.record(AuditEvent.of(tenant, "queue.appointment.cancelled", "queue-appointment", id, Map.of("status", "BOOKED"),
                    Map.of("status", "CANCELLED")).byActor(citizen.auditActorId()));
            return repo.appointment(tenant, id, false).orElseThrow();
        });
    }

    /**
     * Checks a booking in at the kiosk of its service point on its day: its ticket is called from its slot on, ahead
     * of walk-ins.
     */
    Ticket checkIn(TenantId tenant, UUID pointId, String code, String actor) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1')
                .replace('L', '1').replaceAll("[\\s-]", "");
        if (!normalized.matches("[0-9A-HJKMNP-TV-Z]{8}")) {
            throw InvalidInput.of("code", "queue.error.booking-code");
        }
        Appointment a = TenantContext.call(tenant, () -> repo.appointmentByCode(tenant, normalized))
                .orElseThrow(() -> InvalidInput.of("code", "queue.error.booking-unknown"));
        if (!a.servicePointId().equals(pointId)) {
            throw InvalidInput.of("code", "queue.error.booking-other-point");
        }
        if (!a.day().equals(today(tenant))) {
            throw InvalidInput.of("code", "queue.error.booking-other-day");
        }
        if (!"BOOKED".equals(a.status())) {
            throw InvalidInput.of("code", "queue.error.booking-used");
        }
        return issueTicket(tenant, pointId, a.agencyId(), a.serviceId(), a, actor);
    }

    /** A booking as the citizen's list shows it. */
    public record AppointmentView(Appointment appointment, String tenantSlug, String tenantName, String pointName,
                           String serviceName, boolean cancellable) {
    }

    List<AppointmentView> mine(GeraiUser citizen) {
        return bookingsOf(citizen.accountId(), 100);
    }

    /** An account's bookings in every tenant, newest day first, at most {@code limit}. */
    List<AppointmentView> bookingsOf(UUID accountId, int limit) {
        List<Appointment> all = TenantContext.callAcrossTenants(() -> repo.appointmentsOf(accountId, limit));
        List<AppointmentView> out = new ArrayList<>();
        Instant now = Instant.now();
        Map<TenantId, List<ServicePoint>> points = new java.util.HashMap<>();
        Map<TenantId, Map<UUID, ServiceSummary>> services = new java.util.HashMap<>();
        for (Appointment a : all) {
            Tenant t = tenancy.byId(a.tenant()).orElse(null);
            if (t == null) {
                continue;
            }
            ServicePoint p = points.computeIfAbsent(t.id(), this::points).stream()
                    .filter(x -> x.id().equals(a.servicePointId())).findFirst().orElse(null);
            ServiceSummary s = a.serviceId() == null ? null : services.computeIfAbsent(t.id(), this::services).get(a.serviceId());
            out.add(new AppointmentView(a, t.slug(), t.name(), p == null ? "" : p.name(), s == null ? "" : s.name(),
                    "BOOKED".equals(a.status()) && a.slotAt().isAfter(now.minusSeconds(3600))));
        }
        return out;
    }

    // --- figures ----------------------------------------------------------------------------------------------

    public record FigureView(String pointName, String agencyName, QueueRepository.FigureRow row) {
    }

    List<FigureView> figures(TenantId tenant, GeraiUser user) {
        requireManager(tenant, user);
        Map<UUID, Agency> agencies = agencies(tenant);
        Map<UUID, String> points = new LinkedHashMap<>();
        points(tenant).forEach(p -> points.put(p.id(), p.name()));
        return TenantContext.call(tenant, () -> repo.figures(tenant, today(tenant))).stream()
                .map(r -> new FigureView(points.getOrDefault(r.servicePointId(), ""),
                        Optional.ofNullable(agencies.get(r.agencyId())).map(Agency::name).orElse(""), r)).toList();
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    <T> T write(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(status -> work.get()));
    }

    private static String followCode() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String bookingCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return b.toString();
    }
}
