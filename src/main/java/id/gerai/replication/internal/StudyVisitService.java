package id.gerai.replication.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.TimeOrderedIds;
import id.gerai.replication.internal.StudyVisit.DesignRef;
import id.gerai.replication.internal.StudyVisit.Side;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The study-visit flow. Each step is one transaction in the acting tenant's scope: lock the visit, check the side
 * and the state, write the new state, the audit record (in the acting tenant's chain) and the e-mails to the other
 * side's MPP managers.
 *
 * <p>Who may do what: only the MPP managers (PENGELOLA_MPP) of the two tenants see a visit; anyone else, a third
 * tenant's manager included, gets "not found". The visitor asks, cancels and marks it held; the host accepts with a
 * date or declines with a reason, and cancels. A step the state does not allow is a 409 with a code that says why.
 */
@Service
class StudyVisitService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{6,18}[0-9]$");
    static final int MAX_DESIGNS = 10;

    /** A request as the form and the API send it (strings as typed; checked here). */
    record NewVisit(String host, String topic, String purpose, List<UUID> designs, String proposedFrom,
                    String proposedTo, Integer participants, String contactName, String contactEmail,
                    String contactPhone) {
    }

    /** What the viewing side may do now. */
    record Actions(boolean accept, boolean decline, boolean cancel, boolean markHeld, boolean plan) {
    }

    /** A visit as one of its parties sees it. */
    record View(StudyVisit visit, Tenant visitor, Tenant host, Side side, Actions actions) {
    }

    private final ReplicationRepository repo;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final ReplicationNotifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;

    StudyVisitService(ReplicationRepository repo, TenancyApi tenancy, CatalogApi catalog, AuditLog audit,
                      WorkingCalendar calendar, ReplicationNotifier notifier, TransactionTemplate tx) {
        this.repo = repo;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.audit = audit;
        this.calendar = calendar;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    /** The host's published service designs a visitor may choose from, by name. */
    List<DesignRef> designsOf(Tenant host) {
        return TenantContext.call(host.id(), () -> catalog.publishedServices(host.id()).stream()
                .map(s -> new DesignRef(s.id(), s.name() + " — " + s.agencyName())).toList());
    }

    /** Tenants a visitor may ask: every tenant but itself, by name. */
    List<Tenant> possibleHosts(TenantId visitor) {
        return tenancy.tenants().stream().filter(t -> !t.id().equals(visitor))
                .sorted(java.util.Comparator.comparing(Tenant::name)).toList();
    }

    LocalDate today(TenantId tenant) {
        return LocalDate.now(clock.withZone(calendar.zone(tenant)));
    }

    // =====================================================================================================
    // steps
    // =====================================================================================================

    View request(TenantId visitor, NewVisit in, GeraiUser me) {
        requireManager(visitor, me);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Tenant host = in.host() == null || in.host().isBlank() ? null : tenancy.bySlug(in.host().strip()).orElse(null);
        if (host == null) {
            errors.add("host", "replication.error.host");
        } else if (host.id().equals(visitor)) {
            errors.add("host", "replication.error.host-self");
        }
        String topic = clean(in.topic());
        if (topic == null) {
            errors.add("topic", "replication.error.topic-required");
        } else if (topic.length() < 5 || topic.length() > 300) {
            errors.add("topic", "replication.error.topic-length");
        }
        String purpose = clean(in.purpose());
        if (purpose != null && purpose.length() > 4000) {
            errors.add("purpose", "replication.error.text-length");
        }
        List<DesignRef> designs = new ArrayList<>();
        List<UUID> wanted = in.designs() == null ? List.of() : in.designs().stream().filter(Objects::nonNull).distinct().toList();
        if (host != null && !errors.has("host")) {
            Map<UUID, DesignRef> published = new LinkedHashMap<>();
            designsOf(host).forEach(d -> published.put(d.serviceId(), d));
            for (UUID id : wanted) {
                DesignRef d = published.get(id);
                if (d == null) {
                    errors.add("designs", "replication.error.design-unknown");
                } else {
                    designs.add(d);
                }
            }
            if (designs.size() > MAX_DESIGNS) {
                errors.add("designs", "replication.error.designs-too-many");
            }
        }
        LocalDate today = today(visitor);
        LocalDate from = date(in.proposedFrom(), "proposedFrom", errors);
        LocalDate to = date(in.proposedTo(), "proposedTo", errors);
        if (from != null && from.isBefore(today)) {
            errors.add("proposedFrom", "replication.error.date-past");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("proposedTo", "replication.error.date-order");
        }
        if (in.participants() == null) {
            errors.add("participants", "replication.error.participants");
        } else if (in.participants() < 1 || in.participants() > 200) {
            errors.add("participants", "replication.error.participants");
        }
        String name = clean(in.contactName());
        if (name == null || name.length() > 200) {
            errors.add("contactName", "replication.error.contact-name");
        }
        String email = clean(in.contactEmail());
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add("contactEmail", "replication.error.contact-email");
        }
        String phone = clean(in.contactPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("contactPhone", "replication.error.contact-phone");
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        StudyVisit v = new StudyVisit(visitor, TimeOrderedIds.next(), host.id(), topic, purpose, List.copyOf(designs), from,
                to, in.participants(), name, email, phone, VisitStatus.REQUESTED, null, null, null, null, null, null,
                me.accountId(), now, null, null, null);
        Tenant visitorTenant = tenant(visitor);
        List<String> hostManagers = notifier.managers(host.id());
        tx.executeWithoutResult(s -> {
            repo.insert(v);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("host", host.slug());
            after.put("topic", topic);
            after.put("designs", designs.stream().map(d -> d.serviceId().toString()).toList());
            after.put("proposedFrom", from.toString());
            after.put("proposedTo", to.toString());
            after.put("participants", in.participants());
            after.put("contact", Masking.name(name) + " " + Masking.email(email));
            after.put("status", VisitStatus.REQUESTED.name());
            audit.record(AuditEvent.of(visitor, "replication.visit.requested", "study_visit", v.id(), null, after));
            notifier.visit(v, "requested", visitorTenant, host, visitor, hostManagers, null);
        });
        return view(v, visitor);
    }

    View accept(TenantId host, UUID id, String confirmedDate, String note, GeraiUser me) {
        requireManager(host, me);
        requireVisit(host, id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        LocalDate date = date(confirmedDate, "confirmedDate", errors);
        if (date != null && date.isBefore(today(host))) {
            errors.add("confirmedDate", "replication.error.date-past");
        }
        String n = clean(note);
        if (n != null && n.length() > 2000) {
            errors.add("note", "replication.error.text-length");
        }
        errors.throwIfAny();
        return step(host, id, Side.HOST, "accepted", v -> {
            if (v.status() != VisitStatus.REQUESTED) {
                throw GeraiException.conflict("study-visit-not-requested");
            }
            repo.accept(v, date, n, clock.instant());
            return Map.of("status", "ACCEPTED", "confirmedDate", date.toString());
        }, n);
    }

    View decline(TenantId host, UUID id, String reason, GeraiUser me) {
        requireManager(host, me);
        requireVisit(host, id);
        String r = reason(reason, "reason");
        return step(host, id, Side.HOST, "declined", v -> {
            if (v.status() != VisitStatus.REQUESTED) {
                throw GeraiException.conflict("study-visit-not-requested");
            }
            repo.decline(v, r, clock.instant());
            return Map.of("status", "DECLINED", "reason", r);
        }, r);
    }

    View cancel(TenantId party, UUID id, String reason, GeraiUser me) {
        requireManager(party, me);
        requireVisit(party, id);
        String r = reason(reason, "reason");
        return step(party, id, null, "cancelled", v -> {
            if (!v.status().open()) {
                throw GeraiException.conflict("study-visit-not-open");
            }
            if (v.status() == VisitStatus.ACCEPTED && !today(party).isBefore(v.confirmedDate())) {
                throw GeraiException.conflict("study-visit-date-reached");
            }
            Side by = v.sideOf(party);
            repo.cancel(v, by, r, clock.instant());
            return Map.of("status", "CANCELLED", "by", by.name(), "reason", r);
        }, r);
    }

    View markHeld(TenantId visitor, UUID id, String learnings, GeraiUser me) {
        requireManager(visitor, me);
        requireVisit(visitor, id);
        String l = clean(learnings);
        if (l == null) {
            throw InvalidInput.of("learnings", "replication.error.learnings-required");
        }
        if (l.length() < 20 || l.length() > 8000) {
            throw InvalidInput.of("learnings", "replication.error.learnings-length");
        }
        return step(visitor, id, Side.VISITOR, "held", v -> {
            if (v.status() != VisitStatus.ACCEPTED) {
                throw GeraiException.conflict("study-visit-not-accepted");
            }
            if (today(visitor).isBefore(v.confirmedDate())) {
                throw GeraiException.conflict("study-visit-not-yet");
            }
            repo.held(v, l, clock.instant());
            return Map.of("status", "HELD", "learningsLength", l.length());
        }, null);
    }

    /**
     * One transition: the visit is locked in the acting tenant's transaction, the side checked ({@code side} null:
     * either), the change written by {@code change}, which answers the audit record's values, and the other side
     * told.
     */
    private View step(TenantId party, UUID id, Side side, String event,
                      java.util.function.Function<StudyVisit, Map<String, Object>> change, String detail) {
        StudyVisit before = repo.visit(party, id, false).orElseThrow(() -> GeraiException.notFound("study-visit-not-found"));
        Side mine = before.sideOf(party);
        if (side != null && mine != side) {
            throw GeraiException.forbidden(side == Side.HOST ? "study-visit-host-only" : "study-visit-visitor-only");
        }
        TenantId other = mine == Side.VISITOR ? before.host() : before.visitor();
        List<String> recipients = notifier.managers(other);
        Tenant visitorTenant = tenant(before.visitor());
        Tenant hostTenant = tenant(before.host());
        StudyVisit after = tx.execute(s -> {
            StudyVisit v = repo.visit(party, id, true).orElseThrow(() -> GeraiException.notFound("study-visit-not-found"));
            Map<String, Object> values = change.apply(v);
            audit.record(AuditEvent.of(party, "replication.visit." + event, "study_visit", v.id(),
                    Map.of("status", v.status().name()), values));
            StudyVisit now = repo.visit(party, id, false).orElseThrow();
            List<String> to = new ArrayList<>(recipients);
            if (mine == Side.HOST && !to.contains(now.contactEmail())) {
                to.add(now.contactEmail());
            }
            notifier.visit(now, event, visitorTenant, hostTenant, party, to, detail);
            return now;
        });
        return view(after, party);
    }

    // =====================================================================================================
    // reading
    // =====================================================================================================

    View get(TenantId party, UUID id, GeraiUser me) {
        requireManager(party, me);
        StudyVisit v = repo.visit(party, id, false).orElseThrow(() -> GeraiException.notFound("study-visit-not-found"));
        return view(v, party);
    }

    /** The visits the tenant asked for and those it hosts, newest first. */
    List<View> list(TenantId party, GeraiUser me) {
        requireManager(party, me);
        Map<TenantId, Tenant> names = new LinkedHashMap<>();
        return repo.visits(party, 500).stream().map(v -> view(v, party, names)).toList();
    }

    /** The tenant's own designs other regions asked to study, with how many open and held visits name each. */
    List<ReplicationRepository.DesignInterest> designInterest(TenantId host, GeraiUser me) {
        requireManager(host, me);
        return repo.designInterest(host);
    }

    List<StudyVisit> heldVisitsOf(TenantId visitor) {
        return repo.heldVisitsOf(visitor);
    }

    private View view(StudyVisit v, TenantId party) {
        return view(v, party, new LinkedHashMap<>());
    }

    private View view(StudyVisit v, TenantId party, Map<TenantId, Tenant> cache) {
        Side side = v.sideOf(party);
        LocalDate today = today(party);
        boolean beforeDate = v.status() == VisitStatus.REQUESTED
                || (v.status() == VisitStatus.ACCEPTED && today.isBefore(v.confirmedDate()));
        Actions a = new Actions(
                side == Side.HOST && v.status() == VisitStatus.REQUESTED,
                side == Side.HOST && v.status() == VisitStatus.REQUESTED,
                beforeDate,
                side == Side.VISITOR && v.status() == VisitStatus.ACCEPTED && !today.isBefore(v.confirmedDate()),
                side == Side.VISITOR && v.status() == VisitStatus.HELD);
        return new View(v, cache.computeIfAbsent(v.visitor(), this::tenant), cache.computeIfAbsent(v.host(), this::tenant),
                side, a);
    }

    // =====================================================================================================
    // plumbing
    // =====================================================================================================

    /** A 404 for a visit the tenant is no party to, before its input is looked at. */
    private void requireVisit(TenantId party, UUID id) {
        repo.visit(party, id, false).orElseThrow(() -> GeraiException.notFound("study-visit-not-found"));
    }

    static void requireManager(TenantId tenant, GeraiUser me) {
        if (me == null || !me.hasTenantRole(tenant, Role.PENGELOLA_MPP)) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    private Tenant tenant(TenantId id) {
        return tenancy.byId(id).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
    }

    private static String reason(String reason, String field) {
        String r = clean(reason);
        if (r == null) {
            throw InvalidInput.of(field, "replication.error.reason-required");
        }
        if (r.length() > 2000) {
            throw InvalidInput.of(field, "replication.error.text-length");
        }
        return r;
    }

    private static LocalDate date(String s, String field, InvalidInput.Collector errors) {
        String v = clean(s);
        if (v == null) {
            errors.add(field, "replication.error.date-required");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                errors.add(field, "replication.error.date");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, "replication.error.date");
            return null;
        }
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
