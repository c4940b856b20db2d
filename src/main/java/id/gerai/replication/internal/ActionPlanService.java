package id.gerai.replication.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantId;
import id.gerai.platform.TimeOrderedIds;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Action plans (rencana aksi): what a tenant will change after one of its study visits, a design it copied or a
 * benchmark. The MPP manager (PENGELOLA_MPP) makes plans, adds items and updates any item; an agency admin
 * (ADMIN_INSTANSI) updates the items of their agency (of every agency when their membership names none). Both
 * read all of the tenant's plans. Every change is one transaction with its audit record.
 */
@Service
class ActionPlanService {

    /** A new plan as typed. */
    record NewPlan(String title, String source, UUID visitId, UUID serviceId, String sourceNote, UUID agencyId) {
    }

    /** A new item as typed. */
    record NewItem(String what, UUID agencyId, String responsible, String targetDate) {
    }

    /** A plan with its items' counts, for lists. */
    record Summary(ActionPlan plan, int items, int done, int inProgress, int dropped, int overdue) {
    }

    /** An item with its notes and whether the viewer may update it. */
    record ItemView(ActionPlan.Item item, String agencyName, boolean overdue, boolean mayUpdate,
                    List<ActionPlan.Progress> progress) {
    }

    /** One plan for a page or the API. */
    record View(ActionPlan plan, String agencyName, String sourceLabel, List<ItemView> items, boolean manager,
                Summary summary) {
    }

    private final ReplicationRepository repo;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    ActionPlanService(ReplicationRepository repo, TenancyApi tenancy, CatalogApi catalog, AuditLog audit,
                      WorkingCalendar calendar, TransactionTemplate tx) {
        this.repo = repo;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.audit = audit;
        this.calendar = calendar;
        this.tx = tx;
    }

    LocalDate today(TenantId tenant) {
        return LocalDate.now(clock.withZone(calendar.zone(tenant)));
    }

    // --- who ------------------------------------------------------------------------------------------------

    static void requireReader(TenantId tenant, GeraiUser me) {
        if (me == null || !me.hasTenantRole(tenant, Role.PENGELOLA_MPP, Role.ADMIN_INSTANSI)) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    static boolean manager(TenantId tenant, GeraiUser me) {
        return me != null && me.hasTenantRole(tenant, Role.PENGELOLA_MPP);
    }

    static boolean mayUpdate(TenantId tenant, ActionPlan.Item item, GeraiUser me) {
        if (manager(tenant, me)) {
            return true;
        }
        for (Membership m : me.memberships()) {
            if (m.tenant().equals(tenant) && m.role() == Role.ADMIN_INSTANSI
                    && (m.agencyId() == null || m.agencyId().equals(item.agencyId()))) {
                return true;
            }
        }
        return false;
    }

    // --- changes ----------------------------------------------------------------------------------------------

    ActionPlan create(TenantId tenant, NewPlan in, GeraiUser me) {
        if (!manager(tenant, me)) {
            throw GeraiException.forbidden("forbidden");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String title = StudyVisitService.clean(in.title());
        if (title == null) {
            errors.add("title", "replication.error.title-required");
        } else if (title.length() < 5 || title.length() > 200) {
            errors.add("title", "replication.error.title-length");
        }
        PlanSource source = PlanSource.parse(in.source());
        UUID visitId = null;
        UUID serviceId = null;
        String note = StudyVisitService.clean(in.sourceNote());
        if (source == null) {
            errors.add("source", "replication.error.source");
        } else if (source == PlanSource.VISIT) {
            if (in.visitId() == null || repo.heldVisitsOf(tenant).stream().noneMatch(v -> v.id().equals(in.visitId()))) {
                errors.add("visitId", "replication.error.visit-source");
            } else {
                visitId = in.visitId();
            }
        } else if (source == PlanSource.DESIGN_COPY) {
            Optional<ServiceSummary> s = in.serviceId() == null ? Optional.empty() : catalog.service(tenant, in.serviceId());
            if (s.isEmpty() || s.get().origin() == null) {
                errors.add("serviceId", "replication.error.copy-source");
            } else {
                serviceId = in.serviceId();
            }
        } else if (note == null) {
            errors.add("sourceNote", "replication.error.benchmark-note");
        }
        if (note != null && note.length() > 2000) {
            errors.add("sourceNote", "replication.error.text-length");
        }
        if (in.agencyId() != null && agency(tenant, in.agencyId()) == null) {
            errors.add("agencyId", "replication.error.agency");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        ActionPlan plan = new ActionPlan(tenant, TimeOrderedIds.next(), title, source, visitId, serviceId, note,
                in.agencyId(), me.accountId(), now, now);
        tx.executeWithoutResult(s -> {
            repo.insert(plan);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("title", title);
            after.put("source", source.name());
            after.put("visitId", plan.visitId() == null ? null : plan.visitId().toString());
            after.put("serviceId", plan.serviceId() == null ? null : plan.serviceId().toString());
            after.put("agencyId", in.agencyId() == null ? null : in.agencyId().toString());
            audit.record(AuditEvent.of(tenant, "replication.plan.created", "action_plan", plan.id(), null, after));
        });
        return plan;
    }

    ActionPlan.Item addItem(TenantId tenant, UUID planId, NewItem in, GeraiUser me) {
        if (!manager(tenant, me)) {
            requireReader(tenant, me);
            throw GeraiException.forbidden("action-plan-manager-only");
        }
        repo.plan(tenant, planId, false).orElseThrow(() -> GeraiException.notFound("action-plan-not-found"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String what = StudyVisitService.clean(in.what());
        if (what == null || what.length() < 3 || what.length() > 500) {
            errors.add("what", "replication.error.what");
        }
        if (in.agencyId() == null || agency(tenant, in.agencyId()) == null) {
            errors.add("agencyId", "replication.error.agency");
        }
        String responsible = StudyVisitService.clean(in.responsible());
        if (responsible == null || responsible.length() < 2 || responsible.length() > 200) {
            errors.add("responsible", "replication.error.responsible");
        }
        LocalDate target = null;
        String t = StudyVisitService.clean(in.targetDate());
        if (t == null) {
            errors.add("targetDate", "replication.error.date-required");
        } else {
            try {
                target = LocalDate.parse(t);
                if (target.getYear() < 2000 || target.getYear() > 2100) {
                    errors.add("targetDate", "replication.error.date");
                }
            } catch (DateTimeParseException e) {
                errors.add("targetDate", "replication.error.date");
            }
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        ActionPlan.Item item = new ActionPlan.Item(TimeOrderedIds.next(), planId, what, in.agencyId(), responsible, target,
                ItemStatus.PLANNED, null, now);
        tx.executeWithoutResult(s -> {
            repo.plan(tenant, planId, true).orElseThrow(() -> GeraiException.notFound("action-plan-not-found"));
            repo.insert(tenant, item, now);
            repo.touch(tenant, planId, now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("planId", planId.toString());
            after.put("what", item.what());
            after.put("agencyId", item.agencyId().toString());
            after.put("targetDate", item.targetDate().toString());
            after.put("status", item.status().name());
            audit.record(AuditEvent.of(tenant, "replication.plan-item.added", "action_plan_item", item.id(), null, after));
        });
        return item;
    }

    /**
     * A progress note on an open item, with its status after the note (unchanged when {@code status} is blank).
     * A done or dropped item is closed: a note on it is a 409 {@code action-item-closed}.
     */
    ActionPlan.Item progress(TenantId tenant, UUID planId, UUID itemId, String status, String note, GeraiUser me) {
        requireReader(tenant, me);
        ActionPlan.Item item = repo.item(tenant, planId, itemId).orElseThrow(() -> GeraiException.notFound("action-item-not-found"));
        if (!mayUpdate(tenant, item, me)) {
            throw GeraiException.forbidden("action-item-other-agency");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        ItemStatus next = status == null || status.isBlank() ? item.status() : ItemStatus.parse(status);
        if (next == null) {
            errors.add("status", "replication.error.item-status");
        }
        String n = StudyVisitService.clean(note);
        if (n == null) {
            errors.add("note", "replication.error.note-required");
        } else if (n.length() > 4000) {
            errors.add("note", "replication.error.text-length");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        ActionPlan.Progress p = new ActionPlan.Progress(TimeOrderedIds.next(), itemId, today(tenant), n, next,
                me.accountId(), now);
        return tx.execute(s -> {
            repo.plan(tenant, planId, true).orElseThrow(() -> GeraiException.notFound("action-plan-not-found"));
            ActionPlan.Item current = repo.item(tenant, planId, itemId).orElseThrow(() -> GeraiException.notFound("action-item-not-found"));
            if (!current.status().open()) {
                throw GeraiException.conflict("action-item-closed");
            }
            repo.progress(tenant, current, p);
            repo.touch(tenant, planId, now);
            audit.record(AuditEvent.of(tenant, "replication.plan-item.progressed", "action_plan_item", itemId,
                    Map.of("status", current.status().name()), Map.of("status", next.name(), "planId", planId.toString(),
                            "noteLength", n.length())));
            return repo.item(tenant, planId, itemId).orElseThrow();
        });
    }

    // --- reading ----------------------------------------------------------------------------------------------

    List<Summary> list(TenantId tenant, GeraiUser me) {
        requireReader(tenant, me);
        LocalDate today = today(tenant);
        Map<UUID, List<ActionPlan.Item>> byPlan = new LinkedHashMap<>();
        for (ActionPlan.Item i : repo.items(tenant, null)) {
            byPlan.computeIfAbsent(i.planId(), k -> new java.util.ArrayList<>()).add(i);
        }
        return repo.plans(tenant).stream().map(p -> summary(p, byPlan.getOrDefault(p.id(), List.of()), today)).toList();
    }

    View get(TenantId tenant, UUID id, GeraiUser me) {
        requireReader(tenant, me);
        ActionPlan plan = repo.plan(tenant, id, false).orElseThrow(() -> GeraiException.notFound("action-plan-not-found"));
        LocalDate today = today(tenant);
        Map<UUID, String> agencies = agencyNames(tenant);
        List<ActionPlan.Item> items = repo.items(tenant, id);
        Map<UUID, List<ActionPlan.Progress>> notes = new LinkedHashMap<>();
        for (ActionPlan.Progress p : repo.progress(tenant, id)) {
            notes.computeIfAbsent(p.itemId(), k -> new java.util.ArrayList<>()).add(p);
        }
        List<ItemView> views = items.stream().map(i -> new ItemView(i, agencies.get(i.agencyId()), i.overdue(today),
                mayUpdate(tenant, i, me) && i.status().open(), notes.getOrDefault(i.id(), List.of()))).toList();
        return new View(plan, plan.agencyId() == null ? null : agencies.get(plan.agencyId()), sourceLabel(tenant, plan),
                views, manager(tenant, me), summary(plan, items, today));
    }

    /** What the plan follows from, in words the page shows: the visit's host and topic, the copied service's name. */
    private String sourceLabel(TenantId tenant, ActionPlan plan) {
        return switch (plan.source()) {
            case VISIT -> repo.visit(tenant, plan.visitId(), false)
                    .map(v -> tenancy.byId(v.host()).map(id.gerai.tenancy.Tenant::name).orElse("") + ": " + v.topic())
                    .orElse("");
            case DESIGN_COPY -> catalog.service(tenant, plan.serviceId()).map(ServiceSummary::name).orElse("");
            case BENCHMARK -> plan.sourceNote();
        };
    }

    private static Summary summary(ActionPlan p, List<ActionPlan.Item> items, LocalDate today) {
        int done = 0;
        int progress = 0;
        int dropped = 0;
        int overdue = 0;
        for (ActionPlan.Item i : items) {
            switch (i.status()) {
                case DONE -> done++;
                case IN_PROGRESS -> progress++;
                case DROPPED -> dropped++;
                default -> {
                }
            }
            if (i.overdue(today)) {
                overdue++;
            }
        }
        return new Summary(p, items.size(), done, progress, dropped, overdue);
    }

    Map<UUID, String> agencyNames(TenantId tenant) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Agency a : tenancy.agencies(tenant)) {
            names.put(a.id(), a.name());
        }
        return names;
    }

    List<Agency> agencies(TenantId tenant) {
        return tenancy.agencies(tenant);
    }

    /** The tenant's services copied from another tenant's design: sources of plans. */
    List<ServiceSummary> copiedServices(TenantId tenant) {
        return catalog.services(tenant).stream().filter(s -> s.origin() != null).toList();
    }

    private Agency agency(TenantId tenant, UUID id) {
        return tenancy.agencies(tenant).stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }
}
