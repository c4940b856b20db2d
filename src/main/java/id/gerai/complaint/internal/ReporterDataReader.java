package id.gerai.complaint.internal;

import id.gerai.complaint.ReporterData;
import id.gerai.platform.TenantContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ReporterData}: the complaints are found across tenants by the reporter's account (as "my complaints" finds
 * them) and each is read as its reporter's view ({@link ComplaintService.Perspective#REPORTER}), so what is left out is
 * what the reporter's own page leaves out.
 */
@Component
class ReporterDataReader implements ReporterData {

    /** No page size: an export leaves nothing out. A bound still, so a runaway account cannot exhaust memory. */
    private static final int ALL = 100_000;

    private final ComplaintRepository repo;
    private final ComplaintService complaints;
    private final TransactionTemplate tx;
    private final ComplaintRetentionProperties retention;

    ReporterDataReader(ComplaintRepository repo, ComplaintService complaints, TransactionTemplate tx,
                       ComplaintRetentionProperties retention) {
        this.repo = repo;
        this.complaints = complaints;
        this.tx = tx;
        this.retention = retention;
    }

    @Override
    public Duration retention() {
        return retention.retention();
    }

    @Override
    public List<ReportedComplaint> of(UUID accountId) {
        List<Complaint> own = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byReporter(accountId, ALL)));
        Map<UUID, Map<UUID, String>> agencies = new HashMap<>();
        return own.stream()
                .filter(c -> accountId.equals(c.reporterId()))
                .map(c -> complaints.view(c, ComplaintService.Perspective.REPORTER))
                .map(v -> of(v, agencies.computeIfAbsent(v.complaint().tenant().value(),
                        t -> complaints.agencyNames(v.complaint().tenant()))))
                .toList();
    }

    private static ReportedComplaint of(ComplaintService.View v, Map<UUID, String> agencies) {
        Complaint c = v.complaint();
        return new ReportedComplaint(c.tenant().value(), v.tenantName(), c.trackingNo(), c.kind().name(), c.title(), c.body(),
                c.incidentDate(), c.location(), v.serviceName(), c.applicationTracking(), v.agencyName(), v.servicePointName(),
                c.confidential(), c.anonymous(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(),
                c.lang(), c.channel(), c.status().name(), c.statusReason(), c.filedAt(), c.verifiedAt(), c.forwardedAt(),
                c.answeredAt(), c.closedAt(), c.rating(), c.satisfied(),
                v.messages().stream().map(m -> new Message(m.author(), m.agencyId() == null ? null : agencies.get(m.agencyId()),
                        m.body(), m.createdAt())).toList(),
                v.attachments().stream().map(a -> new Attachment(a.seq(), a.author(), a.fileName(), a.contentType(), a.size(),
                        a.sha256(), a.createdAt())).toList(),
                // as the reporter's view: the role, not the account; no internal detail
                v.history().stream().map(h -> new Step(h.at(), h.action(), h.actorRole(), h.statusAfter().name()))
                        .toList());
    }
}
