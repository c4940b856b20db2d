package id.gerai.complaint.internal;

import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.complaint.ComplaintRecords;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Replays a tenant's complaints from the tables: every filing, oldest first, then every follow-up in order. */
@Component
class ComplaintRecordsReader implements ComplaintRecords {

    private final ComplaintRepository repo;
    private final TransactionTemplate tx;

    ComplaintRecordsReader(ComplaintRepository repo, TransactionTemplate tx) {
        this.repo = repo;
        this.tx = tx;
    }

    @Override
    public void replay(TenantId tenant, Consumer<ComplaintFiled> filed, Consumer<ComplaintAnswered> answered) {
        var rows = TenantContext.call(tenant, () -> tx.execute(s -> new Object[] {repo.filed(tenant), repo.answered(tenant)}));
        @SuppressWarnings("unchecked")
        var complaints = (java.util.List<ComplaintRepository.ComplaintFiledRow>) rows[0];
        @SuppressWarnings("unchecked")
        var answers = (java.util.List<ComplaintRepository.Answered>) rows[1];
        for (ComplaintRepository.ComplaintFiledRow c : complaints) {
            filed.accept(new ComplaintFiled(tenant, c.id(), c.agencyId(), c.serviceId(), c.servicePointId(), c.filedAt()));
        }
        for (ComplaintRepository.Answered a : answers) {
            answered.accept(new ComplaintAnswered(tenant, a.complaintId(), a.agencyId(), a.serviceId(), a.servicePointId(),
                    a.filedAt(), a.at(), a.onTime()));
        }
    }
}
