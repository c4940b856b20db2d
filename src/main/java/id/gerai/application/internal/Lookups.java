package id.gerai.application.internal;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.catalog.VersionStatus;
import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reads of other modules that every transition needs, kept in memory: a published or retired service version
 * never changes (the catalogue's trigger forbids it), so versions are kept for good; tenants, agencies and
 * service points change rarely and are kept for a minute.
 */
@Component
class Lookups {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_VERSIONS = 20_000;

    private record VersionKey(TenantId tenant, UUID service, int version) {
    }

    private record Timed<T>(T value, long at) {
        boolean fresh() {
            return System.nanoTime() - at < TTL.toNanos();
        }
    }

    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final Map<VersionKey, VersionInfo> versions = new ConcurrentHashMap<>();
    private final Map<TenantId, Timed<Tenant>> tenants = new ConcurrentHashMap<>();
    private final Map<TenantId, Timed<List<Agency>>> agencies = new ConcurrentHashMap<>();
    private final Map<TenantId, Timed<List<ServicePoint>>> servicePoints = new ConcurrentHashMap<>();

    Lookups(CatalogApi catalog, TenancyApi tenancy) {
        this.catalog = catalog;
        this.tenancy = tenancy;
    }

    /** A frozen (published or retired) version with its procedure plan. */
    VersionInfo version(TenantId tenant, UUID serviceId, int version) {
        VersionKey key = new VersionKey(tenant, serviceId, version);
        VersionInfo cached = versions.get(key);
        if (cached != null) {
            return cached;
        }
        ServiceVersion v = catalog.version(tenant, serviceId, version)
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        VersionInfo info = new VersionInfo(v);
        if (v.status() != VersionStatus.DRAFT) {
            if (versions.size() >= MAX_VERSIONS) {
                versions.clear();
            }
            versions.put(key, info);
        }
        return info;
    }

    /** The version citizens may file under now, with the service's agency. */
    record Current(VersionInfo version, UUID agencyId) {
    }

    Current current(TenantId tenant, UUID serviceId) {
        CatalogApi.CurrentVersion service = catalog.currentVersion(tenant, serviceId)
                .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        if (service.version() == null) {
            throw GeraiException.invalid("service-not-published");
        }
        return new Current(version(tenant, serviceId, service.version()), service.agencyId());
    }

    Tenant tenant(TenantId id) {
        return cached(tenants, id, () -> tenancy.byId(id).orElseThrow(() -> GeraiException.notFound("tenant-not-found")));
    }

    List<Agency> agencies(TenantId tenant) {
        return cached(agencies, tenant, () -> tenancy.agencies(tenant));
    }

    Optional<Agency> agency(TenantId tenant, UUID id) {
        return find(agencies, tenant, () -> tenancy.agencies(tenant), a -> a.id().equals(id));
    }

    Optional<Agency> agencyByCode(TenantId tenant, String code) {
        return find(agencies, tenant, () -> tenancy.agencies(tenant), a -> a.code().equalsIgnoreCase(code));
    }

    Optional<ServicePoint> servicePoint(TenantId tenant, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return find(servicePoints, tenant, () -> tenancy.servicePoints(tenant), p -> p.id().equals(id));
    }

    /** Looks in the cached list; one made since it was cached is found by reading the list again. */
    private static <T> Optional<T> find(Map<TenantId, Timed<List<T>>> cache, TenantId tenant, Supplier<List<T>> load,
                                        java.util.function.Predicate<T> match) {
        Optional<T> found = cached(cache, tenant, load).stream().filter(match).findFirst();
        if (found.isPresent()) {
            return found;
        }
        List<T> fresh = load.get();
        cache.put(tenant, new Timed<>(fresh, System.nanoTime()));
        return fresh.stream().filter(match).findFirst();
    }

    private static <T> T cached(Map<TenantId, Timed<T>> cache, TenantId key, Supplier<T> load) {
        Timed<T> t = cache.get(key);
        if (t != null && t.fresh()) {
            return t.value();
        }
        T value = load.get();
        cache.put(key, new Timed<>(value, System.nanoTime()));
        return value;
    }
}
