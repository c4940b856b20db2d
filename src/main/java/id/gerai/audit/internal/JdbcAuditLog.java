package id.gerai.audit.internal;

import id.gerai.audit.AuditActor;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one {@code audit_record} row in the caller's transaction (the {@link JdbcClient} joins it), and
 * nothing else: no lock and no chain head is touched, so concurrent writers never wait for each other.
 * The row is linked into its chain later by {@link AuditSealer}.
 */
@Component
class JdbcAuditLog implements AuditLog {

    static final String SYSTEM = "system";

    private static final String INSERT = """
            insert into audit_record (tenant_id, actor, action, entity_type, entity_id, before_data, after_data)
            values (?::uuid, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditEvent event) {
        requireText(event.action(), "action");
        requireText(event.entityType(), "entityType");
        // every parameter as text, null or not: the driver keeps one prepared statement (and the server its plan)
        // only while the parameter types stay the same, and an untyped null would change them
        jdbc.sql(INSERT)
                .param(text(event.tenant() == null ? null : event.tenant().value().toString()))
                .param(text(actor(event)))
                .param(text(event.action()))
                .param(text(event.entityType()))
                .param(text(event.entityId()))
                .param(text(toJson(event.before())))
                .param(text(toJson(event.after())))
                .update();
    }

    @Override
    public void recordAll(List<AuditEvent> events) {
        if (events.size() == 1) {
            record(events.getFirst());
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[][] columns = new String[7][n];
        for (int i = 0; i < n; i++) {
            AuditEvent event = events.get(i);
            requireText(event.action(), "action");
            requireText(event.entityType(), "entityType");
            columns[0][i] = event.tenant() == null ? null : event.tenant().value().toString();
            columns[1][i] = actor(event);
            columns[2][i] = event.action();
            columns[3][i] = event.entityType();
            columns[4][i] = event.entityId();
            columns[5][i] = toJson(event.before());
            columns[6][i] = toJson(event.after());
        }
        // ids follow the order of the arrays (ordinality), so the events are recorded in the order given
        jdbc.sql("""
                        insert into audit_record (tenant_id, actor, action, entity_type, entity_id, before_data, after_data)
                        select t::uuid, a, x, e, i, b::jsonb, f::jsonb
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                            as u(t, a, x, e, i, b, f, n)
                        order by n""")
                .params((Object[]) columns)
                .update();
    }

    private static String actor(AuditEvent event) {
        if (event.actor() != null && !event.actor().isBlank()) {
            return event.actor();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof AuditActor actor && actor.auditActorId() != null) {
            return actor.auditActorId();
        }
        return auth.getName() == null || auth.getName().isBlank() ? SYSTEM : auth.getName();
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private String toJson(Map<String, ?> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AuditEvent." + name + " must not be blank");
        }
    }
}
