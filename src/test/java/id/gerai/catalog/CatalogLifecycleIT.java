package id.gerai.catalog;

import static id.gerai.catalog.CatalogSamples.valid;
import static id.gerai.catalog.CatalogSamples.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditQueries;
import id.gerai.catalog.DesignChange.Kind;
import id.gerai.catalog.DesignChange.Part;
import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Services through their versions, on the real database: publishing, freezing, history, isolation, audit. */
@GeraiIntegrationTest
@RecordApplicationEvents
class CatalogLifecycleIT {

    @Autowired CatalogApi catalog;
    @Autowired FormValidator forms;
    @Autowired RegionApi regions;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AuditQueries audit;
    @Autowired ApplicationEvents events;

    private record Setup(Tenant tenant, UUID agency) {
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        return new Setup(t, fixtures.newAgency(t, "DUKCAPIL"));
    }

    private ServiceVersion create(Setup s, ServiceDesign d) {
        return catalog.create(s.tenant().id(), new CatalogApi.NewService(s.agency(), d, "awal"));
    }

    @Test
    void publishingMovesTheCurrentVersionRetiresTheOldOneAndKeepsItReadable() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        ServiceVersion v1 = create(s, valid());
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(catalog.publishedServices(t)).isEmpty();
        assertThat(catalog.service(t, v1.serviceId()).orElseThrow().status()).isEqualTo(ServiceStatus.DRAFT);
        UUID agency = catalog.service(t, v1.serviceId()).orElseThrow().agencyId();
        // what filing reads: nothing to file under yet
        assertThat(catalog.currentVersion(t, v1.serviceId())).contains(new CatalogApi.CurrentVersion(agency, null));

        catalog.publish(t, v1.serviceId(), 1);
        assertThat(catalog.currentVersion(t, v1.serviceId())).contains(new CatalogApi.CurrentVersion(agency, 1));
        assertThat(events.stream(ServicePublished.class)).containsExactly(new ServicePublished(t, v1.serviceId(), 1));
        ServiceSummary published = catalog.publishedServices(t).getFirst();
        assertThat(published.currentVersion()).isEqualTo(1);
        assertThat(published.slug()).isEqualTo("akta-kelahiran");
        assertThat(published.agencyCode()).isEqualTo("DUKCAPIL");

        ServiceVersion v2 = catalog.newDraft(t, v1.serviceId());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.design()).isEqualTo(catalog.version(t, v1.serviceId(), 1).orElseThrow().design());
        assertThatThrownBy(() -> catalog.newDraft(t, v1.serviceId())).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-draft-exists"));
        catalog.updateDraft(t, v1.serviceId(), with(v2.design(), b -> b.timeLimitDays(5)), "lebih realistis");
        assertThat(catalog.current(t, v1.serviceId()).orElseThrow().version()).isEqualTo(1);

        assertThat(catalog.currentVersion(t, v1.serviceId())).contains(new CatalogApi.CurrentVersion(agency, 1));
        catalog.publish(t, v1.serviceId(), 2);
        assertThat(catalog.current(t, v1.serviceId()).orElseThrow().design().timeLimitDays()).isEqualTo(5);
        assertThat(catalog.currentVersion(t, v1.serviceId())).contains(new CatalogApi.CurrentVersion(agency, 2));
        ServiceVersion old = catalog.version(t, v1.serviceId(), 1).orElseThrow();
        assertThat(old.status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(old.retiredAt()).isNotNull();
        assertThat(old.design().timeLimitDays()).isEqualTo(3);
        assertThatThrownBy(() -> catalog.publish(t, v1.serviceId(), 1)).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-not-draft"));
        assertThatThrownBy(() -> catalog.updateDraft(t, v1.serviceId(), valid(), null)).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-no-draft"));
    }

    @Test
    void aPublishedVersionNeverChangesEvenByDirectSql() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        UUID id = create(s, valid()).serviceId();
        catalog.publish(t, id, 1);
        for (String sql : List.of(
                "update service_version set design = '{}'::jsonb where tenant_id = ? and service_id = ?",
                "update service_version set status = 'DRAFT' where tenant_id = ? and service_id = ?",
                "update service_version set change_note = 'diam-diam' where tenant_id = ? and service_id = ?",
                "delete from service_version where tenant_id = ? and service_id = ?")) {
            assertThatThrownBy(() -> TenantContext.run(t, () -> jdbc.sql(sql).params(t.value(), id).update()))
                    .as(sql).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("service version")
                    .hasMessageContaining("PUBLISHED");
        }
        assertThat(catalog.version(t, id, 1).orElseThrow().design()).isEqualTo(catalog.parse(catalog.export(t, id, 1)));
        assertThat(catalog.version(t, id, 1).orElseThrow().changeNote()).isEqualTo("awal");

        catalog.retire(t, id, 1);
        assertThat(events.stream(ServiceRetired.class)).containsExactly(new ServiceRetired(t, id, 1));
        assertThat(catalog.publishedServices(t)).isEmpty();
        assertThat(catalog.service(t, id).orElseThrow().status()).isEqualTo(ServiceStatus.RETIRED);
        assertThatThrownBy(() -> TenantContext.run(t, () -> jdbc.sql(
                "update service_version set status = 'PUBLISHED' where tenant_id = ? and service_id = ?").params(t.value(), id).update()))
                .isInstanceOf(DataAccessException.class);
        // a retired service comes back through a new draft of its last design
        ServiceVersion again = catalog.newDraft(t, id);
        assertThat(again.version()).isEqualTo(2);
        catalog.publish(t, id, 2);
        assertThat(catalog.service(t, id).orElseThrow().status()).isEqualTo(ServiceStatus.PUBLISHED);
    }

    @Test
    void publishingIsRefusedWithTheProblemsAndChangesNothing() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        UUID id = create(s, with(valid(), b -> b.fee(java.math.BigDecimal.valueOf(-5)))).serviceId();
        assertThatThrownBy(() -> catalog.publish(t, id, 1)).isInstanceOfSatisfying(DesignRejected.class,
                e -> assertThat(e.problems()).extracting(DesignProblem::code).containsExactly("catalog.check.negative-fee"));
        assertThat(catalog.version(t, id, 1).orElseThrow().status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(events.stream(ServicePublished.class)).isEmpty();
        // an agency named in a step must exist in this tenant
        ServiceDesign otherAgency = with(valid(), b -> b.steps(
                new ServiceDesign.Step("TEKNIS", "Kajian", null, "PETUGAS_INSTANSI", "DPMPTSP", 1, List.of("APPROVE"), null, false),
                CatalogSamples.step("TTD", 1, null, true)));
        assertThat(catalog.check(t, otherAgency)).extracting(DesignProblem::code).containsExactly("catalog.check.unknown-agency");
        fixtures.newAgency(s.tenant(), "DPMPTSP");
        assertThat(catalog.check(t, otherAgency)).isEmpty();
    }

    @Test
    void draftsMustHaveANameAKindCodeAndAnAgencyOfTheTenant() {
        Setup s = setup();
        Setup other = setup();
        TenantId t = s.tenant().id();
        assertThatThrownBy(() -> create(s, with(valid(), b -> {
            b.name = " ";
            b.kindCode = "akta kelahiran!";
            return b;
        }))).isInstanceOfSatisfying(id.gerai.platform.InvalidInput.class, e -> assertThat(e.fields())
                .containsEntry("name", "validation.required").containsEntry("kindCode", "catalog.design.kind-code"));
        assertThatThrownBy(() -> catalog.create(t, new CatalogApi.NewService(other.agency(), valid(), null)))
                .isInstanceOfSatisfying(id.gerai.platform.InvalidInput.class, e -> assertThat(e.fields()).containsKey("agencyId"));
        // the kind code is tidied, and an unfinished draft is fine until it is published
        ServiceVersion v = create(s, with(valid(), b -> {
            b.kindCode = " akta_kelahiran ";
            b.channels = List.of();
            return b;
        }));
        assertThat(v.design().kindCode()).isEqualTo("AKTA_KELAHIRAN");
        assertThat(catalog.check(t, v.design())).extracting(DesignProblem::code).containsExactly("catalog.check.no-channel");
    }

    @Test
    void slugsAreUniqueWithinATenant() {
        Setup s = setup();
        Setup other = setup();
        assertThat(catalog.service(s.tenant().id(), create(s, valid()).serviceId()).orElseThrow().slug()).isEqualTo("akta-kelahiran");
        UUID second = create(s, valid()).serviceId();
        assertThat(catalog.service(s.tenant().id(), second).orElseThrow().slug()).isEqualTo("akta-kelahiran-2");
        assertThat(catalog.serviceBySlug(s.tenant().id(), "akta-kelahiran-2").orElseThrow().id()).isEqualTo(second);
        UUID elsewhere = create(other, valid()).serviceId();
        assertThat(catalog.service(other.tenant().id(), elsewhere).orElseThrow().slug()).isEqualTo("akta-kelahiran");
    }

    @Test
    void historySaysWhatChangedBetweenVersions() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        UUID id = create(s, valid()).serviceId();
        catalog.publish(t, id, 1);
        catalog.newDraft(t, id);
        catalog.updateDraft(t, id, with(valid(), b -> {
            b.form = FormFields.put(b.form, FormFields.Field.of("namaAyah", Widget.TEXT, false, "Nama ayah", "Father's name"));
            b.fee = java.math.BigDecimal.valueOf(10000);
            return b;
        }), "tambah nama ayah");
        List<VersionEntry> history = catalog.history(t, id);
        assertThat(history).extracting(VersionEntry::version).containsExactly(2, 1);
        assertThat(history.getFirst().status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(history.getFirst().changeNote()).isEqualTo("tambah nama ayah");
        assertThat(history.getFirst().changes()).containsExactly(new DesignChange(Part.FEE, null, Kind.CHANGED),
                new DesignChange(Part.FIELD, "namaAyah", Kind.ADDED));
        assertThat(history.getLast().changes()).isEmpty();
    }

    @Test
    void discardingADraft() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        UUID id = create(s, valid()).serviceId();
        catalog.publish(t, id, 1);
        catalog.newDraft(t, id);
        catalog.discardDraft(t, id);
        assertThat(catalog.draft(t, id)).isEmpty();
        assertThat(catalog.current(t, id)).isPresent();
        UUID onlyDraft = create(s, valid("SURAT_PINDAH", "Surat Pindah")).serviceId();
        catalog.discardDraft(t, onlyDraft);
        assertThat(catalog.service(t, onlyDraft)).isEmpty();
    }

    @Test
    void aTenantCannotSeeAnotherTenantsServices() {
        Setup a = setup();
        Setup b = setup();
        UUID bService = create(b, valid()).serviceId();
        assertThat(catalog.service(a.tenant().id(), bService)).isEmpty();
        assertThat(catalog.currentVersion(a.tenant().id(), bService)).isEmpty();
        assertThat(catalog.currentVersion(b.tenant().id(), bService)).isPresent();
        assertThat(catalog.version(a.tenant().id(), bService, 1)).isEmpty();
        assertThat(catalog.services(a.tenant().id())).isEmpty();
        // even a statement that forgets its tenant filter sees nothing of B from A's scope
        long seen = TenantContext.call(a.tenant().id(), () -> jdbc.sql("select count(*) from service_version where service_id = ?")
                .param(bService).query(Long.class).single());
        assertThat(seen).isZero();
        assertThat(TenantContext.call(a.tenant().id(), () -> jdbc.sql(
                        "update service_version set change_note = 'x' where service_id = ?").param(bService).update())).isZero();
        // and outside any scope, nothing at all
        assertThat(jdbc.sql("select count(*) from service where id = ?").param(bService).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> catalog.publish(a.tenant().id(), bService, 1)).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-service-not-found"));
    }

    @Test
    void everyChangeIsAudited() {
        Setup s = setup();
        TenantId t = s.tenant().id();
        UUID id = create(s, valid()).serviceId();
        catalog.updateDraft(t, id, with(valid(), b -> b.timeLimitDays(4)), null);
        catalog.publish(t, id, 1);
        catalog.newDraft(t, id);
        catalog.discardDraft(t, id);
        catalog.retire(t, id, 1);
        catalog.importDesign(t, s.agency(), catalog.export(t, id, 1));
        List<AuditEntry> entries = TenantContext.call(t, () -> audit.list(t, "catalog.service.", 0, 50)).entries();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("catalog.service.imported", "catalog.service.retired",
                "catalog.service.draft-discarded", "catalog.service.draft-created", "catalog.service.published",
                "catalog.service.draft-updated", "catalog.service.created");
        AuditEntry published = entries.get(4);
        assertThat(published.entityType()).isEqualTo("service");
        assertThat(published.entityId()).isEqualTo(id.toString());
        assertThat(published.after()).contains("\"currentVersion\"", "\"designSha256\"", "AKTA_KELAHIRAN");
    }

    @Test
    void replicationRecordsTheOriginAndCountsCopies() {
        Setup origin = setup();
        Setup copier = setup();
        Setup another = setup();
        TenantId o = origin.tenant().id();
        String kind = "UJI_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID source = create(origin, valid(kind, "Layanan Teladan")).serviceId();
        assertThatThrownBy(() -> catalog.copy(copier.tenant().id(), copier.agency(), o, source, 1))
                .isInstanceOfSatisfying(GeraiException.class, e -> assertThat(e.code()).isEqualTo("catalog-source-not-published"));
        catalog.publish(o, source, 1);
        assertThat(catalog.publishedDesigns(kind, null)).singleElement().satisfies(d -> {
            assertThat(d.tenant()).isEqualTo(o);
            assertThat(d.tenantSlug()).isEqualTo(origin.tenant().slug());
            assertThat(d.agencyName()).isEqualTo("Dinas DUKCAPIL");
            assertThat(d.copies()).isZero();
        });
        assertThat(catalog.publishedDesigns(null, "layanan teladan")).extracting(PublishedDesign::serviceId).contains(source);
        assertThat(catalog.publishedDesigns(kind, "tidak ada yang cocok 100%")).isEmpty();

        ServiceVersion copy = catalog.copy(copier.tenant().id(), copier.agency(), o, source, 1);
        assertThat(copy.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(copy.design()).isEqualTo(catalog.version(o, source, 1).orElseThrow().design());
        ServiceSummary summary = catalog.service(copier.tenant().id(), copy.serviceId()).orElseThrow();
        assertThat(summary.origin()).isEqualTo(new Origin(o, source, 1));
        // modify, then publish
        catalog.updateDraft(copier.tenant().id(), copy.serviceId(), with(copy.design(), b -> {
            b.channels = List.of("ONLINE", "MPP", "VILLAGE_OFFICE");
            return b;
        }), "juga di kantor desa");
        catalog.publish(copier.tenant().id(), copy.serviceId(), 1);
        catalog.copy(another.tenant().id(), another.agency(), o, source, 1);
        catalog.copy(another.tenant().id(), another.agency(), o, source, 1); // twice in one tenant: still one tenant

        Copies copies = catalog.copiesOf(o, source);
        assertThat(copies.tenants()).isEqualTo(2);
        assertThat(copies.copies()).hasSize(3);
        assertThat(copies.copies().getFirst().tenant()).isEqualTo(copier.tenant().id());
        assertThat(copies.copies().getFirst().status()).isEqualTo(ServiceStatus.PUBLISHED);
        assertThat(copies.copies().getFirst().tenantName()).isEqualTo(copier.tenant().name());
        assertThat(catalog.publishedDesigns(kind, null)).filteredOn(d -> d.serviceId().equals(source))
                .singleElement().satisfies(d -> assertThat(d.copies()).isEqualTo(2));
        assertThat(TenantContext.call(copier.tenant().id(), () -> audit.list(copier.tenant().id(), "catalog.service.copied", 0, 5))
                .entries()).singleElement().satisfies(e -> assertThat(e.after()).contains(source.toString()));
    }

    @Test
    void submittedDataIsCheckedWithTheRealNikAndRegionRules() {
        Region village = regions.children(regions.children("36.71").getFirst().code()).getFirst();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("namaAnak", "Budi");
        data.put("tanggalLahir", "2026-01-15");
        data.put("jenisKelamin", "L");
        data.put("nikIbu", "9971014501900001");
        data.put("tempatLahir", village.code());
        data.put("saksi", List.of(Map.of("nama", "Andi", "nik", "3671013202900001")));
        FormValidation result = forms.validate(valid().form(), data);
        assertThat(result.byPath()).containsOnlyKeys("nikIbu", "saksi[0].nik");
        assertThat(result.byPath().get("nikIbu").code()).isEqualTo("catalog.form.error.nik.province");
        assertThat(result.byPath().get("saksi[0].nik").code()).isEqualTo("catalog.form.error.nik.birth-date");
        data.put("nikIbu", "3671014501900001");
        data.put("saksi", List.of(Map.of("nama", "Andi", "nik", "3671010101800002")));
        assertThat(forms.validate(valid().form(), data).valid()).isTrue();
        data.put("tempatLahir", "36.71");
        assertThat(forms.validate(valid().form(), data).byPath().get("tempatLahir").code()).isEqualTo("catalog.form.error.region-village");
        data.put("tempatLahir", "36.71.99.9999");
        assertThat(forms.validate(valid().form(), data).byPath().get("tempatLahir").code()).isEqualTo("catalog.form.error.format.region-code");
    }
}
