package id.gerai.application.internal;

import id.gerai.application.ApplicantData;
import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.TenantContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ApplicantData}: the applicant's applications are found across tenants by the applicant's account (as "my
 * applications" finds them), then each is read through {@link Applications#detail} in its own tenant's scope, so the
 * permission check and the cut of what an applicant sees are the ones every other page uses.
 */
@Component
class ApplicantDataReader implements ApplicantData {

    /** No page size: an export leaves nothing out. A bound still, so a runaway account cannot exhaust memory. */
    private static final int ALL = 100_000;

    private final ApplicationRepository repo;
    private final Applications applications;
    private final TransactionTemplate tx;
    private final ApplicationRetentionProperties retention;

    ApplicantDataReader(ApplicationRepository repo, Applications applications, TransactionTemplate tx,
                        ApplicationRetentionProperties retention) {
        this.repo = repo;
        this.applications = applications;
        this.tx = tx;
        this.retention = retention;
    }

    @Override
    public Retention retention() {
        return new Retention(retention.draftRetention(), retention.retention());
    }

    @Override
    public List<Applications.ApplicationDetail> of(GeraiUser applicant) {
        List<Application> own = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byApplicant(applicant.accountId(), ALL)));
        return own.stream()
                .map(a -> applications.detail(a.tenant(), a.id(), applicant))
                .flatMap(Optional::stream)
                .toList();
    }
}
