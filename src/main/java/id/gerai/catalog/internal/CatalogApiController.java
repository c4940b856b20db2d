package id.gerai.catalog.internal;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.Copies;
import id.gerai.catalog.DesignProblem;
import id.gerai.catalog.DesignRejected;
import id.gerai.catalog.PublishedDesign;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceStatus;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.catalog.VersionEntry;
import id.gerai.catalog.VersionStatus;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over HTTP. Reading published services is public; drafts and every change need an editor
 * of the service's agency (its agency admin, the tenant's MPP manager, or the platform admin). Responses
 * that save a draft carry the problems that still keep it from being published.
 */
@Tag(name = "Services", description = "The service catalogue: designs, versions, publishing, export/import and replication")
@RestController
class CatalogApiController {

    private static final String TENANT = "geraiTenant";
    private static final String BASE = "/api/tenants/{tenant}/services";

    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final MessageSource messages;

    CatalogApiController(CatalogApi catalog, TenancyApi tenancy, MessageSource messages) {
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.messages = messages;
    }

    /** One publishing problem with its message in the caller's language. */
    record Problem(String path, String code, List<Object> arguments, String message) {
    }

    /** A saved draft and what still keeps it from being published. */
    record Draft(ServiceVersion version, List<Problem> problems) {
    }

    /** A service with its current published version. */
    record ServiceView(ServiceSummary service, ServiceVersion current) {
    }

    record NewServiceRequest(UUID agencyId, ServiceDesign design, String changeNote) {
    }

    record DraftRequest(ServiceDesign design, String changeNote) {
    }

    /** Copy {@code sourceService} version {@code version} of the tenant {@code sourceTenant} (a slug) into agency {@code agencyId}. */
    record CopyRequest(String sourceTenant, UUID sourceService, Integer version, UUID agencyId) {
    }

    // --- public reading -----------------------------------------------------------------------------------

    @Operation(summary = "The tenant's published services; with all=true every service the caller may manage, drafts included")
    @GetMapping(BASE)
    List<ServiceSummary> services(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(defaultValue = "false") boolean all) {
        if (!all) {
            return catalog.publishedServices(tenant.id());
        }
        CurrentUser.requireTenantRole(tenant.id(), Role.ADMIN_INSTANSI, Role.PENGELOLA_MPP);
        return catalog.services(tenant.id()).stream()
                .filter(s -> s.status() == ServiceStatus.PUBLISHED || catalog.mayEdit(tenant.id(), s.agencyId()))
                .toList();
    }

    @Operation(summary = "A service and its current published version")
    @GetMapping(BASE + "/{serviceId}")
    ServiceView service(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId) {
        ServiceSummary service = catalog.service(tenant.id(), serviceId)
                .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        ServiceVersion current = catalog.current(tenant.id(), serviceId)
                .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        return new ServiceView(service, forReader(tenant, service, current));
    }

    @Operation(summary = "The service's versions, newest first, with what changed in each (drafts only for its editors)")
    @GetMapping(BASE + "/{serviceId}/versions")
    List<VersionEntry> versions(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId) {
        ServiceSummary service = requireService(tenant, serviceId);
        boolean editor = catalog.mayEdit(tenant.id(), service.agencyId());
        return catalog.history(tenant.id(), serviceId).stream()
                .filter(v -> editor || v.status() != VersionStatus.DRAFT)
                .map(v -> editor ? v : new VersionEntry(v.version(), v.status(), v.changeNote(), null, v.createdAt(),
                        v.publishedAt(), v.retiredAt(), v.changes()))
                .toList();
    }

    @Operation(summary = "One version with its whole design (a draft only for the service's editors)")
    @GetMapping(BASE + "/{serviceId}/versions/{version}")
    ServiceVersion version(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId, @PathVariable int version) {
        return readable(tenant, serviceId, version);
    }

    @Operation(summary = "One version as a design file (JSON) to import elsewhere")
    @GetMapping(BASE + "/{serviceId}/versions/{version}/export")
    ResponseEntity<byte[]> export(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId, @PathVariable int version) {
        readable(tenant, serviceId, version);
        ServiceSummary service = requireService(tenant, serviceId);
        byte[] body = catalog.export(tenant.id(), serviceId, version).getBytes(StandardCharsets.UTF_8);
        String file = tenant.slug() + "-" + service.slug() + "-v" + version + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    @Operation(summary = "The services copied from this one, in every tenant")
    @GetMapping(BASE + "/{serviceId}/copies")
    Copies copies(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId) {
        requireService(tenant, serviceId);
        return catalog.copiesOf(tenant.id(), serviceId);
    }

    @Operation(summary = "Every tenant's published designs, to study and copy (amati, tiru, modifikasi)")
    @GetMapping("/api/catalog/designs")
    List<PublishedDesign> designs(@RequestParam(required = false) String kind, @RequestParam(required = false) String q) {
        return catalog.publishedDesigns(kind, q);
    }

    // --- changes (editors) --------------------------------------------------------------------------------

    @Operation(summary = "Create a service as draft version 1 (agency admin of the agency, or MPP manager)")
    @PostMapping(BASE)
    ResponseEntity<Draft> create(@RequestAttribute(TENANT) Tenant tenant, @RequestBody NewServiceRequest request) {
        catalog.requireEditor(tenant.id(), request.agencyId());
        ServiceVersion created = catalog.create(tenant.id(), new CatalogApi.NewService(request.agencyId(), request.design(), request.changeNote()));
        return ResponseEntity.created(versionUri(tenant, created)).body(draft(tenant, created));
    }

    @Operation(summary = "Check a design without saving it: the problems that would keep it from being published")
    @PostMapping(BASE + "/check")
    List<Problem> check(@RequestAttribute(TENANT) Tenant tenant, @RequestBody ServiceDesign design) {
        CurrentUser.requireTenantRole(tenant.id(), Role.ADMIN_INSTANSI, Role.PENGELOLA_MPP);
        return problems(catalog.check(tenant.id(), design));
    }

    @Operation(summary = "Replace the design of the service's draft")
    @PutMapping(BASE + "/{serviceId}/draft")
    Draft updateDraft(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId, @RequestBody DraftRequest request) {
        requireEditor(tenant, serviceId);
        return draft(tenant, catalog.updateDraft(tenant.id(), serviceId, request.design(), request.changeNote()));
    }

    @Operation(summary = "Start a new draft from the current published version")
    @PostMapping(BASE + "/{serviceId}/draft")
    ResponseEntity<Draft> newDraft(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId) {
        requireEditor(tenant, serviceId);
        ServiceVersion created = catalog.newDraft(tenant.id(), serviceId);
        return ResponseEntity.created(versionUri(tenant, created)).body(draft(tenant, created));
    }

    @Operation(summary = "Throw the draft away")
    @DeleteMapping(BASE + "/{serviceId}/draft")
    ResponseEntity<Void> discardDraft(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId) {
        requireEditor(tenant, serviceId);
        catalog.discardDraft(tenant.id(), serviceId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Publish a draft version (refused with the problems when the checks fail)")
    @PostMapping(BASE + "/{serviceId}/versions/{version}/publish")
    ServiceVersion publish(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId, @PathVariable int version) {
        requireEditor(tenant, serviceId);
        return catalog.publish(tenant.id(), serviceId, version);
    }

    @Operation(summary = "Withdraw the published version: citizens no longer see the service")
    @PostMapping(BASE + "/{serviceId}/versions/{version}/retire")
    ServiceVersion retire(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID serviceId, @PathVariable int version) {
        requireEditor(tenant, serviceId);
        return catalog.retire(tenant.id(), serviceId, version);
    }

    @Operation(summary = "Import a design file (the body) as a new draft service of the agency")
    @PostMapping(BASE + "/import")
    ResponseEntity<Draft> importDesign(@RequestAttribute(TENANT) Tenant tenant, @RequestParam UUID agencyId,
                                       @RequestBody(required = false) String body) {
        catalog.requireEditor(tenant.id(), agencyId);
        ServiceVersion created = catalog.importDesign(tenant.id(), agencyId, body);
        return ResponseEntity.created(versionUri(tenant, created)).body(draft(tenant, created));
    }

    @Operation(summary = "Copy another tenant's published design into this tenant as a new draft service")
    @PostMapping(BASE + "/copy")
    ResponseEntity<Draft> copy(@RequestAttribute(TENANT) Tenant tenant, @RequestBody CopyRequest request) {
        catalog.requireEditor(tenant.id(), request.agencyId());
        if (request.sourceService() == null || request.version() == null) {
            throw GeraiException.notFound("catalog-version-not-found");
        }
        Tenant source = tenancy.bySlug(request.sourceTenant()).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        ServiceVersion created = catalog.copy(tenant.id(), request.agencyId(), source.id(), request.sourceService(), request.version());
        return ResponseEntity.created(versionUri(tenant, created)).body(draft(tenant, created));
    }

    @ExceptionHandler(DesignRejected.class)
    ProblemDetail rejected(DesignRejected e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        p.setType(URI.create("https://gerai.id/problems/" + e.code()));
        p.setTitle(messages.getMessage("problem." + e.code(), null, locale));
        p.setDetail(messages.getMessage("error." + e.code(), e.args(), locale));
        p.setProperty("code", e.code());
        p.setProperty("problems", problems(e.problems()));
        return p;
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** A version the caller may read: drafts only for the service's editors. */
    private ServiceVersion readable(Tenant tenant, UUID serviceId, int version) {
        ServiceVersion v = catalog.version(tenant.id(), serviceId, version)
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        if (v.status() == VersionStatus.DRAFT) {
            requireEditor(tenant, serviceId);
        }
        return forReader(tenant, requireService(tenant, serviceId), v);
    }

    /** Who made a version (an account id) is for the service's editors only. */
    private ServiceVersion forReader(Tenant tenant, ServiceSummary service, ServiceVersion v) {
        if (catalog.mayEdit(tenant.id(), service.agencyId())) {
            return v;
        }
        return new ServiceVersion(v.tenant(), v.serviceId(), v.version(), v.status(), v.design(), v.changeNote(), null,
                v.createdAt(), v.publishedAt(), v.retiredAt());
    }

    private void requireEditor(Tenant tenant, UUID serviceId) {
        catalog.requireEditor(tenant.id(), requireService(tenant, serviceId).agencyId());
    }

    private ServiceSummary requireService(Tenant tenant, UUID serviceId) {
        return catalog.service(tenant.id(), serviceId).orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
    }

    private Draft draft(Tenant tenant, ServiceVersion version) {
        return new Draft(version, problems(catalog.check(tenant.id(), version.design())));
    }

    private List<Problem> problems(List<DesignProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream().map(p -> new Problem(p.path(), p.code(), p.arguments().stream().map(a -> (Object) String.valueOf(a)).toList(),
                messages.getMessage(p, locale))).toList();
    }

    private static URI versionUri(Tenant tenant, ServiceVersion v) {
        return URI.create("/api/tenants/" + tenant.slug() + "/services/" + v.serviceId() + "/versions/" + v.version());
    }
}
