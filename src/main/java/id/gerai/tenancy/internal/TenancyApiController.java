package id.gerai.tenancy.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.Role;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tenants", description = "Regional governments, their agencies and service points")
@RestController
class TenancyApiController {

    private final TenancyService tenancy;

    TenancyApiController(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @Operation(summary = "All tenants")
    @GetMapping("/api/tenants")
    List<Tenant> tenants() {
        return tenancy.tenants();
    }

    @Operation(summary = "One tenant by its slug")
    @GetMapping("/api/tenants/{tenant}")
    Tenant tenant(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant) {
        return tenant;
    }

    @Operation(summary = "Create a tenant from a kabupaten/kota or province code (platform admin)")
    @PostMapping("/api/platform/tenants")
    ResponseEntity<Tenant> create(@RequestBody TenancyApi.NewTenant command) {
        Tenant t = tenancy.createTenant(command);
        return ResponseEntity.created(URI.create("/api/tenants/" + t.slug())).body(t);
    }

    @Operation(summary = "The tenant's agencies (instansi)")
    @GetMapping("/api/tenants/{tenant}/agencies")
    List<Agency> agencies(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant) {
        return tenancy.agencies(tenant.id());
    }

    @Operation(summary = "Add an agency (MPP manager of the tenant)")
    @PostMapping("/api/tenants/{tenant}/agencies")
    ResponseEntity<Agency> createAgency(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant,
                                        @RequestBody TenancyApi.NewAgency command) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        UUID id = tenancy.createAgency(tenant.id(), command);
        Agency created = tenancy.agencies(tenant.id()).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/agencies")).body(created);
    }

    @Operation(summary = "The tenant's service points (MPP building, mall counter, village office, online)")
    @GetMapping("/api/tenants/{tenant}/service-points")
    List<ServicePoint> servicePoints(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant) {
        return tenancy.servicePoints(tenant.id());
    }

    @Operation(summary = "Add a service point (MPP manager of the tenant)")
    @PostMapping("/api/tenants/{tenant}/service-points")
    ResponseEntity<ServicePoint> createServicePoint(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant,
                                                    @RequestBody TenancyApi.NewServicePoint command) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        UUID id = tenancy.createServicePoint(tenant.id(), command);
        ServicePoint created = tenancy.servicePoints(tenant.id()).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/service-points")).body(created);
    }
}
