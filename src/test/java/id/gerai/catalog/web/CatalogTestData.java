package id.gerai.catalog.web;

import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServicePublished;
import id.gerai.catalog.ServiceRetired;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.Tenant;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes services the way the catalogue core does, so the public half can be tested on its own: rows in
 * {@code service} and {@code service_version}, and the {@link ServicePublished} / {@link ServiceRetired}
 * event in the same transaction, inside the tenant's scope. That is the contract between the two halves.
 */
@TestComponent
public class CatalogTestData {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    CatalogTestData(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    /** A new service whose version 1 is published. */
    public UUID publish(Tenant tenant, UUID agency, String slug, ServiceDesign design) {
        return publish(tenant, agency, slug, design, null, null);
    }

    /** A new published service copied from another tenant's service (replication lineage). */
    public UUID publishCopy(Tenant tenant, UUID agency, String slug, ServiceDesign design, Tenant origin, UUID originService) {
        return publish(tenant, agency, slug, design, origin, originService);
    }

    private UUID publish(Tenant tenant, UUID agency, String slug, ServiceDesign design, Tenant origin, UUID originService) {
        UUID id = UUID.randomUUID();
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            insert into service (tenant_id, id, agency_id, slug, kind_code, current_version,
                                                 origin_tenant_id, origin_service_id, origin_version)
                            values (:tenant, :id, :agency, :slug, :kind, 1, :originTenant, :originService, :originVersion)
                            """)
                    .param("tenant", tenant.id().value()).param("id", id).param("agency", agency).param("slug", slug)
                    .param("kind", design.kindCode())
                    .param("originTenant", origin == null ? null : origin.id().value())
                    .param("originService", originService)
                    .param("originVersion", origin == null ? null : 1)
                    .update();
            insertVersion(tenant, id, 1, "PUBLISHED", design, null);
            events.publishEvent(new ServicePublished(tenant.id(), id, 1));
        }));
        return id;
    }

    /** A new service that has only a draft: citizens must never see it. */
    public UUID draftOnly(Tenant tenant, UUID agency, String slug, ServiceDesign design) {
        UUID id = UUID.randomUUID();
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            insert into service (tenant_id, id, agency_id, slug, kind_code)
                            values (:tenant, :id, :agency, :slug, :kind)
                            """)
                    .param("tenant", tenant.id().value()).param("id", id).param("agency", agency).param("slug", slug)
                    .param("kind", design.kindCode())
                    .update();
            insertVersion(tenant, id, 1, "DRAFT", design, null);
        }));
        return id;
    }

    /** A draft next to the published version (the editor's work in progress). */
    public void addDraft(Tenant tenant, UUID service, int version, ServiceDesign design) {
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> insertVersion(tenant, service, version, "DRAFT", design, null)));
    }

    /** Publishes version {@code current + 1}; the current one is retired in the same transaction. */
    public int publishNewVersion(Tenant tenant, UUID service, ServiceDesign design, String note) {
        return TenantContext.call(tenant.id(), () -> tx.execute(s -> {
            int current = jdbc.sql("select current_version from service where tenant_id = :tenant and id = :id")
                    .param("tenant", tenant.id().value()).param("id", service).query(Integer.class).single();
            int next = jdbc.sql("select max(version) + 1 from service_version where tenant_id = :tenant and service_id = :id")
                    .param("tenant", tenant.id().value()).param("id", service).query(Integer.class).single();
            jdbc.sql("""
                            update service_version set status = 'RETIRED', retired_at = now()
                            where tenant_id = :tenant and service_id = :id and version = :version
                            """)
                    .param("tenant", tenant.id().value()).param("id", service).param("version", current).update();
            insertVersion(tenant, service, next, "PUBLISHED", design, note);
            jdbc.sql("update service set current_version = :version where tenant_id = :tenant and id = :id")
                    .param("tenant", tenant.id().value()).param("id", service).param("version", next).update();
            events.publishEvent(new ServicePublished(tenant.id(), service, next));
            return next;
        }));
    }

    /** Retires the published version without a successor: the service leaves the catalogue. */
    public void retire(Tenant tenant, UUID service) {
        TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s -> {
            int current = jdbc.sql("select current_version from service where tenant_id = :tenant and id = :id")
                    .param("tenant", tenant.id().value()).param("id", service).query(Integer.class).single();
            jdbc.sql("""
                            update service_version set status = 'RETIRED', retired_at = now()
                            where tenant_id = :tenant and service_id = :id and version = :version
                            """)
                    .param("tenant", tenant.id().value()).param("id", service).param("version", current).update();
            events.publishEvent(new ServiceRetired(tenant.id(), service, current));
        }));
    }

    private void insertVersion(Tenant tenant, UUID service, int version, String status, ServiceDesign design, String note) {
        jdbc.sql("""
                        insert into service_version (tenant_id, service_id, version, status, design, change_note, created_by, published_at)
                        values (:tenant, :service, :version, :status, cast(:design as jsonb), :note, 'test',
                                case when :status = 'PUBLISHED' then now() end)
                        """)
                .param("tenant", tenant.id().value()).param("service", service).param("version", version)
                .param("status", status).param("design", Designs.write(design)).param("note", note)
                .update();
    }
}
