package id.gerai.application.internal;

import id.gerai.application.ApplicantAccounts;
import id.gerai.application.ApplicationStatus;
import id.gerai.platform.TenantContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ApplicantAccounts}: by the applicant's account id across tenants (an account spans every region), with the
 * drafts deleted as the draft retention deletes them ({@link DraftDeletion}).
 */
@Component
class ApplicantAccountClosure implements ApplicantAccounts {

    private final JdbcClient jdbc;
    private final DraftDeletion drafts;

    ApplicantAccountClosure(JdbcClient jdbc, DraftDeletion drafts) {
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    @Override
    public List<String> openApplications(UUID accountId) {
        List<String> open = Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::open).map(Enum::name)
                .toList();
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select tracking_no from application
                        where applicant_id = :account and status in (:open)
                        order by submitted_at nulls last, created_at""")
                .param("account", accountId).param("open", open).query(String.class).list());
    }

    @Override
    public int deleteDrafts(UUID accountId) {
        return TenantContext.callAcrossTenants(() -> drafts.delete("""
                select tenant_id, id from application
                where applicant_id = :account and status = 'DRAFT'
                for update""", Map.of("account", accountId))).size();
    }
}
