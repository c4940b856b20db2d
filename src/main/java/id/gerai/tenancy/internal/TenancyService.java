package id.gerai.tenancy.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.TenantKind;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants, agencies and service points. Writes to tenant tables enter the tenant's scope before their
 * transaction starts, so row-level security checks them too.
 */
@Service
class TenancyService implements TenancyApi {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^[A-Z0-9][A-Z0-9._-]{0,39}$");

    private final TenancyRepository repository;
    private final RegionApi regions;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Map<String, Tenant> bySlugCache = new ConcurrentHashMap<>();

    TenancyService(TenancyRepository repository, RegionApi regions, AuditLog audit, TransactionTemplate tx) {
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public List<Tenant> tenants() {
        return repository.tenants();
    }

    @Override
    public Optional<Tenant> bySlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        Tenant cached = bySlugCache.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = repository.tenantBySlug(slug);
        found.ifPresent(t -> bySlugCache.put(slug, t));
        return found;
    }

    @Override
    public Optional<Tenant> byId(TenantId id) {
        return repository.tenantById(id);
    }

    @Override
    public Optional<Tenant> current() {
        return TenantContext.current().flatMap(this::byId);
    }

    @Override
    public List<Agency> agencies(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.agencies(tenant));
    }

    @Override
    public List<ServicePoint> servicePoints(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.servicePoints(tenant));
    }

    @Override
    public Tenant createTenant(NewTenant command) {
        String code = command.regionCode() == null ? "" : command.regionCode().strip();
        if (code.matches("\\d{4}")) {
            code = code.substring(0, 2) + "." + code.substring(2);
        }
        Region region = regions.find(code).orElseThrow(() -> InvalidInput.of("regionCode", "tenant.region-unknown"));
        if (region.level() != RegionLevel.REGENCY && region.level() != RegionLevel.PROVINCE) {
            throw InvalidInput.of("regionCode", "tenant.region-level");
        }
        TenantKind kind = switch (region.kind()) {
            case KOTA -> TenantKind.KOTA;
            case KABUPATEN -> TenantKind.KABUPATEN;
            default -> TenantKind.PROVINSI;
        };
        String name = kind == TenantKind.PROVINSI && !region.name().toLowerCase(Locale.ROOT).startsWith("provinsi")
                ? "Provinsi " + region.name() : region.name();
        Tenant tenant = new Tenant(new TenantId(UUID.randomUUID()), region.code(), slug(name), name, kind);
        String regionCode = region.code();
        // the audit record belongs to the new tenant: enter its scope before the transaction starts
        return TenantContext.call(tenant.id(), () -> tx.execute(s -> {
            if (repository.regionTaken(regionCode)) {
                throw new InvalidInput(Map.of("regionCode", "tenant.region-taken"));
            }
            if (repository.slugTaken(tenant.slug())) {
                throw new InvalidInput(Map.of("regionCode", "tenant.region-taken"));
            }
            repository.insertTenant(tenant);
            audit.record(AuditEvent.of(tenant.id(), "tenancy.tenant.created", "tenant", tenant.id(), null,
                    Map.of("regionCode", tenant.regionCode(), "name", tenant.name(), "slug", tenant.slug())));
            return tenant;
        }));
    }

    @Override
    public UUID createAgency(TenantId tenant, NewAgency c) {
        requireTenant(tenant);
        var errors = new InvalidInput.Collector();
        String code = normalizedCode(c.code());
        String name = c.name() == null ? "" : c.name().strip();
        checkCodeNameKind(errors, code, name, c.kind());
        errors.throwIfAny();
        Agency agency = new Agency(tenant, UUID.randomUUID(), code, name, c.kind(), blankToNull(c.description()));
        return TenantContext.call(tenant, () -> tx.execute(s -> {
            if (repository.agencyCodeTaken(tenant, code)) {
                throw InvalidInput.of("code", "agency.code-taken");
            }
            repository.insertAgency(agency);
            Map<String, Object> after = new HashMap<>();
            after.put("code", code);
            after.put("name", name);
            after.put("kind", c.kind().name());
            audit.record(AuditEvent.of(tenant, "tenancy.agency.created", "agency", agency.id(), null, after));
            return agency.id();
        }));
    }

    @Override
    public UUID createServicePoint(TenantId tenant, NewServicePoint c) {
        Tenant t = requireTenant(tenant);
        var errors = new InvalidInput.Collector();
        String code = normalizedCode(c.code());
        String name = c.name() == null ? "" : c.name().strip();
        checkCodeNameKind(errors, code, name, c.kind());
        String village = blankToNull(c.villageCode());
        if (c.kind() == ServicePointKind.VILLAGE_OFFICE && village == null) {
            errors.add("villageCode", "servicepoint.village-required");
        }
        if (village != null) {
            Optional<Region> v = regions.find(village);
            if (v.isEmpty() || v.get().level() != RegionLevel.VILLAGE) {
                errors.add("villageCode", "servicepoint.village-unknown");
            } else if (!v.get().code().startsWith(t.regionCode() + ".")) {
                errors.add("villageCode", "servicepoint.village-outside");
            } else {
                village = v.get().code();
            }
        }
        int counters = c.counters() == null ? 0 : c.counters();
        if (counters < 0 || counters > 500) {
            errors.add("counters", "servicepoint.counters-range");
        }
        errors.throwIfAny();
        ServicePoint point = new ServicePoint(tenant, UUID.randomUUID(), code, name, c.kind(), blankToNull(c.address()), village, counters);
        return TenantContext.call(tenant, () -> tx.execute(s -> {
            if (repository.servicePointCodeTaken(tenant, code)) {
                throw InvalidInput.of("code", "agency.code-taken");
            }
            repository.insertServicePoint(point);
            Map<String, Object> after = new HashMap<>();
            after.put("code", code);
            after.put("name", name);
            after.put("kind", c.kind().name());
            after.put("villageCode", point.villageCode());
            after.put("counters", counters);
            audit.record(AuditEvent.of(tenant, "tenancy.service-point.created", "service-point", point.id(), null, after));
            return point.id();
        }));
    }

    /** Agencies and service points share these rules: a short upper-case code, a name, a kind. */
    private static void checkCodeNameKind(InvalidInput.Collector errors, String code, String name, Object kind) {
        if (!CODE.matcher(code).matches()) {
            errors.add("code", "agency.code-format");
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add("name", name.isEmpty() ? "validation.required" : "validation.too-long");
        }
        if (kind == null) {
            errors.add("kind", "validation.required");
        }
    }

    private static String normalizedCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private Tenant requireTenant(TenantId tenant) {
        return byId(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isVillage(Region r) {
        return r.kind() == RegionKind.DESA || r.kind() == RegionKind.KELURAHAN;
    }
}
