package id.gerai.application.internal;

import id.gerai.platform.TenantId;
import id.gerai.platform.blob.UnreferencedBlobs;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes drafts with everything that hangs on them (documents, notes, history: the foreign keys cascade), the same
 * way for the draft retention ({@link ApplicationRetention}) and for a citizen closing their account
 * ({@link ApplicantAccountClosure}): the documents' files are read in the same snapshot as the delete and leave the
 * blob store after the commit, when no row of any module refers to them any more.
 */
@Component
class DraftDeletion {

    private final JdbcClient jdbc;
    private final UnreferencedBlobs blobs;

    DraftDeletion(JdbcClient jdbc, UnreferencedBlobs blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /**
     * Deletes the drafts {@code doomed} selects, in the caller's transaction and tenant scope.
     *
     * @param doomed a query of {@code tenant_id, id} from {@code application}, with its row lock, naming its parameters
     *               in {@code params}; only rows still in {@code DRAFT} are deleted
     * @return the tenant of each draft deleted
     */
    List<TenantId> delete(String doomed, Map<String, ?> params) {
        List<TenantId> tenants = new ArrayList<>();
        List<String> files = new ArrayList<>();
        jdbc.sql("with doomed as (" + doomed + """
                        ),
                        files as (
                            select d.sha256 from application_document d
                            join doomed on d.tenant_id = doomed.tenant_id and d.application_id = doomed.id),
                        gone as (
                            delete from application a using doomed
                            where a.tenant_id = doomed.tenant_id and a.id = doomed.id and a.status = 'DRAFT'
                            returning a.tenant_id)
                        select tenant_id, null as sha256 from gone
                        union all
                        select null, sha256 from files""")
                .params(params)
                .query((ResultSet rs) -> {
                    UUID tenant = rs.getObject(1, UUID.class);
                    if (tenant != null) {
                        tenants.add(new TenantId(tenant));
                    } else if (rs.getString(2) != null) {
                        files.add(rs.getString(2));
                    }
                });
        blobs.deleteAfterCommit(files);
        return tenants;
    }
}
