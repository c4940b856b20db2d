package id.gerai.notification.internal;

import id.gerai.audit.AuditLog;
import id.gerai.audit.RetentionPurge;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sent and failed messages once {@code gerai.notification.retention} (30 days by default) has passed since
 * they were queued: their bodies hold names, tracking numbers and links (password-reset links among them), which
 * are kept no longer than delivering them needs (UU 27/2022: delete personal data when its retention ends). The
 * application's own history, not the outbox, is the record of what happened; pending messages are never deleted.
 *
 * <p>Runs hourly, in blocks of {@value #BATCH} messages as {@link RetentionPurge} does: each block one transaction
 * with one audit record per tenant whose messages it deleted (installation-wide mail under the platform's chain).
 */
@Component
class OutboxRetention {

    static final int BATCH = 1_000;

    private final OutboxRepository outbox;
    private final RetentionPurge purge;
    private final NotificationProperties properties;

    OutboxRetention(OutboxRepository outbox, AuditLog audit, TransactionTemplate tx, NotificationProperties properties) {
        this.outbox = outbox;
        this.purge = new RetentionPurge(audit, tx);
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${gerai.notification.retention-check-interval:1h}",
            fixedDelayString = "${gerai.notification.retention-check-interval:1h}")
    void scheduled() {
        RetentionPurge.scheduledRound("sent or failed outbox messages older than " + properties.retention(), this::purgeNow);
    }

    /** Deletes what has outlived the retention now; how many messages. */
    int purgeNow() {
        Instant before = Instant.now().minus(properties.retention());
        return purge.run("notification.outbox.purged", "notification_outbox", BATCH, Map.of("queuedBefore", before.toString()),
                limit -> outbox.deleteFinishedBefore(before, limit).stream().map(t -> t == null ? null : new TenantId(t)).toList());
    }
}
