package id.gerai.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.ApplicationSamples;
import id.gerai.application.Applications;
import id.gerai.application.Applications.InboxFilter;
import id.gerai.application.Task;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.notification.NotificationQueries;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Reminders before a task's due time and escalation to the agency head and the MPP manager after it. */
@GeraiIntegrationTest
class DeadlineWatchIT {

    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired Applications applications;
    @Autowired DeadlineWatch watch;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationQueries outbox;
    @Autowired UserDetailsService users;

    private GeraiUser user(String email) {
        return (GeraiUser) users.loadUserByUsername(email);
    }

    private void moveDue(UUID taskId, Instant due) {
        TenantContext.runAcrossTenants(() -> jdbc.sql("update application_task set due_at = ? where id = ?")
                .params(Timestamp.from(due), taskId).update());
    }

    @Test
    void aTaskDueSoonIsRemindedOnceAndAnOverdueOneEscalatedOnceToTheHeads() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID otherAgency = fixtures.newAgency(t, "DPMPTSP");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        String officer = fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null);
        String head = fixtures.staffWithRole(t, Role.ADMIN_INSTANSI, agency, null);
        String otherHead = fixtures.staffWithRole(t, Role.ADMIN_INSTANSI, otherAgency, null);
        String manager = fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        GeraiUser citizen = user(fixtures.citizen());

        var app = applications.create(t.id(), new Applications.NewApplication(service.serviceId(), null,
                ApplicationSamples.validData(), "id", null, null), citizen);
        applications.attach(t.id(), app.id(), "SKL", "skl.pdf", new ByteArrayInputStream(ApplicationSamples.pdf()), citizen);
        applications.submit(t.id(), app.id(), citizen);
        Task task = applications.inbox(t.id(), InboxFilter.all(), user(officer)).items().getFirst().task();

        // far from due: nothing happens. The due time is set, not taken from the calendar: a one-day step filed after
        // the office closed (late afternoon in the tenant's zone) is due at the next day's close, within the day's
        // reminder window, so the calendar's own due time would make this check depend on the hour the test runs.
        moveDue(task.id(), Instant.now().plus(Duration.ofDays(5)));
        watch.runNow();
        assertThat(outbox.recentTo(officer, 10)).isEmpty();

        moveDue(task.id(), Instant.now().plus(Duration.ofHours(3)));
        watch.runNow();
        watch.runNow();
        assertThat(outbox.recentTo(officer, 10)).hasSize(1).allMatch(m -> m.subject().contains("Pengingat"));
        var inbox = applications.inbox(t.id(), InboxFilter.all(), user(officer));
        assertThat(inbox.counts().dueSoon()).isEqualTo(1);
        assertThat(inbox.items().getFirst().dueSoon()).isTrue();

        moveDue(task.id(), Instant.now().minus(Duration.ofHours(1)));
        watch.runNow();
        watch.runNow();
        assertThat(outbox.recentTo(head, 10)).hasSize(1).allMatch(m -> m.subject().contains("Melewati tenggat"));
        assertThat(outbox.recentTo(manager, 10)).hasSize(1);
        assertThat(outbox.recentTo(otherHead, 10)).isEmpty();
        assertThat(outbox.recentTo(officer, 10)).hasSize(1);

        assertThat(applications.inbox(t.id(), new InboxFilter(null, null, InboxFilter.Due.OVERDUE, false, 10), user(officer))
                .items()).hasSize(1);
        assertThat(applications.overdue(t.id(), null, user(manager))).hasSize(1);
        assertThat(applications.overdue(t.id(), agency, user(head))).hasSize(1);
        assertThat(applications.overdue(t.id(), otherAgency, user(otherHead))).isEmpty();
        var history = applications.detail(t.id(), app.id(), citizen).orElseThrow().history();
        assertThat(history).extracting(h -> h.action()).containsSubsequence("SUBMITTED", "REMINDED", "ESCALATED");
        int audits = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select count(*) from audit_record where entity_id = ? and action in ('application.task.reminded', 'application.task.escalated')")
                .param(task.id().toString()).query(Integer.class).single());
        assertThat(audits).isEqualTo(2);
    }
}
