package id.gerai.application.internal;

import id.gerai.application.ApplicationRecords.CompletedCount;
import id.gerai.platform.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts of completed applications per service, agency and service point in a time range (survey populations). */
@Component
class CompletedCounts {

    private final JdbcClient jdbc;

    CompletedCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CompletedCount> between(TenantId tenant, Instant from, Instant until) {
        return jdbc.sql("""
                        select service_id, agency_id, service_point_id, count(*) from application
                        where tenant_id = ? and status = 'COMPLETED' and decided_at >= ? and decided_at < ?
                        group by service_id, agency_id, service_point_id""")
                .params(tenant.value(), Timestamp.from(from), Timestamp.from(until))
                .query((rs, n) -> new CompletedCount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4)))
                .list();
    }
}
