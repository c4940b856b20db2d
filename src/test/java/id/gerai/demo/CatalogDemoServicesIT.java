package id.gerai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceStatus;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.catalog.Widget;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo services load and are published. The demo is off in tests, so its logic runs here on fresh
 * tenants shaped like the demo ones.
 */
@GeraiIntegrationTest
class CatalogDemoServicesIT {

    @Autowired DemoServices demo;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired Fixtures fixtures;

    @Test
    void everyDemoDesignIsPublishedForTheAgenciesATenantHas() {
        Tenant kota = fixtures.newTenant();
        for (String code : List.of("DUKCAPIL", "DPMPTSP", "POLRES", "BAPENDA", "DINKES")) {
            fixtures.newAgency(kota, code);
        }
        List<UUID> made = demo.publishAll(kota);
        assertThat(made).hasSize(11);
        Map<String, ServiceSummary> byKind = catalog.publishedServices(kota.id()).stream()
                .collect(Collectors.toMap(ServiceSummary::kindCode, Function.identity()));
        assertThat(byKind).containsOnlyKeys("AKTA_KELAHIRAN", "KTP_EL_PENGGANTIAN", "KARTU_IDENTITAS_ANAK", "PINDAH_DATANG",
                "PERSETUJUAN_BANGUNAN_GEDUNG", "IZIN_REKLAME", "SURAT_IZIN_PRAKTIK_NAKES", "SURAT_KETERANGAN_DOMISILI",
                "SURAT_KETERANGAN_TIDAK_MAMPU", "SURAT_PENGANTAR", "SKCK");
        assertThat(byKind.values()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.PUBLISHED);
            assertThat(s.currentVersion()).isEqualTo(1);
        });
        assertThat(byKind.get("AKTA_KELAHIRAN").agencyCode()).isEqualTo("DUKCAPIL");
        assertThat(byKind.get("SKCK").agencyCode()).isEqualTo("POLRES");
        assertThat(byKind.get("SURAT_PENGANTAR").agencyCode()).isEqualTo("PEMDES");
        Agency village = tenancy.agencies(kota.id()).stream().filter(a -> a.code().equals("PEMDES")).findFirst().orElseThrow();
        assertThat(village.kind()).isEqualTo(AgencyKind.VILLAGE);

        ServiceDesign skck = catalog.current(kota.id(), byKind.get("SKCK").id()).orElseThrow().design();
        assertThat(skck.fee()).isEqualByComparingTo(BigDecimal.valueOf(30000));
        ServiceDesign akta = catalog.current(kota.id(), byKind.get("AKTA_KELAHIRAN").id()).orElseThrow().design();
        assertThat(akta.fee()).isZero();
        assertThat(akta.form().ui().values()).extracting(ServiceDesign.FieldUi::widget)
                .contains(Widget.NIK, Widget.REGION, Widget.GROUP, Widget.DATE, Widget.SELECT);
        assertThat(akta.procedure().steps()).hasSizeBetween(2, 4);
        ServiceDesign pbg = catalog.current(kota.id(), byKind.get("PERSETUJUAN_BANGUNAN_GEDUNG").id()).orElseThrow().design();
        assertThat(pbg.procedure().steps()).extracting(ServiceDesign.Step::agencyCode).contains("BAPENDA");

        // a second run changes nothing
        assertThat(demo.publishAll(kota)).isEmpty();
        assertThat(catalog.services(kota.id())).hasSize(11);
    }

    @Test
    void aRegionCopiesAnotherRegionsDesignAdaptsItAndPublishes() {
        Tenant origin = fixtures.newTenant();
        fixtures.newAgency(origin, "DUKCAPIL");
        fixtures.newAgency(origin, "DPMPTSP");
        demo.publishAll(origin);
        Tenant copier = fixtures.newTenant();
        fixtures.newAgency(copier, "DISPENDUKCAPIL");
        fixtures.newAgency(copier, "DPMPTSP");

        Optional<UUID> copy = demo.copyAndPublish(copier, origin, "AKTA_KELAHIRAN", "Disalin, juga di kantor desa",
                d -> new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                        d.lifeEvents(), List.of("ONLINE", "VILLAGE_OFFICE"), d.standard(), d.fee(), d.timeLimitDays(), d.documents(),
                        d.form(), d.procedure(), d.output()));
        assertThat(copy).isPresent();
        ServiceSummary summary = catalog.service(copier.id(), copy.get()).orElseThrow();
        UUID originAkta = catalog.publishedServices(origin.id()).stream().filter(s -> s.kindCode().equals("AKTA_KELAHIRAN"))
                .findFirst().orElseThrow().id();
        assertThat(summary.origin().tenant()).isEqualTo(origin.id());
        assertThat(summary.origin().serviceId()).isEqualTo(originAkta);
        assertThat(summary.agencyCode()).isEqualTo("DISPENDUKCAPIL");
        assertThat(summary.status()).isEqualTo(ServiceStatus.PUBLISHED);
        ServiceVersion published = catalog.current(copier.id(), copy.get()).orElseThrow();
        assertThat(published.design().channels()).containsExactly("ONLINE", "VILLAGE_OFFICE");
        assertThat(published.changeNote()).isEqualTo("Disalin, juga di kantor desa");
        assertThat(catalog.copiesOf(origin.id(), originAkta).tenants()).isEqualTo(1);

        // the rest of the copier's services come from the files; steps of agencies it lacks go to the service's own
        assertThat(demo.publishAll(copier)).hasSize(9);
        ServiceSummary permit = catalog.publishedServices(copier.id()).stream()
                .filter(s -> s.kindCode().equals("SURAT_IZIN_PRAKTIK_NAKES")).findFirst().orElseThrow();
        assertThat(catalog.current(copier.id(), permit.id()).orElseThrow().design().procedure().steps())
                .extracting(ServiceDesign.Step::agencyCode).containsOnlyNulls();
        assertThat(demo.copyAndPublish(copier, origin, "AKTA_KELAHIRAN", "lagi", d -> d)).isEmpty();
    }
}
