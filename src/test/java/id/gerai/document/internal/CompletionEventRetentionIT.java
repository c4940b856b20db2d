package id.gerai.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.ApplicationCompleted;
import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.DocumentFixtures.Approved;
import id.gerai.document.IssuedDocuments;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handled completion events leave {@code event_publication} once their retention (7 days) has passed; unhandled
 * ones and recent ones stay, and the tenant's audit log records the deletion.
 */
@GeraiIntegrationTest
class CompletionEventRetentionIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired CompletionEventRetention retention;

    private UUID awaitHandled(UUID applicationId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<UUID> ids = jdbc.sql("select id from event_publication where completion_date is not null and serialized_event like ?")
                    .param("%" + applicationId + "%").query(UUID.class).list();
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the completion event of " + applicationId + " was never marked handled");
    }

    private boolean exists(UUID publication) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(publication).query(Integer.class).single() == 1;
    }

    private void age(UUID publication, Duration by) {
        Timestamp then = Timestamp.from(Instant.now().minus(by));
        jdbc.sql("update event_publication set publication_date = ?, completion_date = ? where id = ?")
                .params(then, then, publication).update();
    }

    @Test
    void handledEventsOutliveTheirRetentionAndUnhandledOnesAreKept() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Office office = docs.office();
        Approved old = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        Approved recent = docs.approved(office, fixtures.citizen(), ApplicationSamples.validData());
        docs.awaitIssued(old);
        docs.awaitIssued(recent);
        UUID oldEvent = awaitHandled(old.applicationId());
        UUID recentEvent = awaitHandled(recent.applicationId());
        age(oldEvent, Duration.ofDays(8));
        age(recentEvent, Duration.ofDays(6));
        // an event whose issuing never finished stays however old it is: the retry still owes it a document
        UUID unhandled = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                        values (?, 'id.gerai.document.internal.IssueOnCompletion.on(id.gerai.application.ApplicationCompleted)', ?, ?, ?, 'FAILED', 1)""")
                .params(unhandled, ApplicationCompleted.class.getName(),
                        "{\"tenant\":\"" + office.tenant().id() + "\",\"applicationId\":\"" + UUID.randomUUID() + "\"}",
                        Timestamp.from(Instant.now().minus(Duration.ofDays(30))))
                .update();

        try {
            assertThat(retention.purgeNow()).isGreaterThanOrEqualTo(1);

            assertThat(exists(oldEvent)).isFalse();
            assertThat(exists(recentEvent)).isTrue();
            assertThat(exists(unhandled)).isTrue();
            List<String> audits = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                            select actor || ' ' || after_data::text from audit_record
                            where tenant_id = ? and action = 'document.completion-events.purged'""")
                    .param(office.tenant().id().value()).query(String.class).list());
            assertThat(audits).singleElement().satisfies(a -> assertThat(a).startsWith("system ").contains("\"deleted\": 1"));
            // the documents themselves are untouched
            assertThat(documents.byApplication(office.tenant().id(), old.applicationId())).isPresent();
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(unhandled).update();
        }
    }
}
