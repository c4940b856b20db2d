package id.gerai.catalog.web;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceVersion;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public service page tells what changed between versions and which regions copied the design. */
@GeraiIntegrationTest
class CatalogLineageIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CatalogApi catalog;

    @Test
    void servicePageShowsChangesPerVersionAndWhoCopiedIt() throws Exception {
        Tenant origin = fixtures.newTenant();
        Tenant copier = fixtures.newTenant();
        UUID agency = fixtures.newAgency(origin, "DUKCAPIL");
        UUID copierAgency = fixtures.newAgency(copier, "DUKCAPIL");
        ServiceVersion v1 = catalog.create(origin.id(), new CatalogApi.NewService(agency, CatalogSamples.valid("SURAT_UJI", "Surat Uji Garis Keturunan"), null));
        catalog.publish(origin.id(), v1.serviceId(), v1.version());
        ServiceVersion v2 = catalog.newDraft(origin.id(), v1.serviceId());
        catalog.updateDraft(origin.id(), v1.serviceId(), CatalogSamples.with(v2.design(), b -> b.fee(new BigDecimal("10000"))), "Biaya baru");
        catalog.publish(origin.id(), v1.serviceId(), v2.version());
        ServiceVersion copy = catalog.copy(copier.id(), copierAgency, origin.id(), v1.serviceId(), v2.version());
        catalog.publish(copier.id(), copy.serviceId(), copy.version());
        String slug = catalog.service(origin.id(), v1.serviceId()).orElseThrow().slug();
        String copySlug = catalog.service(copier.id(), copy.serviceId()).orElseThrow().slug();

        mvc.perform(get("/t/" + origin.slug() + "/services/" + slug).header("Accept-Language", "id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/t/" + copier.slug() + "/services/" + copySlug + "\"")))
                .andExpect(content().string(containsString(copier.name())))
                .andExpect(content().string(containsString("Biaya baru")))
                .andExpect(content().string(containsString("diubah: Biaya/tarif")));
    }
}
