package id.gerai.tenancy;

import id.gerai.platform.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants, agencies and service points for other modules. Agency and service-point reads use the tenant scope. */
public interface TenancyApi {

    List<Tenant> tenants();

    Optional<Tenant> bySlug(String slug);

    Optional<Tenant> byId(TenantId id);

    /** The tenant of the current request ({@code {tenant}} path variable), if any. */
    Optional<Tenant> current();

    List<Agency> agencies(TenantId tenant);

    List<ServicePoint> servicePoints(TenantId tenant);

    /** New tenants, agencies and service points (audited; validated; tenant-scoped writes). */
    record NewTenant(String regionCode) {
    }

    record NewAgency(String code, String name, AgencyKind kind, String description) {
    }

    record NewServicePoint(String code, String name, ServicePointKind kind, String address, String villageCode, Integer counters) {
    }

    Tenant createTenant(NewTenant command);

    UUID createAgency(TenantId tenant, NewAgency command);

    UUID createServicePoint(TenantId tenant, NewServicePoint command);
}
