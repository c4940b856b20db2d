package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Services and their versions for other modules, the editor and the public pages.
 *
 * <p>Every method enters the tenant's {@link id.gerai.platform.TenantContext} itself, before its
 * transaction starts; callers need not (but may) be in that scope. Every change is one transaction that
 * writes the rows, the audit record and, when publishing or retiring, the event together.
 *
 * <p>Permissions are the caller's duty: methods that change a service do not look at who is signed in
 * (the demo loader and tests call them as the system). Web endpoints and pages call
 * {@link #requireEditor(TenantId, UUID)} first.
 *
 * <p>Failures are {@link id.gerai.platform.GeraiException}s: {@code catalog-service-not-found} and
 * {@code catalog-version-not-found} (404), {@code catalog-draft-exists}, {@code catalog-no-draft},
 * {@code catalog-not-draft}, {@code catalog-not-published} (409), {@code catalog-bad-json},
 * {@code catalog-import-format}, {@code catalog-source-not-published} (422), an
 * {@link id.gerai.platform.InvalidInput} for a design too broken to save even as a draft (no name, a bad kind
 * code, an unknown agency), and {@link DesignRejected} with the problems when publishing is refused.
 */
public interface CatalogApi {

    // --- reading ------------------------------------------------------------------------------------------

    /** Every service of the tenant, drafts included, ordered by name: for the people who manage them. */
    List<ServiceSummary> services(TenantId tenant);

    /** The tenant's services that citizens see (a version is published), ordered by name. */
    List<ServiceSummary> publishedServices(TenantId tenant);

    Optional<ServiceSummary> service(TenantId tenant, UUID serviceId);

    Optional<ServiceSummary> serviceBySlug(TenantId tenant, String slug);

    /** The published version citizens see now. */
    Optional<ServiceVersion> current(TenantId tenant, UUID serviceId);

    /**
     * Only which agency serves the service and which version citizens file under now (null: none published), read
     * without the summary's name and version counts: what every filing needs, when the version itself is cached.
     */
    Optional<CurrentVersion> currentVersion(TenantId tenant, UUID serviceId);

    /** See {@link #currentVersion}. */
    record CurrentVersion(UUID agencyId, Integer version) {
    }

    /** One version, whatever its status: applications read the version they were filed under. */
    Optional<ServiceVersion> version(TenantId tenant, UUID serviceId, int version);

    /** The draft being edited, if any. */
    Optional<ServiceVersion> draft(TenantId tenant, UUID serviceId);

    /** Every version, newest first, each with what changed since the one before. */
    List<VersionEntry> history(TenantId tenant, UUID serviceId);

    // --- checks -------------------------------------------------------------------------------------------

    /** What keeps {@code design} from being published in {@code tenant}; empty when it may be published. */
    List<DesignProblem> check(TenantId tenant, ServiceDesign design);

    // --- lifecycle ----------------------------------------------------------------------------------------

    /**
     * A new service of {@code agencyId} with {@code design} as draft version 1. Its kind code is the design's;
     * its slug comes from the design's name, made unique in the tenant.
     */
    ServiceVersion create(TenantId tenant, NewService command);

    /** A new service. {@code changeNote} says why (optional). */
    record NewService(UUID agencyId, ServiceDesign design, String changeNote) {
    }

    /** Replaces the design of the service's draft. */
    ServiceVersion updateDraft(TenantId tenant, UUID serviceId, ServiceDesign design, String changeNote);

    /**
     * A new draft (the next version number) holding the current published design, or the latest design
     * when nothing is published.
     */
    ServiceVersion newDraft(TenantId tenant, UUID serviceId);

    /** Throws the draft away (a service that has only its draft goes with it). */
    void discardDraft(TenantId tenant, UUID serviceId);

    /**
     * Publishes draft {@code version} after {@link #check} passes: the version before it becomes
     * {@link VersionStatus#RETIRED}, the service's current version moves, and {@link ServicePublished} is
     * published in the same transaction.
     *
     * @throws DesignRejected when the checks find problems
     */
    ServiceVersion publish(TenantId tenant, UUID serviceId, int version);

    /**
     * Withdraws published {@code version}: citizens no longer see the service until a new version is
     * published; {@link ServiceRetired} is published in the same transaction.
     */
    ServiceVersion retire(TenantId tenant, UUID serviceId, int version);

    // --- exchange -----------------------------------------------------------------------------------------

    /** One version's design as the JSON file of {@link ServiceDesign} (pretty printed). */
    String export(TenantId tenant, UUID serviceId, int version);

    /** Reads a design file; a file that is not JSON, or not a design, is a {@code 422} with a clear code. */
    ServiceDesign parse(String json);

    /** A new service of {@code agencyId} from a design file, as a draft (publishing checks it). */
    ServiceVersion importDesign(TenantId tenant, UUID agencyId, String json);

    // --- replication (amati, tiru, modifikasi) ----------------------------------------------------------

    /**
     * Every tenant's currently published designs, at most 200, most copied first.
     *
     * @param kindCode only this kind (e.g. {@code AKTA_KELAHIRAN}); {@code null} for all
     * @param query    words in the name, summary or kind code; {@code null} or blank for all
     */
    List<PublishedDesign> publishedDesigns(String kindCode, String query);

    /**
     * Copies a published (or formerly published) version of another tenant's service into {@code tenant}
     * as a new draft service of {@code agencyId}, recording where it came from.
     */
    ServiceVersion copy(TenantId tenant, UUID agencyId, TenantId sourceTenant, UUID sourceService, int sourceVersion);

    /** The services copied from {@code originService}, in every tenant. */
    Copies copiesOf(TenantId originTenant, UUID originService);

    // --- permissions --------------------------------------------------------------------------------------

    /**
     * Whether the signed-in person may edit services of {@code agencyId} in {@code tenant}: the tenant's MPP
     * manager, an agency admin of that agency, or the platform admin.
     */
    boolean mayEdit(TenantId tenant, UUID agencyId);

    /** Refuses (403) unless {@link #mayEdit} holds; anonymous callers are refused too. */
    void requireEditor(TenantId tenant, UUID agencyId);
}
