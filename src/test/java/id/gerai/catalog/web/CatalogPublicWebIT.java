package id.gerai.catalog.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.catalog.ServiceDesign;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalogue pages as an anonymous visitor gets them, security filters included. */
@GeraiIntegrationTest
@Import(CatalogTestData.class)
class CatalogPublicWebIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogTestData data;
    @Autowired TenancyApi tenancy;

    Tenant tenant;
    UUID dukcapil;
    UUID polres;
    UUID skck;
    /** A word no other test's services hold, to search this test's services across all tenants. */
    String marker;

    @BeforeEach
    void aRegionWithServicesAndServicePoints() {
        tenant = fixtures.newTenant();
        dukcapil = fixtures.newAgency(tenant, "DUKCAPIL");
        polres = fixtures.newAgency(tenant, "POLRES");
        tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MPP-1", "Gedung MPP Pusat Kota", ServicePointKind.MPP,
                "Jl. Merdeka No. 1", null, 20));
        tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MALL-1", "Gerai MPP Mal Raya", ServicePointKind.MALL,
                "Mal Raya Lantai 2", null, 4));
        marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "x");
        skck = data.publish(tenant, polres, "skck", SampleServices.byKind("SKCK").design());
        data.publish(tenant, dukcapil, "akta-kelahiran", SampleServices.byKind("AKTA_KELAHIRAN").design());
        data.publish(tenant, dukcapil, "kk-baru", SampleServices.byKind("KK_BARU").design());
        data.publish(tenant, dukcapil, "marked", named(SampleServices.byKind("KIA").design(), "Layanan Uji " + marker));
    }

    static ServiceDesign named(ServiceDesign d, String name) {
        return new ServiceDesign(d.format(), name, name + " (en)", d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(), d.procedure(), d.output());
    }

    static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // --- the catalogue ---------------------------------------------------------------------------------------

    @Test
    void theCatalogueAcrossTenantsListsEveryTenantsServiceWithoutJavaScript() throws Exception {
        Tenant other = fixtures.newTenant();
        UUID agency = fixtures.newAgency(other, "DUKCAPIL");
        data.publish(other, agency, "marked", named(SampleServices.byKind("SKCK").design(), "Layanan Uji " + marker));

        String html = mvc.perform(get("/services").param("q", marker.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content().string(containsString("<label for=\"catalog-q\">Cari layanan</label>")))
                .andExpect(content().string(containsString("value=\"" + marker.toLowerCase() + "\"")))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services/marked\"")))
                .andExpect(content().string(containsString("href=\"/t/" + other.slug() + "/services/marked\"")))
                .andExpect(content().string(containsString(tenant.name())))
                .andExpect(content().string(containsString(other.name())))
                .andExpect(content().string(containsString("<dd>Rp 30.000</dd>")))
                .andExpect(content().string(containsString("<dd>Gratis</dd>")))
                .andExpect(content().string(containsString("<dd>1 hari kerja</dd>")))
                .andExpect(content().string(containsString("2 layanan ditemukan")))
                .andExpect(content().string(not(containsString("hx-swap-oob"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(count(html, "<h1")).isEqualTo(1);
        assertThat(html).contains("<main id=\"main\"").contains("role=\"search\"");
    }

    @Test
    void aMisspeltSearchSaysWhatItSearchedFor() throws Exception {
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("q", "akta kelahran"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Menampilkan hasil untuk \u201cakta kelahiran\u201d.")))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services/akta-kelahiran\"")))
                .andExpect(content().string(not(containsString("/services/skck\""))));
    }

    @Test
    void withNothingAskedTheCatalogueOffersCategoriesAndLifeEventsWithCounts() throws Exception {
        String html = mvc.perform(get("/services"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Telusuri menurut kategori")))
                .andExpect(content().string(containsString("href=\"/services?category=KEPOLISIAN\"")))
                .andExpect(content().string(containsString("href=\"/services?event=KELAHIRAN\"")))
                .andExpect(content().string(matchesPattern("(?s).*Kepolisian \\(\\d+\\)</a>.*")))
                .andExpect(content().string(not(containsString("class=\"results\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("<h1")).isLessThan(html.indexOf("<h2"));
        // browsing a category keeps the tenant chosen in the filter
        mvc.perform(get("/services").param("tenant", tenant.slug()).param("category", "KEPOLISIAN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services/skck\"")))
                .andExpect(content().string(not(containsString("/services/akta-kelahiran\""))))
                .andExpect(content().string(containsString("href=\"/services?tenant=" + tenant.slug() + "&amp;category=KEPENDUDUKAN\"")))
                .andExpect(content().string(containsString("id=\"catalog-agency\"")))
                .andExpect(content().string(containsString("aria-current=\"true\"")));
    }

    @Test
    void htmxGetsOnlyTheResults() throws Exception {
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("q", "skck").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("<form"))))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services/skck\"")))
                .andExpect(content().string(containsString("<p id=\"catalog-status\" hx-swap-oob=\"innerHTML\">")))
                .andExpect(content().string(containsString("id=\"catalog-agency-field\" class=\"field\" hx-swap-oob=\"true\"")));
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("q", "skck").header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true"))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void aTenantsCatalogueBrowsesByAgencyAndServicePoint() throws Exception {
        mvc.perform(get("/t/" + tenant.slug() + "/services"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Layanan " + tenant.name())))
                .andExpect(content().string(containsString("4 layanan.")))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services?agency=POLRES\"")))
                .andExpect(content().string(containsString("Dinas POLRES (1)")))
                .andExpect(content().string(containsString("Gedung MPP Pusat Kota (4)")))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services?point=MALL-1\"")));
        // SKCK and KIA are served at the mall counter, the birth certificate and the family card are not
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("point", "MALL-1"))
                .andExpect(content().string(containsString("/services/skck\"")))
                .andExpect(content().string(containsString("/services/marked\"")))
                .andExpect(content().string(not(containsString("/services/akta-kelahiran\""))))
                .andExpect(content().string(containsString("name=\"point\" value=\"MALL-1\"")));
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("agency", "POLRES"))
                .andExpect(content().string(containsString("/services/skck\"")))
                .andExpect(content().string(not(containsString("/services/kk-baru\""))));
    }

    @Test
    void badFilterValuesAreExplainedNotFailed() throws Exception {
        mvc.perform(get("/services").param("category", "ASTRONOMI").param("q", "x".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kategori ini tidak dikenal.")))
                .andExpect(content().string(containsString("Teks pencarian paling banyak 100 karakter.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(get("/t/" + tenant.slug() + "/services").param("agency", "TIDAK-ADA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Instansi ini tidak ada di daerah yang dipilih.")));
    }

    // --- one service ---------------------------------------------------------------------------------------

    @Test
    void theServicePageShowsTheSixPublishedComponentsAndWhereItIsServed() throws Exception {
        String html = mvc.perform(get("/t/" + tenant.slug() + "/services/skck"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 id=\"service-heading\">Surat Keterangan Catatan Kepolisian (SKCK)</h1>")))
                .andExpect(content().string(containsString("<h3>Persyaratan</h3>")))
                .andExpect(content().string(containsString("<h3>Sistem, mekanisme, dan prosedur</h3>")))
                .andExpect(content().string(containsString("<h3>Jangka waktu pelayanan</h3>")))
                .andExpect(content().string(containsString("<h3>Biaya/tarif</h3>")))
                .andExpect(content().string(containsString("<h3>Produk pelayanan</h3>")))
                .andExpect(content().string(containsString("<h3>Penanganan pengaduan, saran, dan masukan</h3>")))
                .andExpect(content().string(not(containsString("Dasar hukum"))))
                // documents: name, mandatory, types and size, in a table with a caption and header scopes
                .andExpect(content().string(containsString("<caption>Dokumen yang perlu diunggah</caption>")))
                .andExpect(content().string(containsString("<th scope=\"row\">Kartu Keluarga</th>")))
                .andExpect(content().string(containsString("<td>PDF, JPEG, PNG</td>")))
                .andExpect(content().string(containsString("<td>2 MB</td>")))
                .andExpect(content().string(containsString("<td>Tidak wajib</td>")))
                // steps and their time limits
                .andExpect(content().string(containsString("Verifikasi berkas")))
                .andExpect(content().string(containsString("(paling lama 1 hari kerja)")))
                .andExpect(content().string(containsString("Selesai pada hari yang sama")))
                .andExpect(content().string(containsString("<strong>Rp 30.000</strong>")))
                // where: MPP and mall points with addresses; online without a point
                .andExpect(content().string(containsString("Gedung MPP Pusat Kota")))
                .andExpect(content().string(containsString("Jl. Merdeka No. 1")))
                .andExpect(content().string(containsString("Mal Raya Lantai 2")))
                .andExpect(content().string(containsString("Ajukan secara daring melalui Gerai")))
                // the agency's pledge
                .andExpect(content().string(containsString("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan")))
                .andExpect(content().string(containsString("Dinas POLRES, " + tenant.name())))
                .andExpect(content().string(containsString("Versi 1, terbit")))
                .andReturn().getResponse().getContentAsString();
        assertThat(count(html, "<h1")).isEqualTo(1);
        assertThat(html).doesNotContain("Ditiru oleh").doesNotContain("Direplikasi dari");
    }

    @Test
    void theServicePageShowsOnlyPublishedVersionsAndTheirHistory() throws Exception {
        ServiceDesign v2 = named(SampleServices.byKind("SKCK").design(), "SKCK Daring");
        data.publishNewVersion(tenant, skck, v2, "Permohonan sekarang bisa daring");
        data.addDraft(tenant, skck, 3, named(v2, "SKCK Rancangan Rahasia"));
        mvc.perform(get("/t/" + tenant.slug() + "/services/skck"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 id=\"service-heading\">SKCK Daring</h1>")))
                .andExpect(content().string(not(containsString("Rancangan Rahasia"))))
                .andExpect(content().string(containsString("Versi 2, terbit")))
                .andExpect(content().string(containsString("<th scope=\"row\">2</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">1</th>")))
                .andExpect(content().string(containsString("Berlaku sekarang")))
                .andExpect(content().string(containsString("Tidak berlaku sejak")))
                .andExpect(content().string(containsString("Permohonan sekarang bisa daring")))
                .andExpect(content().string(not(containsString("<th scope=\"row\">3</th>"))));
    }

    @Test
    void draftsRetiredAndUnknownServicesAreNotFound() throws Exception {
        data.draftOnly(tenant, dukcapil, "rahasia", SampleServices.byKind("KIA").design());
        mvc.perform(get("/t/" + tenant.slug() + "/services/rahasia"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Layanan ini tidak ditemukan atau belum diterbitkan.")));
        mvc.perform(get("/t/" + tenant.slug() + "/services/tidak-ada")).andExpect(status().isNotFound());
        data.retire(tenant, skck);
        mvc.perform(get("/t/" + tenant.slug() + "/services/skck")).andExpect(status().isNotFound());
        // another tenant's slug is not this tenant's service
        Tenant other = fixtures.newTenant();
        mvc.perform(get("/t/" + other.slug() + "/services/akta-kelahiran")).andExpect(status().isNotFound());
    }

    @Test
    void aCopiedServiceNamesItsOriginAndTheOriginCountsItsCopies() throws Exception {
        Tenant copier = fixtures.newTenant();
        UUID agency = fixtures.newAgency(copier, "POLSEK");
        data.publishCopy(copier, agency, "skck-tiru", SampleServices.byKind("SKCK").design(), tenant, skck);
        mvc.perform(get("/t/" + copier.slug() + "/services/skck-tiru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Direplikasi dari")))
                .andExpect(content().string(containsString("href=\"/t/" + tenant.slug() + "/services/skck\"")));
        mvc.perform(get("/t/" + tenant.slug() + "/services/skck"))
                .andExpect(content().string(containsString("Ditiru oleh 1 daerah")));
    }

    @Test
    void pagesSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(get("/t/" + tenant.slug() + "/services/skck").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 id=\"service-heading\">Police record certificate (SKCK)</h1>")))
                .andExpect(content().string(containsString("<h3>Requirements</h3>")))
                .andExpect(content().string(containsString("<strong>IDR 30,000</strong>")))
                .andExpect(content().string(containsString("Service pledge")))
                .andExpect(content().string(containsString("<td>Optional</td>")))
                .andExpect(content().string(not(containsString("Persyaratan</h3>"))));
        mvc.perform(get("/services").param("q", "akta lahir").param("tenant", tenant.slug()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Public service catalogue")))
                .andExpect(content().string(containsString("Birth certificate")))
                .andExpect(content().string(containsString("<dd>Free</dd>")))
                .andExpect(content().string(containsString("3 working days")));
    }

    // --- the pages that lead here --------------------------------------------------------------------------

    @Test
    void theTenantPageShowsItsCategoriesAndTheHomePageASearchBox() throws Exception {
        mvc.perform(get("/t/" + tenant.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/t/" + tenant.slug() + "/services?category=KEPOLISIAN\""),
                        containsString("Kepolisian (1)"), containsString("Kependudukan dan pencatatan sipil (3)"),
                        containsString("href=\"/t/" + tenant.slug() + "/services\""))));
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/services\"")))
                .andExpect(content().string(containsString("<label for=\"home-q\">Layanan apa yang Anda perlukan?</label>")));
    }
}
