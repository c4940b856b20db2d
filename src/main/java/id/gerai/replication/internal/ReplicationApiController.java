package id.gerai.replication.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.replication.internal.StudyVisit.DesignRef;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The study-visit and action-plan API, and the monitor's read. Errors are the platform's problem details: 403
 * {@code forbidden} for someone without the role, 404 {@code study-visit-not-found} for a visit the tenant is no
 * party to, 409 with a code naming the broken rule for a step the visit's state does not allow, 422 with field
 * errors for bad input.
 */
@RestController
@Tag(name = "Study visits and action plans",
        description = "Studi tiru between regions and the rencana aksi that follow (module replication)")
class ReplicationApiController {

    private final StudyVisitService visits;
    private final ActionPlanService plans;
    private final ReplicationMonitor monitor;

    ReplicationApiController(StudyVisitService visits, ActionPlanService plans, ReplicationMonitor monitor) {
        this.visits = visits;
        this.plans = plans;
        this.monitor = monitor;
    }

    // --- JSON shapes ------------------------------------------------------------------------------------------

    /** A request for a visit: {@code host} is the host tenant's slug; dates ISO ({@code 2026-12-01}). */
    record VisitRequest(String host, String topic, String purpose, List<UUID> designs, String proposedFrom,
                        String proposedTo, Integer participants, String contactName, String contactEmail,
                        String contactPhone) {
    }

    record AcceptRequest(String confirmedDate, String note) {
    }

    record ReasonRequest(String reason) {
    }

    record HeldRequest(String learnings) {
    }

    record Contact(String name, String email, String phone) {
    }

    record VisitJson(UUID id, String side, String visitor, String visitorName, String host, String hostName, String topic,
                     String purpose, List<DesignRef> designs, LocalDate proposedFrom, LocalDate proposedTo,
                     int participants, Contact contact, String status, LocalDate confirmedDate, String hostNote,
                     String declineReason, String cancelledBy, String cancelReason, String learnings,
                     Instant requestedAt, Instant decidedAt, Instant cancelledAt, Instant heldAt,
                     StudyVisitService.Actions actions) {

        static VisitJson of(StudyVisitService.View view) {
            StudyVisit v = view.visit();
            return new VisitJson(v.id(), view.side().name(), view.visitor().slug(), view.visitor().name(),
                    view.host().slug(), view.host().name(), v.topic(), v.purpose(), v.designs(), v.proposedFrom(),
                    v.proposedTo(), v.participants(), new Contact(v.contactName(), v.contactEmail(), v.contactPhone()),
                    v.status().name(), v.confirmedDate(), v.hostNote(), v.declineReason(),
                    v.cancelledBy() == null ? null : v.cancelledBy().name(), v.cancelReason(), v.learnings(),
                    v.requestedAt(), v.decidedAt(), v.cancelledAt(), v.heldAt(), view.actions());
        }
    }

    record PlanRequest(String title, String source, UUID visitId, UUID serviceId, String sourceNote, UUID agencyId) {
    }

    record ItemRequest(String what, UUID agencyId, String responsible, String targetDate) {
    }

    record ProgressRequest(String status, String note) {
    }

    record PlanSummaryJson(UUID id, String title, String source, Instant createdAt, Instant updatedAt, int items, int done,
                           int inProgress, int dropped, int overdue) {
        static PlanSummaryJson of(ActionPlanService.Summary s) {
            ActionPlan p = s.plan();
            return new PlanSummaryJson(p.id(), p.title(), p.source().name(), p.createdAt(), p.updatedAt(), s.items(),
                    s.done(), s.inProgress(), s.dropped(), s.overdue());
        }
    }

    record ProgressJson(LocalDate notedOn, String note, String statusAfter, Instant at) {
    }

    record ItemJson(UUID id, String what, UUID agencyId, String agencyName, String responsible, LocalDate targetDate,
                    String status, LocalDate doneOn, boolean overdue, boolean mayUpdate, List<ProgressJson> progress) {
    }

    record PlanJson(UUID id, String title, String source, UUID visitId, UUID serviceId, String sourceNote,
                    String sourceLabel, UUID agencyId, String agencyName, Instant createdAt, Instant updatedAt,
                    PlanSummaryJson summary, List<ItemJson> items) {
        static PlanJson of(ActionPlanService.View v) {
            ActionPlan p = v.plan();
            return new PlanJson(p.id(), p.title(), p.source().name(), p.visitId(), p.serviceId(), p.sourceNote(),
                    v.sourceLabel(), p.agencyId(), v.agencyName(), p.createdAt(), p.updatedAt(),
                    PlanSummaryJson.of(v.summary()),
                    v.items().stream().map(i -> new ItemJson(i.item().id(), i.item().what(), i.item().agencyId(),
                            i.agencyName(), i.item().responsible(), i.item().targetDate(), i.item().status().name(),
                            i.item().doneOn(), i.overdue(), i.mayUpdate(),
                            i.progress().stream().map(p2 -> new ProgressJson(p2.notedOn(), p2.note(),
                                    p2.statusAfter().name(), p2.createdAt())).toList())).toList());
        }
    }

    // --- study visits -----------------------------------------------------------------------------------------

    @Operation(summary = "The tenant's study visits, asked for and hosted (MPP manager)",
            description = "Newest first; side is VISITOR or HOST. Only the two tenants of a visit ever see it.")
    @GetMapping("/api/tenants/{tenant}/study-visits")
    List<VisitJson> visits(@RequestAttribute("geraiTenant") Tenant tenant) {
        return visits.list(tenant.id(), CurrentUser.require()).stream().map(VisitJson::of).toList();
    }

    @Operation(summary = "Ask another region for a study visit (MPP manager of the visiting tenant)",
            description = "designs: ids of the host's published services (GET .../study-visits/hosts/{host}/designs). "
                    + "The host's MPP managers are e-mailed. 422 validation with field errors.")
    @PostMapping("/api/tenants/{tenant}/study-visits")
    ResponseEntity<VisitJson> request(@RequestAttribute("geraiTenant") Tenant tenant, @RequestBody VisitRequest body) {
        VisitRequest b = body == null ? new VisitRequest(null, null, null, null, null, null, null, null, null, null) : body;
        var v = visits.request(tenant.id(), new StudyVisitService.NewVisit(b.host(), b.topic(), b.purpose(), b.designs(),
                b.proposedFrom(), b.proposedTo(), b.participants(), b.contactName(), b.contactEmail(), b.contactPhone()),
                CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/study-visits/" + v.visit().id()))
                .body(VisitJson.of(v));
    }

    @Operation(summary = "A host's published service designs a visit may be about (MPP manager)")
    @GetMapping("/api/tenants/{tenant}/study-visits/hosts/{host}/designs")
    List<DesignRef> hostDesigns(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String host) {
        StudyVisitService.requireManager(tenant.id(), CurrentUser.require());
        return visits.possibleHosts(tenant.id()).stream().filter(t -> t.slug().equals(host)).findFirst()
                .map(visits::designsOf)
                .orElseThrow(() -> id.gerai.platform.GeraiException.notFound("tenant-not-found"));
    }

    @Operation(summary = "The tenant's service designs other regions asked to study (MPP manager)",
            description = "Per design: visits that name it and are requested or accepted (open), and held ones.")
    @GetMapping("/api/tenants/{tenant}/study-visits/designs")
    List<ReplicationRepository.DesignInterest> designInterest(@RequestAttribute("geraiTenant") Tenant tenant) {
        return visits.designInterest(tenant.id(), CurrentUser.require());
    }

    @Operation(summary = "One study visit (MPP manager of the visitor or the host)",
            description = "404 study-visit-not-found for any other tenant.")
    @GetMapping("/api/tenants/{tenant}/study-visits/{id}")
    VisitJson visit(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id) {
        return VisitJson.of(visits.get(tenant.id(), id, CurrentUser.require()));
    }

    @Operation(summary = "Accept a requested visit with a confirmed date (host)",
            description = "REQUESTED -> ACCEPTED; 409 study-visit-not-requested otherwise, 403 study-visit-host-only for "
                    + "the visitor. The date may not be in the past (422).")
    @PostMapping("/api/tenants/{tenant}/study-visits/{id}/accept")
    VisitJson accept(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                     @RequestBody(required = false) AcceptRequest body) {
        AcceptRequest b = body == null ? new AcceptRequest(null, null) : body;
        return VisitJson.of(visits.accept(tenant.id(), id, b.confirmedDate(), b.note(), CurrentUser.require()));
    }

    @Operation(summary = "Decline a requested visit with a reason (host)",
            description = "REQUESTED -> DECLINED; 409 study-visit-not-requested otherwise.")
    @PostMapping("/api/tenants/{tenant}/study-visits/{id}/decline")
    VisitJson decline(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                      @RequestBody(required = false) ReasonRequest body) {
        return VisitJson.of(visits.decline(tenant.id(), id, body == null ? null : body.reason(), CurrentUser.require()));
    }

    @Operation(summary = "Cancel a visit before its date (visitor or host)",
            description = "REQUESTED or ACCEPTED -> CANCELLED with a reason; 409 study-visit-not-open for a visit already "
                    + "declined, cancelled or held, 409 study-visit-date-reached on or after the confirmed date.")
    @PostMapping("/api/tenants/{tenant}/study-visits/{id}/cancel")
    VisitJson cancel(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                     @RequestBody(required = false) ReasonRequest body) {
        return VisitJson.of(visits.cancel(tenant.id(), id, body == null ? null : body.reason(), CurrentUser.require()));
    }

    @Operation(summary = "Mark an accepted visit held, with what was learned (visitor)",
            description = "ACCEPTED -> HELD from the confirmed date on; 409 study-visit-not-accepted or study-visit-not-yet; "
                    + "403 study-visit-visitor-only for the host.")
    @PostMapping("/api/tenants/{tenant}/study-visits/{id}/held")
    VisitJson held(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                   @RequestBody(required = false) HeldRequest body) {
        return VisitJson.of(visits.markHeld(tenant.id(), id, body == null ? null : body.learnings(), CurrentUser.require()));
    }

    // --- action plans -----------------------------------------------------------------------------------------

    @Operation(summary = "The tenant's action plans with their items' counts (MPP manager, agency admin)")
    @GetMapping("/api/tenants/{tenant}/action-plans")
    List<PlanSummaryJson> plans(@RequestAttribute("geraiTenant") Tenant tenant) {
        return plans.list(tenant.id(), CurrentUser.require()).stream().map(PlanSummaryJson::of).toList();
    }

    @Operation(summary = "Make an action plan (MPP manager)",
            description = "source VISIT (visitId: a visit of this tenant that was held), DESIGN_COPY (serviceId: a service "
                    + "of this tenant copied from another region's design) or BENCHMARK (sourceNote: what was compared).")
    @PostMapping("/api/tenants/{tenant}/action-plans")
    ResponseEntity<PlanJson> createPlan(@RequestAttribute("geraiTenant") Tenant tenant, @RequestBody PlanRequest body) {
        PlanRequest b = body == null ? new PlanRequest(null, null, null, null, null, null) : body;
        GeraiUser me = CurrentUser.require();
        ActionPlan p = plans.create(tenant.id(), new ActionPlanService.NewPlan(b.title(), b.source(), b.visitId(),
                b.serviceId(), b.sourceNote(), b.agencyId()), me);
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/action-plans/" + p.id()))
                .body(PlanJson.of(plans.get(tenant.id(), p.id(), me)));
    }

    @Operation(summary = "One action plan with its items and their progress notes (MPP manager, agency admin)")
    @GetMapping("/api/tenants/{tenant}/action-plans/{id}")
    PlanJson plan(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id) {
        return PlanJson.of(plans.get(tenant.id(), id, CurrentUser.require()));
    }

    @Operation(summary = "Add an item to a plan (MPP manager)",
            description = "what, the agency responsible, the person or role responsible, the target date; it starts PLANNED.")
    @PostMapping("/api/tenants/{tenant}/action-plans/{id}/items")
    ResponseEntity<PlanJson> addItem(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                                     @RequestBody ItemRequest body) {
        ItemRequest b = body == null ? new ItemRequest(null, null, null, null) : body;
        GeraiUser me = CurrentUser.require();
        plans.addItem(tenant.id(), id, new ActionPlanService.NewItem(b.what(), b.agencyId(), b.responsible(), b.targetDate()), me);
        return ResponseEntity.status(201).body(PlanJson.of(plans.get(tenant.id(), id, me)));
    }

    @Operation(summary = "A progress note on an item, with its new status (MPP manager; agency admin of the item's agency)",
            description = "status PLANNED, IN_PROGRESS, DONE or DROPPED (blank: unchanged); note required. 409 "
                    + "action-item-closed once an item is done or dropped; 403 action-item-other-agency.")
    @PostMapping("/api/tenants/{tenant}/action-plans/{id}/items/{itemId}/progress")
    PlanJson progress(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable UUID itemId,
                      @RequestBody(required = false) ProgressRequest body) {
        GeraiUser me = CurrentUser.require();
        plans.progress(tenant.id(), id, itemId, body == null ? null : body.status(), body == null ? null : body.note(), me);
        return PlanJson.of(plans.get(tenant.id(), id, me));
    }

    // --- the monitor ------------------------------------------------------------------------------------------

    @Operation(summary = "Study visits and action plans across regions (monitor)",
            description = "PEMANTAU or the platform admin: counts per tenant (visits made and hosted, pending, plans, items "
                    + "done, in progress, dropped and overdue) and the latest held visits; no names of persons.")
    @GetMapping("/api/monitor/replication")
    ReplicationMonitor.Report monitor() {
        return monitor.report(CurrentUser.require());
    }

}
