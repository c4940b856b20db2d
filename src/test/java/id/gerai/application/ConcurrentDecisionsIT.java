package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Decisions that race: approvals read without locking and write only if nothing changed in between, so two
 * officers approving the two halves of a parallel stage at the same moment must still open the next stage exactly
 * once, and a decision sent twice at once must be taken once.
 */
@GeraiIntegrationTest
class ConcurrentDecisionsIT {

    private static final int ROUNDS = 8;

    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired Applications applications;
    @Autowired UserDetailsService users;

    private record Setup(Tenant tenant, ServiceVersion service, GeraiUser front, GeraiUser engineer, GeraiUser ecologist,
                         GeraiUser citizen) {
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID dpmptsp = fixtures.newAgency(t, "DPMPTSP");
        UUID pupr = fixtures.newAgency(t, "PUPR");
        UUID dlh = fixtures.newAgency(t, "DLH");
        ServiceDesign design = ApplicationSamples.parallelDesign();
        return new Setup(t, ApplicationSamples.publish(catalog, t, dpmptsp, design),
                user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, dpmptsp, null)),
                user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, pupr, null)),
                user(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, dlh, null)),
                user(fixtures.citizen()));
    }

    private GeraiUser user(String email) {
        return (GeraiUser) users.loadUserByUsername(email);
    }

    @Test
    void twoOfficersApprovingTheParallelStepsAtOnceOpenTheNextStageOnce() throws Exception {
        Setup s = setup();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Application app = filed(s);
                approve(s, s.front(), app, "VERIFIKASI");
                UUID building = claim(s, s.engineer(), app, "TEKNIS_PUPR");
                UUID ecology = claim(s, s.ecologist(), app, "TEKNIS_DLH");

                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Application>> both = pool.invokeAll(List.of(
                        decideAfter(start, s, building, s.engineer()), decideAfter(start, s, ecology, s.ecologist())));
                for (Future<Application> f : both) {
                    f.get(30, TimeUnit.SECONDS);
                }

                var detail = applications.detail(s.tenant().id(), app.id(), s.citizen()).orElseThrow();
                assertThat(detail.application().stage()).as("round %d", round).isEqualTo(2);
                assertThat(detail.tasks()).filteredOn(t -> t.status().active()).extracting(Task::stepCode)
                        .as("round %d: the signing step opened once", round).containsExactly("TTD");
                List<String> actions = detail.history().stream().map(HistoryEntry::action).toList();
                assertThat(actions.stream().filter("APPROVED"::equals)).as("round %d: %s", round, actions).hasSize(1);
                assertThat(actions.stream().filter("STAGE_COMPLETED"::equals)).as("round %d: %s", round, actions).hasSize(2);
                // one change of the application per decision: filed, submitted, three approvals
                assertThat(detail.application().lockVersion()).as("round %d", round).isEqualTo(4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionSentTwiceAtOnceIsTakenOnce() throws Exception {
        Setup s = setup();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Application app = filed(s);
                UUID verify = claim(s, s.front(), app, "VERIFIKASI");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Application>> twice = pool.invokeAll(List.of(
                        decideAfter(start, s, verify, s.front()), decideAfter(start, s, verify, s.front())));
                int taken = 0;
                for (Future<Application> f : twice) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        taken++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(GeraiException.class,
                                g -> assertThat(g.code()).isEqualTo("task-closed"));
                    }
                }
                assertThat(taken).as("round %d", round).isEqualTo(1);
                var detail = applications.detail(s.tenant().id(), app.id(), s.citizen()).orElseThrow();
                assertThat(detail.tasks()).filteredOn(t -> t.status().active()).extracting(Task::stepCode)
                        .as("round %d: both parallel steps opened once", round)
                        .containsExactlyInAnyOrder("TEKNIS_PUPR", "TEKNIS_DLH");
                assertThat(detail.history().stream().filter(h -> h.action().equals("STAGE_COMPLETED"))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Application filed(Setup s) {
        Application app = applications.create(s.tenant().id(), new Applications.NewApplication(s.service().serviceId(), null,
                ApplicationSamples.validData(), "id", null, null), s.citizen());
        applications.attach(s.tenant().id(), app.id(), "SKL", "skl.pdf", new ByteArrayInputStream(ApplicationSamples.pdf()), s.citizen());
        return applications.submit(s.tenant().id(), app.id(), s.citizen());
    }

    private Callable<Application> decideAfter(CyclicBarrier start, Setup s, UUID task, GeraiUser officer) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            return applications.decide(s.tenant().id(), task, DecisionInput.approve(), officer);
        };
    }

    private UUID claim(Setup s, GeraiUser officer, Application app, String step) {
        List<InboxItem> items = new ArrayList<>(applications.inbox(s.tenant().id(), InboxFilter.all(), officer).items());
        InboxItem item = items.stream().filter(i -> i.task().applicationId().equals(app.id()) && i.task().stepCode().equals(step))
                .findFirst().orElseThrow();
        applications.claim(s.tenant().id(), item.task().id(), officer);
        return item.task().id();
    }

    private void approve(Setup s, GeraiUser officer, Application app, String step) {
        UUID task = claim(s, officer, app, step);
        applications.decide(s.tenant().id(), task, DecisionInput.approve(), officer);
    }
}
