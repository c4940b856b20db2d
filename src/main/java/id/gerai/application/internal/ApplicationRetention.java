package id.gerai.application.internal;

import id.gerai.audit.AuditLog;
import id.gerai.audit.RetentionPurge;
import id.gerai.platform.TenantId;
import id.gerai.platform.blob.UnreferencedBlobs;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the retention of applications' personal data (UU 27/2022), in two jobs:
 * <ul>
 * <li>a draft never submitted is deleted, with its attachments, notes and history, once
 * {@code gerai.applications.draft-retention} (180 days) has passed since its last change: nobody acted on it, and
 * it holds a citizen's form data and documents for nothing;</li>
 * <li>a closed application (completed, rejected, withdrawn) is <em>anonymised</em> once
 * {@code gerai.applications.retention} (five years) has passed since it closed. The row stays with its tracking
 * number, service, agency, channel, service point, status, dates, tasks and history, because the performance
 * figures, the overdue statistics and the public status check are made from them; the applicant's name, NIK, e-mail,
 * phone and account (it leaves the citizen's list), the form data, the correction, the decision or withdrawal reason
 * (also out of its history rows), the staff notes and the attachments go. {@code anonymised_at} marks it, so it is
 * done once and pages say why the data is missing.</li>
 * </ul>
 * Attachment files leave the blob store only when no other row of any module refers to the same content
 * ({@link UnreferencedBlobs}). Issued documents belong to the {@code document} module and are not touched; nor is the
 * audit log, which is append-only.
 *
 * <p>Runs hourly, in blocks of {@value #BATCH} as {@link RetentionPurge} does: each block one transaction across
 * tenants (row-level security lets it see them all only because it says so), with one audit record per tenant
 * ({@code application.drafts.purged}, {@code application.personal-data.anonymised}) holding the count, never the
 * data. Rows another transaction holds are skipped and taken in the next round.
 */
@Component
class ApplicationRetention {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final RetentionPurge purge;
    private final UnreferencedBlobs blobs;
    private final DraftDeletion drafts;
    private final ApplicationRetentionProperties properties;

    ApplicationRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, UnreferencedBlobs blobs,
                         DraftDeletion drafts, ApplicationRetentionProperties properties) {
        this.jdbc = jdbc;
        this.purge = new RetentionPurge(audit, tx);
        this.blobs = blobs;
        this.drafts = drafts;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${gerai.applications.retention-check-interval:1h}",
            fixedDelayString = "${gerai.applications.retention-check-interval:1h}")
    void scheduled() {
        RetentionPurge.scheduledRound("drafts unchanged for more than " + properties.draftRetention(), this::purgeDraftsNow);
        RetentionPurge.scheduledRound("applications closed more than " + properties.retention() + " ago (anonymised)",
                this::anonymiseNow);
    }

    /** Deletes the drafts that have outlived their retention now; how many. */
    int purgeDraftsNow() {
        Instant before = Instant.now().minus(properties.draftRetention());
        return purge.run("application.drafts.purged", "application", BATCH, Map.of("changedBefore", before.toString()),
                limit -> drafts.delete("""
                        select tenant_id, id from application
                        where status = 'DRAFT' and updated_at < :before
                        order by updated_at limit :limit
                        for update skip locked""", Map.of("before", Timestamp.from(before), "limit", limit)));
    }

    /** Anonymises the closed applications that have outlived their retention now; how many. */
    int anonymiseNow() {
        Instant before = Instant.now().minus(properties.retention());
        return purge.run("application.personal-data.anonymised", "application", "anonymised", BATCH,
                Map.of("closedBefore", before.toString()), limit -> {
                    List<TenantId> tenants = new ArrayList<>();
                    List<UUID> tenantIds = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    List<String> files = new ArrayList<>();
                    jdbc.sql("""
                                    with doomed as (
                                        select tenant_id, id from application
                                        where status in ('COMPLETED', 'REJECTED', 'WITHDRAWN') and anonymised_at is null
                                          and decided_at < :before
                                        order by decided_at limit :limit
                                        for no key update skip locked),
                                    files as (
                                        delete from application_document d using doomed
                                        where d.tenant_id = doomed.tenant_id and d.application_id = doomed.id
                                        returning d.sha256),
                                    notes as (
                                        delete from application_note n using doomed
                                        where n.tenant_id = doomed.tenant_id and n.application_id = doomed.id),
                                    done as (
                                        update application a set applicant_id = null, applicant_name = null, applicant_nik = null,
                                            applicant_email = null, applicant_phone = null, form_data = '{}', correction = null,
                                            decision_reason = null, idempotency_key = null, anonymised_at = now(),
                                            updated_at = now(), lock_version = a.lock_version + 1
                                        from doomed
                                        where a.tenant_id = doomed.tenant_id and a.id = doomed.id
                                        returning a.tenant_id, a.id)
                                    select tenant_id, id, null as sha256 from done
                                    union all
                                    select null, null, sha256 from files""")
                            .param("before", Timestamp.from(before)).param("limit", limit)
                            .query((ResultSet rs) -> {
                                UUID tenant = rs.getObject(1, UUID.class);
                                if (tenant != null) {
                                    tenantIds.add(tenant);
                                    ids.add(rs.getObject(2, UUID.class));
                                }
                                collect(tenant, rs.getString(3), tenants, files);
                            });
                    if (!ids.isEmpty()) {
                        // a second statement: the history trigger lets the reason go only once the row above is marked
                        jdbc.sql("""
                                        update application_history h set detail = h.detail - 'reason'
                                        from unnest(?::uuid[], ?::uuid[]) as x(tenant_id, application_id)
                                        where h.tenant_id = x.tenant_id and h.application_id = x.application_id
                                          and h.detail -> 'reason' is not null""")
                                .params(tenantIds.toArray(UUID[]::new), ids.toArray(UUID[]::new))
                                .update();
                    }
                    blobs.deleteAfterCommit(files);
                    return tenants;
                });
    }

    private static void collect(UUID tenant, String sha256, List<TenantId> tenants, List<String> files) {
        if (tenant != null) {
            tenants.add(new TenantId(tenant));
        } else if (sha256 != null) {
            files.add(sha256);
        }
    }
}
