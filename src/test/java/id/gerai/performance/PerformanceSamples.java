package id.gerai.performance;

import id.gerai.application.Application;
import id.gerai.application.ApplicationSamples;
import id.gerai.application.Applications;
import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Applications.NewApplication;
import id.gerai.application.Decision;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant with a two-step service, a citizen and an officer, and applications taken to any end through the engine. */
public final class PerformanceSamples {

    public record Setup(Tenant tenant, UUID agency, ServiceVersion service, GeraiUser citizen, GeraiUser officer) {
    }

    private final Applications applications;
    private final JdbcClient jdbc;

    public PerformanceSamples(Applications applications, JdbcClient jdbc) {
        this.applications = applications;
        this.jdbc = jdbc;
    }

    public static ServiceDesign design(String kind, String name) {
        return CatalogSamples.with(CatalogSamples.valid(kind, name), b -> {
            b.documents = List.of(new RequiredDocument("SKL", "Surat pendukung", "Supporting letter", false,
                    List.of("application/pdf"), 1024));
            b.timeLimitDays = 5;
            List<String> all = List.of("APPROVE", "CORRECTION", "REJECT");
            return b.steps(
                    new Step("VERIFIKASI", "Verifikasi berkas", "Check documents", "PETUGAS_INSTANSI", null, 2, all, null, false),
                    new Step("TTD", "Penandatanganan", "Signing", "PETUGAS_INSTANSI", null, 1, all, null, true));
        });
    }

    public static Setup setup(Fixtures fixtures, CatalogApi catalog, CitizenAccounts citizens, String kind, String name) {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        return setup(fixtures, catalog, citizens, t, agency, kind, name);
    }

    public static Setup setup(Fixtures fixtures, CatalogApi catalog, CitizenAccounts citizens, Tenant t, UUID agency,
                              String kind, String name) {
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency, design(kind, name));
        String nik = Fixtures.validNik();
        String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        citizens.register("Warga Figures", nik, email, "081234567890", Fixtures.PASSWORD);
        CitizenAccounts.Citizen c = citizens.byNik(nik).orElseThrow();
        GeraiUser citizen = new GeraiUser(c.accountId(), c.email(), c.fullName(), true, Set.of(), List.of(), true, null);
        GeraiUser officer = new GeraiUser(UUID.randomUUID(), "petugas@test.gerai.local", "Petugas", false, Set.of(),
                List.of(new Membership(t.id(), Role.PETUGAS_INSTANSI, agency, null)), true, null);
        return new Setup(t, agency, service, citizen, officer);
    }

    public Application submitted(Setup s) {
        Application app = applications.create(s.tenant().id(), new NewApplication(s.service().serviceId(), null,
                ApplicationSamples.validData(), "id", null, null), s.citizen());
        return applications.submit(s.tenant().id(), app.id(), s.citizen());
    }

    public Application step(Setup s, Application app, DecisionInput decision) {
        UUID task = TenantContext.call(s.tenant().id(), () -> jdbc.sql("""
                        select id from application_task where tenant_id = ? and application_id = ? and status = 'OPEN'""")
                .params(s.tenant().id().value(), app.id()).query(UUID.class).single());
        applications.claim(s.tenant().id(), task, s.officer());
        return applications.decide(s.tenant().id(), task, decision, s.officer());
    }

    public Application completed(Setup s) {
        Application app = submitted(s);
        app = step(s, app, DecisionInput.approve());
        return step(s, app, DecisionInput.approve());
    }

    public Application rejected(Setup s) {
        return step(s, submitted(s), new DecisionInput(Decision.REJECT, "Persyaratan tidak terpenuhi", null, null));
    }

    public Application inCorrection(Setup s) {
        return step(s, submitted(s), new DecisionInput(Decision.CORRECTION, "Nama kurang lengkap", List.of("namaAnak"), null));
    }

    public Application resubmit(Setup s, Application app) {
        return applications.submit(s.tenant().id(), app.id(), s.citizen());
    }

    public Application withdrawn(Setup s) {
        return applications.withdraw(s.tenant().id(), submitted(s).id(), "tidak jadi", s.citizen());
    }
}
