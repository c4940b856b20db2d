package id.gerai.document.internal;

import id.gerai.application.ApplicationCompleted;
import id.gerai.audit.AuditLog;
import id.gerai.audit.RetentionPurge;
import id.gerai.platform.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes handled completion events from Spring Modulith's {@code event_publication} once
 * {@code gerai.documents.completed-events-retention} (7 days by default) has passed since they were handled. Each
 * completed application leaves one, and nothing else ever deleted them, so the table grew with every application
 * ever completed. The issued document and its audit record are the lasting record that issuing ran; events not yet
 * handled are never touched ({@link DocumentRetry} hands them to the listener again).
 *
 * <p>Runs hourly, in blocks of {@value #BATCH} as {@link RetentionPurge} does: each block one transaction with one
 * audit record per tenant whose events it deleted.
 */
@Component
class CompletionEventRetention {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final RetentionPurge purge;
    private final DocumentProperties properties;

    CompletionEventRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, DocumentProperties properties) {
        this.jdbc = jdbc;
        this.purge = new RetentionPurge(audit, tx);
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${gerai.documents.retention-check-interval:1h}",
            fixedDelayString = "${gerai.documents.retention-check-interval:1h}")
    void scheduled() {
        RetentionPurge.scheduledRound("completion events handled more than " + properties.completedEventsRetention() + " ago",
                this::purgeNow);
    }

    /** Deletes the handled completion events that have outlived the retention now; how many. */
    int purgeNow() {
        Instant before = Instant.now().minus(properties.completedEventsRetention());
        return purge.run("document.completion-events.purged", "event_publication", BATCH,
                Map.of("handledBefore", before.toString()), limit -> jdbc.sql("""
                                delete from event_publication
                                where id in (select id from event_publication
                                             where completion_date < :before and event_type = :type
                                             order by completion_date limit :limit)
                                returning serialized_event::jsonb ->> 'tenant'""")
                        .param("before", Timestamp.from(before))
                        .param("type", ApplicationCompleted.class.getName())
                        .param("limit", limit)
                        .query(String.class).list().stream().map(t -> t == null ? null : TenantId.of(t)).toList());
    }
}
