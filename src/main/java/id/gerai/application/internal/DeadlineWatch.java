package id.gerai.application.internal;

import id.gerai.application.ApplicationStatus;
import id.gerai.application.Task;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.identity.StaffAccounts.StaffMember;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches task deadlines. A task due within {@code gerai.application.remind-before} (a day by default) gets
 * one reminder to whoever claimed it, or to the officers of its role and agency; an overdue task is escalated
 * once to the agency's admins (the agency head's desk) and the tenant's MPP managers. Each reminder and
 * escalation is marked on the task, written to the history and audited, in one transaction per task, so a
 * crash never sends one twice (at-least-once only for the e-mail itself, as the outbox does).
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 200;

    private final ApplicationRepository repo;
    private final ApplicationNotifier notifier;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final Lookups lookups;
    private final TransactionTemplate tx;
    private final Duration remindBefore;

    DeadlineWatch(ApplicationRepository repo, ApplicationNotifier notifier, StaffAccounts staff, AuditLog audit,
                  WorkingCalendar calendar, Lookups lookups, TransactionTemplate tx,
                  @Value("${gerai.application.remind-before:P1D}") Duration remindBefore) {
        this.repo = repo;
        this.notifier = notifier;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.lookups = lookups;
        this.tx = tx;
        this.remindBefore = remindBefore;
    }

    @Scheduled(initialDelayString = "${gerai.application.deadline-check-interval:60s}",
            fixedDelayString = "${gerai.application.deadline-check-interval:60s}")
    void scheduled() {
        try {
            int[] done = runNow();
            if (done[0] + done[1] > 0) {
                log.info("Deadlines: {} reminders, {} escalations", done[0], done[1]);
            }
        } catch (RuntimeException e) {
            log.error("Deadline check failed; trying again in the next round", e);
        }
    }

    /** Sends what is due now; returns {reminders, escalations}. */
    int[] runNow() {
        int reminded = 0;
        int escalated = 0;
        while (true) {
            Instant now = Instant.now();
            List<Task> tasks = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.needingAttention(now, now.plus(remindBefore), BATCH)));
            if (tasks.isEmpty()) {
                return new int[] {reminded, escalated};
            }
            int before = reminded + escalated;
            for (Task t : tasks) {
                boolean overdue = t.dueAt().isBefore(now);
                if (overdue && t.escalatedAt() == null) {
                    escalated += TenantContext.call(t.tenant(), () -> tx.execute(s -> escalate(t))) ? 1 : 0;
                } else if (t.remindedAt() == null) {
                    reminded += TenantContext.call(t.tenant(), () -> tx.execute(s -> remind(t))) ? 1 : 0;
                }
            }
            if (reminded + escalated == before) {
                return new int[] {reminded, escalated}; // someone else took them
            }
        }
    }

    private boolean remind(Task t) {
        if (!repo.markReminded(t.tenant(), t.id())) {
            return false;
        }
        ApplicationStatus status = repo.statusOf(t.tenant(), t.applicationId());
        repo.history(t.tenant(), t.applicationId(), "REMINDED", t.stepCode(), null, null, status,
                Map.of("due", t.dueAt().toString()));
        audit.record(AuditEvent.of(t.tenant(), "application.task.reminded", "application_task", t.id(), null,
                Map.of("due", t.dueAt().toString())).byActor("system"));
        Set<String> to = new LinkedHashSet<>();
        List<StaffMember> members = staff.staffOf(t.tenant());
        for (StaffMember m : members) {
            boolean claimant = m.accountId().equals(t.claimedBy());
            boolean pool = t.claimedBy() == null && m.role().name().equals(t.role())
                    && (m.agencyId() == null || m.agencyId().equals(t.agencyId()));
            if (claimant || pool) {
                to.add(m.email());
            }
        }
        notifier.staff(t.tenant(), to, "reminder", tracking(t), t.stepCode(), format(t));
        return true;
    }

    private boolean escalate(Task t) {
        if (!repo.markEscalated(t.tenant(), t.id())) {
            return false;
        }
        ApplicationStatus status = repo.statusOf(t.tenant(), t.applicationId());
        repo.history(t.tenant(), t.applicationId(), "ESCALATED", t.stepCode(), null, null, status,
                Map.of("due", t.dueAt().toString()));
        audit.record(AuditEvent.of(t.tenant(), "application.task.escalated", "application_task", t.id(), null,
                Map.of("due", t.dueAt().toString())).byActor("system"));
        Set<String> to = new LinkedHashSet<>();
        for (StaffMember m : staff.staffOf(t.tenant())) {
            if (m.role() == Role.PENGELOLA_MPP || m.role() == Role.ADMIN_INSTANSI && t.agencyId().equals(m.agencyId())) {
                to.add(m.email());
            }
        }
        String agency = lookups.agency(t.tenant(), t.agencyId()).map(a -> a.name()).orElse("");
        notifier.staff(t.tenant(), to, "escalation", tracking(t), t.stepCode(), format(t), agency,
                notifier.link("/manage/" + lookups.tenant(t.tenant()).slug() + "/overdue"));
        return true;
    }

    private String tracking(Task t) {
        return repo.find(t.tenant(), t.applicationId()).map(a -> a.displayTracking()).orElse("");
    }

    private String format(Task t) {
        TenantId tenant = t.tenant();
        return DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(calendar.zone(tenant)).format(t.dueAt());
    }
}
