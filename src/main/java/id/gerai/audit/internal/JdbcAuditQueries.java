package id.gerai.audit.internal;

import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditPage;
import id.gerai.audit.AuditQueries;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists audit records newest first; row-level security limits them to what the caller's scope may see. */
@Component
class JdbcAuditQueries implements AuditQueries {

    private static final String SELECT = """
            select id, occurred_at, tenant_id, actor, action, entity_type, entity_id,
                   before_data::text, after_data::text,
                   exists (select 1 from audit_seal s where s.record_id = audit_record.id) as sealed
            from audit_record
            """;

    private final JdbcClient jdbc;

    JdbcAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public AuditPage list(TenantId tenantOrNull, String actionPrefixOrNull, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_PAGE_SIZE);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (tenantOrNull != null) {
            where.add("tenant_id = ?");
            params.add(tenantOrNull.value());
        }
        if (actionPrefixOrNull != null && !actionPrefixOrNull.isBlank()) {
            where.add("action like ? escape '\\'");
            params.add(likePrefix(actionPrefixOrNull.strip()));
        }
        String sql = SELECT + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + "\n")
                + "order by id desc limit ? offset ?";
        params.add(size + 1);
        params.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql(sql).params(params).query(JdbcAuditQueries::entry).list();
        boolean hasNext = rows.size() > size;
        return new AuditPage(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                tenant == null ? null : new TenantId(tenant), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString(8), rs.getString(9),
                rs.getBoolean("sealed"));
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
