package id.gerai.catalog.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.Copies;
import id.gerai.catalog.DesignDiff;
import id.gerai.catalog.DesignProblem;
import id.gerai.catalog.DesignRejected;
import id.gerai.catalog.Origin;
import id.gerai.catalog.PublishedDesign;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServicePublished;
import id.gerai.catalog.ServiceRetired;
import id.gerai.catalog.ServiceStatus;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.catalog.VersionEntry;
import id.gerai.catalog.VersionStatus;
import id.gerai.catalog.internal.CatalogRepository.ServiceRow;
import id.gerai.catalog.internal.CatalogRepository.VersionRow;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's use cases. Each change enters the tenant's scope, then opens one transaction that locks
 * the service row (so two publications of one service cannot interleave), writes the versions, records the
 * audit event and publishes the domain event.
 */
@Service
class CatalogService implements CatalogApi {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 500;
    private static final int DESIGNS_LIMIT = 200;

    private final CatalogRepository repository;
    private final DesignChecker checker;
    private final DesignJson json;
    private final TenancyApi tenancy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    CatalogService(CatalogRepository repository, DesignChecker checker, DesignJson json, TenancyApi tenancy, AuditLog audit,
                   TransactionTemplate tx, ApplicationEventPublisher events) {
        this.repository = repository;
        this.checker = checker;
        this.json = json;
        this.tenancy = tenancy;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
    }

    // --- reading ------------------------------------------------------------------------------------------

    @Override
    public List<ServiceSummary> services(TenantId tenant) {
        return summaries(tenant, TenantContext.call(tenant, () -> repository.services(tenant, false)));
    }

    @Override
    public List<ServiceSummary> publishedServices(TenantId tenant) {
        return summaries(tenant, TenantContext.call(tenant, () -> repository.services(tenant, true)));
    }

    @Override
    public Optional<ServiceSummary> service(TenantId tenant, UUID serviceId) {
        return TenantContext.call(tenant, () -> repository.service(tenant, serviceId)).map(r -> summary(r, agencies(tenant)));
    }

    @Override
    public Optional<ServiceSummary> serviceBySlug(TenantId tenant, String slug) {
        return TenantContext.call(tenant, () -> repository.serviceBySlug(tenant, slug)).map(r -> summary(r, agencies(tenant)));
    }

    @Override
    public Optional<ServiceVersion> current(TenantId tenant, UUID serviceId) {
        return TenantContext.call(tenant, () -> repository.service(tenant, serviceId)
                .filter(s -> s.currentVersion() != null)
                .flatMap(s -> repository.version(tenant, serviceId, s.currentVersion()))
                .map(this::version));
    }

    @Override
    public Optional<CurrentVersion> currentVersion(TenantId tenant, UUID serviceId) {
        return TenantContext.call(tenant, () -> repository.currentVersion(tenant, serviceId));
    }

    @Override
    public Optional<ServiceVersion> version(TenantId tenant, UUID serviceId, int version) {
        return TenantContext.call(tenant, () -> repository.version(tenant, serviceId, version)).map(this::version);
    }

    @Override
    public Optional<ServiceVersion> draft(TenantId tenant, UUID serviceId) {
        return TenantContext.call(tenant, () -> repository.draft(tenant, serviceId)).map(this::version);
    }

    @Override
    public List<VersionEntry> history(TenantId tenant, UUID serviceId) {
        List<VersionRow> rows = TenantContext.call(tenant, () -> {
            requireService(tenant, serviceId);
            return repository.versions(tenant, serviceId);
        });
        List<VersionEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VersionRow row = rows.get(i);
            VersionRow before = i + 1 < rows.size() ? rows.get(i + 1) : null;
            entries.add(new VersionEntry(row.version(), row.status(), row.changeNote(), row.createdBy(), row.createdAt(),
                    row.publishedAt(), row.retiredAt(),
                    before == null ? List.of() : DesignDiff.between(json.read(before.design()), json.read(row.design()))));
        }
        return entries;
    }

    // --- checks -------------------------------------------------------------------------------------------

    @Override
    public List<DesignProblem> check(TenantId tenant, ServiceDesign design) {
        Set<String> agencyCodes = tenancy.agencies(tenant).stream().map(Agency::code).collect(Collectors.toSet());
        return checker.check(design, agencyCodes);
    }

    // --- lifecycle ----------------------------------------------------------------------------------------

    @Override
    public ServiceVersion create(TenantId tenant, NewService command) {
        return createService(tenant, command.agencyId(), command.design(), command.changeNote(), null, "catalog.service.created");
    }

    @Override
    public ServiceVersion updateDraft(TenantId tenant, UUID serviceId, ServiceDesign design, String changeNote) {
        ServiceDesign normalized = savable(design);
        String note = note(changeNote);
        return changing(tenant, serviceId, service -> {
            VersionRow draft = repository.draft(tenant, serviceId).orElseThrow(() -> GeraiException.conflict("catalog-no-draft"));
            repository.updateDraft(tenant, serviceId, draft.version(), json.write(normalized), note);
            audit.record(AuditEvent.of(tenant, "catalog.service.draft-updated", "service", serviceId,
                    values("version", draft.version(), "designSha256", json.digest(json.read(draft.design()))),
                    values("version", draft.version(), "designSha256", json.digest(normalized), "name", normalized.name(),
                            "changeNote", note)));
            return versionOrThrow(tenant, serviceId, draft.version());
        });
    }

    @Override
    public ServiceVersion newDraft(TenantId tenant, UUID serviceId) {
        return changing(tenant, serviceId, service -> {
            if (service.draftVersion() != null) {
                throw GeraiException.conflict("catalog-draft-exists", service.draftVersion());
            }
            int base = service.currentVersion() != null ? service.currentVersion() : service.latestVersion();
            VersionRow from = repository.version(tenant, serviceId, base)
                    .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
            int next = repository.nextVersion(tenant, serviceId);
            repository.insertVersion(tenant, serviceId, next, from.design(), null, CurrentUser.actorName());
            audit.record(AuditEvent.of(tenant, "catalog.service.draft-created", "service", serviceId, null,
                    values("version", next, "basedOn", base)));
            return versionOrThrow(tenant, serviceId, next);
        });
    }

    @Override
    public void discardDraft(TenantId tenant, UUID serviceId) {
        changing(tenant, serviceId, service -> {
            VersionRow draft = repository.draft(tenant, serviceId).orElseThrow(() -> GeraiException.conflict("catalog-no-draft"));
            repository.deleteDraft(tenant, serviceId, draft.version());
            boolean serviceGone = draft.version() == 1 && service.latestVersion() == 1;
            if (serviceGone) {
                repository.deleteService(tenant, serviceId);
            }
            audit.record(AuditEvent.of(tenant, "catalog.service.draft-discarded", "service", serviceId,
                    values("version", draft.version(), "designSha256", json.digest(json.read(draft.design()))),
                    values("serviceDeleted", serviceGone)));
            return null;
        });
    }

    @Override
    public ServiceVersion publish(TenantId tenant, UUID serviceId, int version) {
        Set<String> agencyCodes = tenancy.agencies(tenant).stream().map(Agency::code).collect(Collectors.toSet());
        return changing(tenant, serviceId, service -> {
            VersionRow row = repository.version(tenant, serviceId, version)
                    .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
            if (row.status() != VersionStatus.DRAFT) {
                throw GeraiException.conflict("catalog-not-draft", version);
            }
            ServiceDesign design = json.read(row.design());
            List<DesignProblem> problems = checker.check(design, agencyCodes);
            if (!problems.isEmpty()) {
                throw new DesignRejected(problems);
            }
            Optional<Integer> previous = repository.retirePublished(tenant, serviceId);
            repository.markPublished(tenant, serviceId, version);
            repository.setCurrent(tenant, serviceId, version, design.kindCode());
            events.publishEvent(new ServicePublished(tenant, serviceId, version));
            audit.record(AuditEvent.of(tenant, "catalog.service.published", "service", serviceId,
                    values("currentVersion", previous.orElse(null)),
                    values("currentVersion", version, "designSha256", json.digest(design), "name", design.name(),
                            "kindCode", design.kindCode())));
            return versionOrThrow(tenant, serviceId, version);
        });
    }

    @Override
    public ServiceVersion retire(TenantId tenant, UUID serviceId, int version) {
        return changing(tenant, serviceId, service -> {
            VersionRow row = repository.version(tenant, serviceId, version)
                    .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
            if (row.status() != VersionStatus.PUBLISHED) {
                throw GeraiException.conflict("catalog-not-published", version);
            }
            repository.retirePublished(tenant, serviceId);
            repository.setCurrent(tenant, serviceId, null, null);
            events.publishEvent(new ServiceRetired(tenant, serviceId, version));
            audit.record(AuditEvent.of(tenant, "catalog.service.retired", "service", serviceId,
                    values("currentVersion", version), values("currentVersion", null)));
            return versionOrThrow(tenant, serviceId, version);
        });
    }

    // --- exchange -----------------------------------------------------------------------------------------

    @Override
    public String export(TenantId tenant, UUID serviceId, int version) {
        ServiceVersion v = version(tenant, serviceId, version).orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        return json.writePretty(v.design());
    }

    @Override
    public ServiceDesign parse(String text) {
        return json.parse(text);
    }

    @Override
    public ServiceVersion importDesign(TenantId tenant, UUID agencyId, String text) {
        ServiceDesign design = json.parse(text);
        return createService(tenant, agencyId, design, null, null, "catalog.service.imported");
    }

    // --- replication --------------------------------------------------------------------------------------

    @Override
    public List<PublishedDesign> publishedDesigns(String kindCode, String query) {
        String kind = kindCode == null || kindCode.isBlank() ? null : kindCode.strip().toUpperCase(Locale.ROOT);
        String like = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        if (like != null && like.length() > 202) {
            throw InvalidInput.of("q", "validation.too-long");
        }
        List<CatalogRepository.PublishedRow> rows = TenantContext.callAcrossTenants(() -> repository.published(kind, like, DESIGNS_LIMIT));
        Map<TenantId, Optional<Tenant>> tenants = new HashMap<>();
        Map<TenantId, Map<UUID, Agency>> agencies = new HashMap<>();
        List<PublishedDesign> out = new ArrayList<>();
        for (CatalogRepository.PublishedRow r : rows) {
            Optional<Tenant> t = tenants.computeIfAbsent(r.tenant(), tenancy::byId);
            Agency agency = agencies.computeIfAbsent(r.tenant(), this::agencies).get(r.agencyId());
            ServiceDesign d = json.read(r.design());
            out.add(new PublishedDesign(r.tenant(), t.map(Tenant::slug).orElse(null), t.map(Tenant::name).orElse(null),
                    r.serviceId(), r.slug(), r.version(), d.kindCode(), d.name(), d.nameEn(), d.summary(), d.category(),
                    agency == null ? null : agency.name(), d.fee(), d.timeLimitDays(), r.publishedAt(), r.origin(), r.copies()));
        }
        return out;
    }

    @Override
    public ServiceVersion copy(TenantId tenant, UUID agencyId, TenantId sourceTenant, UUID sourceService, int sourceVersion) {
        VersionRow source = TenantContext.callAcrossTenants(() -> repository.version(sourceTenant, sourceService, sourceVersion))
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
        if (source.status() == VersionStatus.DRAFT) {
            throw GeraiException.invalid("catalog-source-not-published");
        }
        Origin origin = new Origin(sourceTenant, sourceService, sourceVersion);
        return createService(tenant, agencyId, json.read(source.design()), null, origin, "catalog.service.copied");
    }

    @Override
    public Copies copiesOf(TenantId originTenant, UUID originService) {
        List<CatalogRepository.CopyRow> rows = TenantContext.callAcrossTenants(() -> repository.copiesOf(originTenant, originService));
        Map<TenantId, Optional<Tenant>> tenants = new HashMap<>();
        List<Copies.Copy> copies = new ArrayList<>();
        Set<TenantId> others = new HashSet<>();
        for (CatalogRepository.CopyRow r : rows) {
            Optional<Tenant> t = tenants.computeIfAbsent(r.tenant(), tenancy::byId);
            copies.add(new Copies.Copy(r.tenant(), t.map(Tenant::slug).orElse(null), t.map(Tenant::name).orElse(null),
                    r.serviceId(), r.slug(), r.name(), r.originVersion(), status(r.currentVersion(), r.everPublished()), r.createdAt()));
            if (!r.tenant().equals(originTenant)) {
                others.add(r.tenant());
            }
        }
        return new Copies(others.size(), copies);
    }

    // --- permissions --------------------------------------------------------------------------------------

    @Override
    public boolean mayEdit(TenantId tenant, UUID agencyId) {
        Optional<GeraiUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().hasPlatformRole(Role.ADMIN_PLATFORM)) {
            return true;
        }
        for (Membership m : user.get().memberships()) {
            if (m.tenant().equals(tenant) && (m.role() == Role.PENGELOLA_MPP
                    || m.role() == Role.ADMIN_INSTANSI && m.agencyId() != null && m.agencyId().equals(agencyId))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void requireEditor(TenantId tenant, UUID agencyId) {
        if (!mayEdit(tenant, agencyId)) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private ServiceVersion createService(TenantId tenant, UUID agencyId, ServiceDesign design, String changeNote, Origin origin,
                                         String action) {
        ServiceDesign normalized = savable(design);
        String note = note(changeNote);
        if (agencyId == null || !agencies(tenant).containsKey(agencyId)) {
            throw InvalidInput.of("agencyId", "catalog.agency-unknown");
        }
        UUID id = UUID.randomUUID();
        return inTransaction(tenant, () -> {
            String slug = uniqueSlug(tenant, normalized.name());
            repository.insertService(tenant, id, agencyId, slug, normalized.kindCode(), origin);
            repository.insertVersion(tenant, id, 1, json.write(normalized), note, CurrentUser.actorName());
            Map<String, Object> after = values("agencyId", agencyId, "slug", slug, "kindCode", normalized.kindCode(),
                    "name", normalized.name(), "version", 1, "designSha256", json.digest(normalized));
            if (origin != null) {
                after.put("originTenant", origin.tenant().toString());
                after.put("originService", origin.serviceId());
                after.put("originVersion", origin.version());
            }
            audit.record(AuditEvent.of(tenant, action, "service", id, null, after));
            return versionOrThrow(tenant, id, 1);
        });
    }

    /** Runs {@code work} on a locked, existing service of the tenant, in one transaction. */
    private <T> T changing(TenantId tenant, UUID serviceId, Function<ServiceRow, T> work) {
        return inTransaction(tenant, () -> {
            if (!repository.lock(tenant, serviceId)) {
                throw GeraiException.notFound("catalog-service-not-found");
            }
            return work.apply(requireService(tenant, serviceId));
        });
    }

    private <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }

    private ServiceRow requireService(TenantId tenant, UUID serviceId) {
        return repository.service(tenant, serviceId).orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
    }

    private ServiceVersion versionOrThrow(TenantId tenant, UUID serviceId, int version) {
        return repository.version(tenant, serviceId, version).map(this::version)
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
    }

    /**
     * The least a design needs to be saved at all, even as a draft: a name and a kind code. Everything else
     * may be unfinished until it is published. Fills in the format and tidies the kind code.
     */
    static ServiceDesign savable(ServiceDesign d) {
        if (d == null) {
            throw InvalidInput.of("design", "validation.required");
        }
        var errors = new InvalidInput.Collector();
        if (d.format() != null && !ServiceDesign.FORMAT.equals(d.format())) {
            errors.add("format", "catalog.design.format");
        }
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "validation.required");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "validation.too-long");
        }
        String kind = d.kindCode() == null ? "" : d.kindCode().strip().toUpperCase(Locale.ROOT);
        if (!DesignChecker.KIND_CODE.matcher(kind).matches()) {
            errors.add("kindCode", "catalog.design.kind-code");
        }
        errors.throwIfAny();
        return new ServiceDesign(ServiceDesign.FORMAT, name, d.nameEn(), d.summary(), d.summaryEn(), kind, d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(), d.procedure(),
                d.output());
    }

    private static String note(String changeNote) {
        if (changeNote == null || changeNote.isBlank()) {
            return null;
        }
        if (changeNote.length() > NOTE_MAX) {
            throw InvalidInput.of("changeNote", "validation.too-long");
        }
        return changeNote.strip();
    }

    private String uniqueSlug(TenantId tenant, String name) {
        String base = slug(name);
        String slug = base;
        for (int n = 2; repository.slugTaken(tenant, slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** {@code Surat Keterangan Tidak Mampu (SKTM)} becomes {@code surat-keterangan-tidak-mampu-sktm}. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "layanan" : slug;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private ServiceVersion version(VersionRow r) {
        return new ServiceVersion(r.tenant(), r.serviceId(), r.version(), r.status(), json.read(r.design()), r.changeNote(),
                r.createdBy(), r.createdAt(), r.publishedAt(), r.retiredAt());
    }

    private List<ServiceSummary> summaries(TenantId tenant, List<ServiceRow> rows) {
        Map<UUID, Agency> agencies = agencies(tenant);
        return rows.stream().map(r -> summary(r, agencies)).toList();
    }

    private static ServiceSummary summary(ServiceRow r, Map<UUID, Agency> agencies) {
        Agency a = agencies.get(r.agencyId());
        return new ServiceSummary(r.tenant(), r.id(), r.slug(), r.kindCode(), r.agencyId(), a == null ? null : a.code(),
                a == null ? null : a.name(), status(r.currentVersion(), r.everPublished()), r.currentVersion(),
                r.draftVersion(), r.latestVersion(), r.name(), r.nameEn(), r.category(), r.origin(), r.createdAt());
    }

    private static ServiceStatus status(Integer currentVersion, boolean everPublished) {
        return currentVersion != null ? ServiceStatus.PUBLISHED : everPublished ? ServiceStatus.RETIRED : ServiceStatus.DRAFT;
    }

    private Map<UUID, Agency> agencies(TenantId tenant) {
        return tenancy.agencies(tenant).stream().collect(Collectors.toMap(Agency::id, a -> a));
    }

    /** A map for an audit record; values may be {@code null}. */
    private static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1] instanceof UUID u ? u.toString() : keyValues[i + 1]);
        }
        return m;
    }
}
