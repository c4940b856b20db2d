package id.gerai.complaint.internal;

import id.gerai.platform.TenantContext;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches complaint clocks. A verification or follow-up past its limit is escalated once (marked, written to the
 * history, audited, e-mailed to the coordinators and, for a follow-up, the agency's admins); an answered complaint
 * whose reporter did not reply within the limit is closed. One transaction per complaint, so a crash never does
 * one twice.
 */
@Component
class ComplaintWatch {

    private static final Logger log = LoggerFactory.getLogger(ComplaintWatch.class);
    private static final int BATCH = 200;

    private final ComplaintRepository repo;
    private final ComplaintService service;
    private final TenancyApi tenancy;
    private final TransactionTemplate tx;

    ComplaintWatch(ComplaintRepository repo, ComplaintService service, TenancyApi tenancy, TransactionTemplate tx) {
        this.repo = repo;
        this.service = service;
        this.tenancy = tenancy;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "${gerai.complaint.check-interval:60s}", fixedDelayString = "${gerai.complaint.check-interval:60s}")
    void scheduled() {
        try {
            int[] done = runNow();
            if (done[0] + done[1] > 0) {
                log.info("Complaints: {} escalated, {} closed without a reply", done[0], done[1]);
            }
        } catch (RuntimeException e) {
            log.error("Complaint deadline check failed; trying again in the next round", e);
        }
    }

    /** Does what is due now; returns {escalations, closings}. */
    int[] runNow() {
        int escalated = 0;
        int closed = 0;
        while (true) {
            Instant now = Instant.now();
            List<Complaint> due = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.needingAttention(now, BATCH)));
            int before = escalated + closed;
            for (Complaint c : due) {
                Tenant t = tenancy.byId(c.tenant()).orElse(null);
                if (t == null) {
                    continue;
                }
                if (c.status() == ComplaintStatus.ANSWERED) {
                    closed += Boolean.TRUE.equals(service.write(c.tenant(), () -> service.autoClose(c, t))) ? 1 : 0;
                } else {
                    escalated += Boolean.TRUE.equals(service.write(c.tenant(), () -> service.escalate(c, t))) ? 1 : 0;
                }
            }
            if (due.size() < BATCH || escalated + closed == before) {
                return new int[] {escalated, closed};
            }
        }
    }
}
