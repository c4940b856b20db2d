package id.gerai.complaint.internal;

import id.gerai.audit.AuditLog;
import id.gerai.audit.RetentionPurge;
import id.gerai.platform.TenantId;
import id.gerai.platform.blob.UnreferencedBlobs;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises finished complaints (closed, not our authority, archived) once {@code gerai.complaints.retention} (five
 * years) has passed since they closed (UU 27/2022). The row stays with its tracking number, kind, status, agency,
 * service, service point, dates, rating and history, because the complaint figures are made from them; the reporter's
 * name, NIK, e-mail, phone and account (it leaves the citizen's list), the location, the coordinator's reason, the
 * notes in its history and its attachments go, and its title, body and messages become the placeholder
 * {@code complaint.anonymised.text} (the texts keep their length checks; pages show the message in the reader's
 * language from {@code anonymised_at}, which also marks the row as done). Attachment files leave the blob store only
 * when no row of any module refers to the same content ({@link UnreferencedBlobs}).
 *
 * <p>Runs hourly, in blocks of {@value #BATCH} as {@link RetentionPurge} does: each block one transaction across
 * tenants with one audit record {@code complaint.personal-data.anonymised} per tenant holding the count, never the
 * data. Rows another transaction holds are skipped and taken in the next round.
 */
@Component
class ComplaintRetention {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final RetentionPurge purge;
    private final UnreferencedBlobs blobs;
    private final ComplaintRetentionProperties properties;
    private final String placeholder;

    ComplaintRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, UnreferencedBlobs blobs,
                       ComplaintRetentionProperties properties, MessageSource messages) {
        this.jdbc = jdbc;
        this.purge = new RetentionPurge(audit, tx);
        this.blobs = blobs;
        this.properties = properties;
        // stored in the default language (Indonesian); the pages show their own language's text instead
        this.placeholder = messages.getMessage("complaint.anonymised.text", null, Locale.forLanguageTag("id"));
    }

    @Scheduled(initialDelayString = "${gerai.complaints.retention-check-interval:1h}",
            fixedDelayString = "${gerai.complaints.retention-check-interval:1h}")
    void scheduled() {
        RetentionPurge.scheduledRound("complaints closed more than " + properties.retention() + " ago (anonymised)",
                this::anonymiseNow);
    }

    /** Anonymises the finished complaints that have outlived their retention now; how many. */
    int anonymiseNow() {
        Instant before = Instant.now().minus(properties.retention());
        return purge.run("complaint.personal-data.anonymised", "complaint", "anonymised", BATCH, Map.of("closedBefore", before.toString()),
                limit -> {
                    List<TenantId> tenants = new ArrayList<>();
                    List<UUID> tenantIds = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    List<String> files = new ArrayList<>();
                    jdbc.sql("""
                                    with doomed as (
                                        select tenant_id, id from complaint
                                        where status in ('CLOSED', 'NOT_OUR_AUTHORITY', 'ARCHIVED') and anonymised_at is null
                                          and closed_at < :before
                                        order by closed_at limit :limit
                                        for no key update skip locked),
                                    files as (
                                        delete from complaint_attachment f using doomed
                                        where f.tenant_id = doomed.tenant_id and f.complaint_id = doomed.id
                                        returning f.sha256),
                                    messages as (
                                        update complaint_message m set body = :placeholder from doomed
                                        where m.tenant_id = doomed.tenant_id and m.complaint_id = doomed.id),
                                    done as (
                                        update complaint c set title = :placeholder, body = :placeholder, location = null,
                                            reporter_id = null, reporter_name = null, reporter_nik = null, reporter_email = null,
                                            reporter_phone = null, status_reason = null, anonymised_at = now(), updated_at = now(),
                                            lock_version = c.lock_version + 1
                                        from doomed
                                        where c.tenant_id = doomed.tenant_id and c.id = doomed.id
                                        returning c.tenant_id, c.id)
                                    select tenant_id, id, null as sha256 from done
                                    union all
                                    select null, null, sha256 from files""")
                            .param("before", Timestamp.from(before)).param("limit", limit).param("placeholder", placeholder)
                            .query((ResultSet rs) -> {
                                UUID tenant = rs.getObject(1, UUID.class);
                                if (tenant != null) {
                                    tenants.add(new TenantId(tenant));
                                    tenantIds.add(tenant);
                                    ids.add(rs.getObject(2, UUID.class));
                                } else if (rs.getString(3) != null) {
                                    files.add(rs.getString(3));
                                }
                            });
                    if (!ids.isEmpty()) {
                        // a second statement: the history trigger lets the notes go only once the row above is marked
                        jdbc.sql("""
                                        update complaint_history h set detail = h.detail - 'note' - 'reason'
                                        from unnest(?::uuid[], ?::uuid[]) as x(tenant_id, complaint_id)
                                        where h.tenant_id = x.tenant_id and h.complaint_id = x.complaint_id
                                          and (h.detail -> 'note' is not null or h.detail -> 'reason' is not null)""")
                                .params(tenantIds.toArray(UUID[]::new), ids.toArray(UUID[]::new))
                                .update();
                    }
                    blobs.deleteAfterCommit(files);
                    return tenants;
                });
    }
}
