package id.gerai.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServicePublished;
import id.gerai.catalog.web.SearchRepository.Filter;
import id.gerai.catalog.web.SearchRepository.Hit;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search over a real index: what citizens type (abbreviations, everyday words, misspellings) finds
 * the right service first; filters narrow; the index follows publications. Each test has its own tenant.
 */
@GeraiIntegrationTest
@Import(CatalogTestData.class)
class CatalogSearchTests {

    /** What a typical MPP offers, enough to make wrong answers possible. */
    static final List<String> KINDS = List.of("KTP_EL_BARU", "KTP_EL_GANTI", "KK_BARU", "KK_UBAH", "KIA", "AKTA_KELAHIRAN",
            "AKTA_KELAHIRAN_TERLAMBAT", "AKTA_KEMATIAN", "AKTA_PERKAWINAN", "PINDAH_KELUAR", "PINDAH_DATANG", "SK_DOMISILI",
            "SKTM", "SKCK", "SIM_BARU", "NIB", "IUMK", "PBG", "IZIN_REKLAME", "PAJAK_REKLAME", "IZIN_PRAKTIK_DOKTER",
            "SURAT_SEHAT", "PASPOR", "PBB_BARU", "SERTIFIKAT_TANAH", "KARTU_KUNING", "PPDB", "SK_KELAHIRAN_DESA");

    @Autowired Fixtures fixtures;
    @Autowired CatalogTestData data;
    @Autowired CatalogSearch search;
    @Autowired CatalogIndexer indexer;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;

    Tenant tenant;
    UUID dukcapil;
    UUID dpmptsp;
    final Map<String, UUID> ids = new HashMap<>();

    @BeforeEach
    void aRegionWithItsServices() {
        tenant = fixtures.newTenant();
        dukcapil = fixtures.newAgency(tenant, "DUKCAPIL");
        dpmptsp = fixtures.newAgency(tenant, "DPMPTSP");
        for (String kind : KINDS) {
            SampleServices.Sample s = SampleServices.byKind(kind);
            UUID agency = s.category().equals("PERIZINAN") ? dpmptsp : dukcapil;
            ids.put(kind, data.publish(tenant, agency, s.slug(), s.design()));
        }
    }

    private List<String> names(String query) {
        return names(query, filter());
    }

    private List<String> names(String query, Filter filter) {
        return search.search(query, filter, 1).hits().stream().map(Hit::name).toList();
    }

    private Filter filter() {
        return new Filter(tenant.id(), null, null, null, null);
    }

    private static String name(String kind) {
        return SampleServices.byKind(kind).name();
    }

    @Test
    void abbreviationsFindTheServiceTheyStandFor() {
        assertThat(names("ktp").subList(0, 2)).containsExactlyInAnyOrder(name("KTP_EL_BARU"), name("KTP_EL_GANTI"));
        assertThat(names("KTP-el")).first().isEqualTo(name("KTP_EL_BARU"));
        assertThat(names("e-ktp")).first().isIn(name("KTP_EL_BARU"), name("KTP_EL_GANTI"));
        assertThat(names("skck")).first().isEqualTo(name("SKCK"));
        assertThat(names("kk")).first().isEqualTo(name("KK_BARU"));
        assertThat(names("kia")).first().isEqualTo(name("KIA"));
        assertThat(names("sktm")).first().isEqualTo(name("SKTM"));
        assertThat(names("imb")).first().isEqualTo(name("PBG"));
        assertThat(names("nib")).first().isEqualTo(name("NIB"));
        assertThat(names("sip")).first().isEqualTo(name("IZIN_PRAKTIK_DOKTER"));
    }

    @Test
    void everydayWordsFindTheOfficialName() {
        assertThat(names("akta lahir")).first().isEqualTo(name("AKTA_KELAHIRAN"));
        assertThat(names("akte kelahiran")).first().isEqualTo(name("AKTA_KELAHIRAN"));
        assertThat(names("izin usaha")).first().isIn(name("NIB"), name("IUMK"));
        assertThat(names("izin usaha").subList(0, 2)).containsExactlyInAnyOrder(name("NIB"), name("IUMK"));
        assertThat(names("pindah").subList(0, 2)).containsExactlyInAnyOrder(name("PINDAH_DATANG"), name("PINDAH_KELUAR"));
        assertThat(names("domisili")).first().isEqualTo(name("SK_DOMISILI"));
        assertThat(names("cara bikin kartu keluarga")).first().isEqualTo(name("KK_BARU"));
        assertThat(names("kartu kuning")).first().isEqualTo(name("KARTU_KUNING"));
        assertThat(names("passport")).first().isEqualTo(name("PASPOR"));
    }

    @Test
    void misspellingsStillFindTheService() {
        assertThat(names("akta kelahran")).first().isEqualTo(name("AKTA_KELAHIRAN"));
        assertThat(names("skkc")).first().isEqualTo(name("SKCK"));
        assertThat(names("izin rekalme")).first().isEqualTo(name("IZIN_REKLAME"));
        assertThat(names("kartu keluraga")).first().isEqualTo(name("KK_BARU"));
        assertThat(names("sertifkat tnah")).first().isEqualTo(name("SERTIFIKAT_TANAH"));
        CatalogSearch.Result r = search.search("akta kelahran", filter(), 1);
        assertThat(r.mode()).isEqualTo(CatalogSearch.Mode.ALL_WORDS);
        assertThat(r.query().searched()).isEqualTo("akta kelahiran");
    }

    @Test
    void halfTypedWordsMatchAsPrefixes() {
        assertThat(names("akta kela")).first().isEqualTo(name("AKTA_KELAHIRAN"));
        assertThat(names("paspo")).first().isEqualTo(name("PASPOR"));
    }

    @Test
    void exactNamesComeBeforePrefixesBeforePhrasesBeforeOtherMatches() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DISDUK");
        ServiceDesign base = SampleServices.byKind("AKTA_KELAHIRAN").design();
        data.publish(t, agency, "d", withName(base, "Surat Pengantar Kelurahan", "Syarat untuk membuat akta kelahiran."));
        data.publish(t, agency, "c", withName(base, "Pencatatan Akta Kelahiran Anak", "Pencatatan."));
        data.publish(t, agency, "b", withName(base, "Akta Kelahiran Pelaporan Terlambat", "Pencatatan."));
        data.publish(t, agency, "a", withName(base, "Akta Kelahiran", "Pencatatan."));
        data.publish(t, agency, "e", withName(base, "Kartu Identitas Anak", "Untuk anak."));
        CatalogSearch.Result r = search.search("akta kelahiran", new Filter(t.id(), null, null, null, null), 1);
        assertThat(r.hits()).extracting(Hit::name).containsExactly("Akta Kelahiran", "Akta Kelahiran Pelaporan Terlambat",
                "Pencatatan Akta Kelahiran Anak", "Surat Pengantar Kelurahan");
        assertThat(r.hits()).extracting(Hit::tier).containsExactly(0, 1, 2, 3);
        assertThat(r.total()).isEqualTo(4);
    }

    @Test
    void acrossTenantsTheRankingIsTheSameAndPagesContinueFromNameMatchesToOtherMatches() {
        String word = "zq" + java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Tenant other = fixtures.newTenant();
        UUID agency = fixtures.newAgency(other, "DISDUK");
        ServiceDesign base = SampleServices.byKind("AKTA_KELAHIRAN").design();
        for (Tenant t : List.of(tenant, other)) {
            UUID a = t == tenant ? dukcapil : agency;
            data.publish(t, a, word + "-a", withName(base, word + " Kelahiran", "Pencatatan."));
            data.publish(t, a, word + "-b", withName(base, word + " Kelahiran Pelaporan Terlambat", "Pencatatan."));
            data.publish(t, a, word + "-c", withName(base, "Pencatatan " + word + " Kelahiran Anak", "Pencatatan."));
            for (int i = 0; i < 10; i++) {
                data.publish(t, a, word + "-d" + i, withName(base, "Surat Pengantar Nomor " + i, "Syarat " + word + " kelahiran."));
            }
        }
        String query = word + " kelahiran";
        CatalogSearch.Result mine = search.search(query, filter(), 1);
        assertThat(mine.hits()).extracting(Hit::tier).startsWith(0, 1, 2, 3);
        CatalogSearch.Result first = search.search(query, Filter.NONE, 1);
        CatalogSearch.Result second = search.search(query, Filter.NONE, 2);
        assertThat(first.total()).isEqualTo(26);
        assertThat(second.total()).isEqualTo(26);
        assertThat(first.hits()).hasSize(20);
        assertThat(second.hits()).hasSize(6);
        List<Hit> all = new java.util.ArrayList<>(first.hits());
        all.addAll(second.hits());
        assertThat(all).extracting(h -> h.tenantSlug() + "/" + h.slug()).doesNotHaveDuplicates().hasSize(26);
        assertThat(all).extracting(Hit::tier).isSorted();
        assertThat(all.subList(0, 6)).extracting(Hit::name).containsExactly(word + " Kelahiran", word + " Kelahiran",
                word + " Kelahiran Pelaporan Terlambat", word + " Kelahiran Pelaporan Terlambat",
                "Pencatatan " + word + " Kelahiran Anak", "Pencatatan " + word + " Kelahiran Anak");
        assertThat(search.search(query, Filter.NONE, 3).hits()).isEmpty();
        assertThat(search.search(query, Filter.NONE, 3).total()).isEqualTo(26);
    }

    @Test
    void whenNoServiceHasAllTheWordsThoseWithSomeAreOffered() {
        CatalogSearch.Result r = search.search("paspor sertifikat tanah", filter(), 1);
        assertThat(r.mode()).isEqualTo(CatalogSearch.Mode.SOME_WORDS);
        assertThat(r.hits()).extracting(Hit::name).contains(name("PASPOR"), name("SERTIFIKAT_TANAH"));
        CatalogSearch.Result nonsense = search.search("qqqqqq wwwwww", filter(), 1);
        assertThat(nonsense.mode()).isEqualTo(CatalogSearch.Mode.NOTHING);
        assertThat(nonsense.hits()).isEmpty();
        assertThat(nonsense.query().ignored()).containsExactly("qqqqqq", "wwwwww");
    }

    @Test
    void filtersNarrowByCategoryLifeEventChannelAndAgency() {
        assertThat(search.search("", new Filter(tenant.id(), null, "PERIZINAN", null, null), 1).hits())
                .extracting(Hit::category).containsOnly("PERIZINAN").hasSize(4);
        assertThat(names("", new Filter(tenant.id(), null, null, "KELAHIRAN", null)))
                .contains(name("AKTA_KELAHIRAN"), name("KIA"), name("SK_KELAHIRAN_DESA")).doesNotContain(name("SKCK"));
        assertThat(search.search("", new Filter(tenant.id(), null, null, null, "VILLAGE_OFFICE"), 1).hits())
                .extracting(Hit::channels).allMatch(c -> c.contains("VILLAGE_OFFICE"));
        assertThat(names("", new Filter(tenant.id(), null, null, null, "VILLAGE_OFFICE"))).contains(name("SKTM"))
                .doesNotContain(name("PASPOR"));
        assertThat(search.search("", new Filter(tenant.id(), "DPMPTSP", null, null, null), 1).hits())
                .extracting(Hit::agencyCode).containsOnly("DPMPTSP").hasSize(4);
        assertThat(names("akta", new Filter(tenant.id(), null, null, "KEMATIAN", null))).containsExactly(name("AKTA_KEMATIAN"));
        assertThat(names("ktp", new Filter(tenant.id(), "DPMPTSP", null, null, null))).isEmpty();
    }

    @Test
    void theCatalogueAcrossTenantsListsEveryTenantAndOneTenantOnlyItsOwn() {
        Tenant other = fixtures.newTenant();
        UUID agency = fixtures.newAgency(other, "DINKOP");
        String unique = "Izin Budidaya Walet " + UUID.randomUUID().toString().substring(0, 6);
        ServiceDesign design = withName(SampleServices.byKind("IUMK").design(), unique, "Budidaya sarang walet.");
        data.publish(other, agency, "walet", design);
        data.publish(tenant, dpmptsp, "walet", design);
        List<Hit> all = search.search(unique, Filter.NONE, 1).hits();
        assertThat(all).extracting(Hit::tenantSlug).containsExactlyInAnyOrder(tenant.slug(), other.slug());
        assertThat(search.search(unique, new Filter(other.id(), null, null, null, null), 1).hits())
                .extracting(Hit::tenantSlug).containsExactly(other.slug());
    }

    @Test
    void theIndexFollowsPublicationsAndRetirements() {
        UUID skck = ids.get("SKCK");
        assertThat(names("skck")).contains(name("SKCK"));

        ServiceDesign renamed = withName(SampleServices.byKind("SKCK").design(), "Surat Keterangan Catatan Kepolisian Daring", "Baru.");
        data.publishNewVersion(tenant, skck, renamed, "Sekarang daring");
        assertThat(names("skck")).contains("Surat Keterangan Catatan Kepolisian Daring").doesNotContain(name("SKCK"));
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql("select version from service_search where tenant_id = ? and service_id = ?")
                .params(tenant.id().value(), skck).query(Integer.class).single())).isEqualTo(2);

        data.retire(tenant, skck);
        assertThat(names("skck")).doesNotContain("Surat Keterangan Catatan Kepolisian Daring", name("SKCK"));

        UUID draft = data.draftOnly(tenant, dukcapil, "draf", withName(SampleServices.byKind("SKCK").design(), "Layanan Rahasia Draf", "x"));
        assertThat(names("layanan rahasia draf")).isEmpty();
        assertThat(draft).isNotNull();
    }

    @Test
    void anEventForAVersionThatIsNotPublishedFailsThePublication() {
        UUID draft = data.draftOnly(tenant, dukcapil, "draf-2", SampleServices.byKind("KIA").design());
        assertThatThrownBy(() -> TenantContext.run(tenant.id(), () -> tx.executeWithoutResult(s ->
                events.publishEvent(new ServicePublished(tenant.id(), draft, 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DRAFT");
    }

    @Test
    void reindexAllRebuildsWhatWasLost() {
        TenantContext.run(tenant.id(), () -> jdbc.sql("delete from service_search where tenant_id = ?").params(tenant.id().value()).update());
        assertThat(names("skck")).isEmpty();
        int indexed = indexer.reindex(tenant);
        assertThat(indexed).isEqualTo(KINDS.size());
        assertThat(names("skck")).first().isEqualTo(name("SKCK"));
    }

    @Test
    void pagesHoldTwentyAndCountAll() {
        CatalogSearch.Result first = search.search("", filter(), 1);
        assertThat(first.total()).isEqualTo(KINDS.size());
        assertThat(first.hits()).hasSize(20);
        assertThat(first.pages()).isEqualTo(2);
        CatalogSearch.Result second = search.search("", filter(), 2);
        assertThat(second.hits()).hasSize(KINDS.size() - 20);
        assertThat(second.hits()).extracting(Hit::name).doesNotContainAnyElementsOf(first.hits().stream().map(Hit::name).toList());
    }

    static ServiceDesign withName(ServiceDesign d, String name, String summary) {
        return new ServiceDesign(d.format(), name, null, summary, null, "UJI", d.category(), d.lifeEvents(), d.channels(),
                d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(), d.procedure(), d.output());
    }
}
