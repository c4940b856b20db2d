package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Applications.InboxFilter;
import id.gerai.application.Applications.InboxItem;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A procedure with a parallel stage run by two agencies: the next stage opens only when both approved; a
 * correction asked by one of them cancels the other's open task, and after resubmission only the step that
 * has not approved yet opens again.
 */
@GeraiIntegrationTest
class ParallelStepsIT {

    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired Applications applications;
    @Autowired UserDetailsService users;

    private GeraiUser user(String email) {
        return (GeraiUser) users.loadUserByUsername(email);
    }


    @Test
    void parallelStepsMustAllApproveAndACorrectionReopensOnlyWhatIsMissing() {
        Tenant t = fixtures.newTenant();
        UUID dpmptsp = fixtures.newAgency(t, "DPMPTSP");
        UUID pupr = fixtures.newAgency(t, "PUPR");
        UUID dlh = fixtures.newAgency(t, "DLH");
        ServiceDesign design = ApplicationSamples.parallelDesign();
        ServiceVersion service = ApplicationSamples.publish(catalog, t, dpmptsp, design);
        GeraiUser front = user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, dpmptsp, null));
        GeraiUser engineer = user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, pupr, null));
        GeraiUser ecologist = user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, dlh, null));
        GeraiUser citizen = user(fixtures.citizen());

        Application app = applications.create(t.id(), new Applications.NewApplication(service.serviceId(), null,
                ApplicationSamples.validData(), "id", null, null), citizen);
        applications.attach(t.id(), app.id(), "SKL", "skl.pdf", new ByteArrayInputStream(ApplicationSamples.pdf()), citizen);
        applications.submit(t.id(), app.id(), citizen);

        approve(t, front, "VERIFIKASI");
        // both agencies now have a task; each sees only its own
        assertThat(inbox(t, engineer)).extracting(InboxItem::stepName).containsExactly("Kajian teknis bangunan");
        assertThat(inbox(t, ecologist)).extracting(InboxItem::stepName).containsExactly("Kajian lingkungan");
        assertThat(inbox(t, front)).isEmpty();
        // the engineer cannot act on the ecologist's task
        UUID ecologyTask = inbox(t, ecologist).getFirst().task().id();
        assertThatThrownBy(() -> applications.claim(t.id(), ecologyTask, engineer))
                .isInstanceOfSatisfying(GeraiException.class, e -> assertThat(e.code()).isEqualTo("application-forbidden"));

        approve(t, engineer, "TEKNIS_PUPR");
        assertThat(inbox(t, front)).as("the next stage waits for the other parallel step").isEmpty();
        assertThat(applications.detail(t.id(), app.id(), citizen).orElseThrow().application().stage()).isEqualTo(1);

        // the ecologist asks for a correction: the application pauses
        applications.claim(t.id(), ecologyTask, ecologist);
        Application returned = applications.decide(t.id(), ecologyTask, new DecisionInput(Decision.CORRECTION,
                "Lampirkan dokumen lingkungan yang terbaru", List.of("catatan"), List.of()), ecologist);
        assertThat(returned.status()).isEqualTo(ApplicationStatus.CORRECTION);
        assertThat(returned.pausedAt()).isNotNull();
        assertThat(inbox(t, ecologist)).isEmpty();

        applications.submit(t.id(), app.id(), citizen);
        // only the step that has not approved reopens
        assertThat(inbox(t, engineer)).isEmpty();
        assertThat(inbox(t, ecologist)).extracting(InboxItem::stepName).containsExactly("Kajian lingkungan");
        approve(t, ecologist, "TEKNIS_DLH");
        Application done = approve(t, front, "TTD");
        assertThat(done.status()).isEqualTo(ApplicationStatus.COMPLETED);
        var detail = applications.detail(t.id(), app.id(), citizen).orElseThrow();
        assertThat(detail.steps()).extracting(Applications.StepProgress::state).containsOnly("DONE");
        assertThat(detail.history()).extracting(HistoryEntry::action).containsSubsequence("SUBMITTED", "STAGE_COMPLETED",
                "APPROVED", "CORRECTION_REQUESTED", "RESUBMITTED", "STAGE_COMPLETED", "COMPLETED");
        // nothing is left open
        assertThat(detail.tasks()).allMatch(task -> !task.status().active());
    }

    private List<InboxItem> inbox(Tenant t, GeraiUser officer) {
        return applications.inbox(t.id(), InboxFilter.all(), officer).items();
    }

    private Application approve(Tenant t, GeraiUser officer, String step) {
        InboxItem item = inbox(t, officer).stream().filter(i -> i.task().stepCode().equals(step)).findFirst().orElseThrow();
        applications.claim(t.id(), item.task().id(), officer);
        return applications.decide(t.id(), item.task().id(), DecisionInput.approve(), officer);
    }
}
