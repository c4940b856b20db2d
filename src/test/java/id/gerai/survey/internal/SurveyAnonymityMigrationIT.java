package id.gerai.survey.internal;

import id.gerai.support.GeraiIntegrationTest;
import id.gerai.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An installation whose applicants' responses kept their application (before V69) loses that link and nothing else:
 * the invitations that were answered are marked so, the responses keep every answer and day the figures are made
 * from, and the table stays append-only. Runs the real migrations on a database of its own in the shared server.
 */
@GeraiIntegrationTest
class SurveyAnonymityMigrationIT {

    private static final String RESPONSE = """
            insert into survey_response (tenant_id, id, channel, application_id, service_id, agency_id, answered_on,
                u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
            values (?::uuid, ?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, current_date - ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'P', 'A_30_39', 'S1', 'SWASTA')""";

    @Autowired DataSource dataSource;
    @Value("${spring.flyway.placeholders.app_role}") String appRole;

    @Test
    void answeredInvitationsAreMarkedAndResponsesLoseOnlyTheirApplication() throws SQLException {
        try (MigrationDatabase db = MigrationDatabase.create(dataSource, appRole, "survey_migration")) {
            String url = db.url();
            db.migrate("67.1");
            String tenant = UUID.randomUUID().toString();
            String service = UUID.randomUUID().toString();
            String agency = UUID.randomUUID().toString();
            String answeredApp = UUID.randomUUID().toString();
            String openApp = UUID.randomUUID().toString();
            String applicant = UUID.randomUUID().toString();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                for (String app : List.of(answeredApp, openApp)) {
                    jdbc.sql("""
                                    insert into survey_invitation (tenant_id, application_id, tracking_no, service_id, agency_id,
                                        applicant_id, completed_at)
                                    values (?::uuid, ?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, now() - interval '3 days')""")
                            .params(tenant, app, "K" + app.substring(0, 8).toUpperCase(), service, agency, applicant).update();
                }
                jdbc.sql(RESPONSE).params(tenant, UUID.randomUUID().toString(), "APPLICATION", answeredApp, service, agency, 2,
                        4, 3, 3, 4, 4, 3, 4, 2, 3).update();
                jdbc.sql(RESPONSE).params(tenant, UUID.randomUUID().toString(), "KIOSK", null, null, null, 1,
                        2, 2, 3, 3, 4, 4, 1, 2, 3).update();
                String figures = """
                        select channel, service_id, agency_id, answered_on, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9,
                               sex, age_band, education, occupation
                        from survey_response order by channel""";
                List<Map<String, Object>> before = jdbc.sql(figures).query().listOfRows();

                db.migrate(null);

                assertThat(jdbc.sql("select application_id::text, answered from survey_invitation order by application_id")
                        .query((rs, i) -> rs.getString(1) + "=" + rs.getBoolean(2)).list())
                        .containsExactlyInAnyOrder(answeredApp + "=true", openApp + "=false");
                assertThat(jdbc.sql(figures).query().listOfRows()).isEqualTo(before);
                assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'survey_response'")
                        .query(String.class).list()).isNotEmpty().doesNotContain("application_id");
                assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'survey_response_application_uq'")
                        .query(Long.class).single()).isZero();
                // still append-only, even for the owner
                assertThatThrownBy(() -> jdbc.sql("update survey_response set u1 = 1").update())
                        .rootCause().hasMessageContaining("append-only");
                assertThatThrownBy(() -> jdbc.sql("delete from survey_response").update())
                        .rootCause().hasMessageContaining("append-only");
                assertThat(jdbc.sql("select count(*) from pg_trigger where tgname = 'survey_response_no_change' and tgenabled = 'O'")
                        .query(Long.class).single()).isEqualTo(1);
            }
        }
    }
}
