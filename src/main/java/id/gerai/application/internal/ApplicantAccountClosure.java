package id.gerai.application.internal;

import id.gerai.application.ApplicantAccounts;
import id.gerai.application.ApplicationStatus;
import id.gerai.platform.TenantContext;
import id.gerai.platform.blob.UnreferencedBlobs;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ApplicantAccounts}: by the applicant's account id across tenants (an account spans every region), with the
 * same cascade of a draft's rows and the same care for shared files as the draft retention
 * ({@link ApplicationRetention#purgeDraftsNow}).
 */
@Component
class ApplicantAccountClosure implements ApplicantAccounts {

    private final JdbcClient jdbc;
    private final UnreferencedBlobs blobs;

    ApplicantAccountClosure(JdbcClient jdbc, UnreferencedBlobs blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
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
        List<String> files = new ArrayList<>();
        int[] deleted = {0};
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        with doomed as (
                            select tenant_id, id from application
                            where applicant_id = :account and status = 'DRAFT'
                            for update),
                        files as (
                            select d.sha256 from application_document d
                            join doomed on d.tenant_id = doomed.tenant_id and d.application_id = doomed.id),
                        gone as (
                            delete from application a using doomed
                            where a.tenant_id = doomed.tenant_id and a.id = doomed.id and a.status = 'DRAFT'
                            returning a.id)
                        select true as draft, null as sha256 from gone
                        union all
                        select false, sha256 from files""")
                .param("account", accountId)
                .query((ResultSet rs) -> {
                    if (rs.getBoolean(1)) {
                        deleted[0]++;
                    } else {
                        files.add(rs.getString(2));
                    }
                }));
        blobs.deleteAfterCommit(files);
        return deleted[0];
    }
}
