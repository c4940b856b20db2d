package id.gerai.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.catalog.CatalogApi;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.identity.CitizenAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.survey.SurveyAnswered;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CKAN-compatible API, CSV and DCAT against CKAN's semantics, and no personal data anywhere in them. */
@GeraiIntegrationTest
class OpenDataIT {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired CitizenAccounts citizens;
    @Autowired Applications applications;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired PerformanceFigures figures;

    private final List<String> bodies = new ArrayList<>();

    private JsonNode call(String url, int expected) throws Exception {
        ResultActions r = mvc.perform(get(java.net.URI.create(url))).andExpect(status().is(expected));
        String body = r.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        bodies.add(body);
        return json.readTree(body);
    }

    @Test
    void ckanActionsAnswerLikeCkanAndPublishNoPersonalData() throws Exception {
        PerformanceSamples.Setup s = PerformanceSamples.setup(fixtures, catalog, citizens, "AKTA_KELAHIRAN", "Akta Kelahiran Terbuka");
        PerformanceSamples apps = new PerformanceSamples(applications, jdbc);
        Application done = apps.completed(s);
        apps.completed(s);
        apps.rejected(s);
        TenantId t = s.tenant().id();
        Instant now = Instant.now();
        TenantContext.run(t, () -> tx.executeWithoutResult(x -> {
            events.publishEvent(new SurveyAnswered(t, UUID.randomUUID(), s.service().serviceId(), s.agency(), null,
                    LocalDate.now(ZoneId.of("Asia/Jakarta")), List.of(4, 4, 4, 4, 4, 4, 4, 4, 4)));
            UUID c = UUID.randomUUID();
            events.publishEvent(new ComplaintFiled(t, c, s.agency(), s.service().serviceId(), null, now));
            events.publishEvent(new ComplaintAnswered(t, c, s.agency(), s.service().serviceId(), null, now, now, true));
        }));
        figures.fold();
        String slug = s.tenant().slug();
        String month = YearMonth.now(ZoneId.of("Asia/Jakarta")).toString();

        // package_list
        JsonNode list = call("/api/3/action/package_list", 200);
        assertThat(list.get("success").asBoolean()).isTrue();
        assertThat(list.get("help").asString()).endsWith("/api/3/action/help_show?name=package_list");
        List<String> names = new ArrayList<>();
        list.get("result").forEach(n -> names.add(n.asString()));
        assertThat(names).contains(slug + "-kinerja-layanan", slug + "-ikm", slug + "-pengaduan");
        assertThat(names).isSorted();

        // package_show by name and by id; unknown is CKAN's 404
        JsonNode pkg = call("/api/3/action/package_show?id=" + slug + "-kinerja-layanan", 200).get("result");
        assertThat(pkg.get("organization").get("name").asString()).isEqualTo(slug);
        assertThat(pkg.get("num_resources").asInt()).isEqualTo(1);
        String resourceId = pkg.get("resources").get(0).get("id").asString();
        assertThat(pkg.get("resources").get(0).get("url").asString()).endsWith("/open-data/" + slug + "/kinerja-layanan.csv");
        assertThat(call("/api/3/action/package_show?id=" + pkg.get("id").asString(), 200).get("result").get("name").asString())
                .isEqualTo(slug + "-kinerja-layanan");
        JsonNode missing = call("/api/3/action/package_show?id=tidak-ada", 404);
        assertThat(missing.get("success").asBoolean()).isFalse();
        assertThat(missing.get("error").get("__type").asString()).isEqualTo("Not Found Error");
        assertThat(call("/api/3/action/package_show", 409).get("error").get("id").get(0).asString()).isEqualTo("Missing value");

        // package_search: fq, rows, start, count, default rows 10, cap at 1000, bad integers
        JsonNode found = call("/api/3/action/package_search?fq=organization:" + slug, 200).get("result");
        assertThat(found.get("count").asInt()).isEqualTo(3);
        assertThat(found.get("results").size()).isEqualTo(3);
        JsonNode paged = call("/api/3/action/package_search?fq=organization:" + slug + "&rows=2&start=2&sort=name%20asc", 200)
                .get("result");
        assertThat(paged.get("count").asInt()).isEqualTo(3);
        assertThat(paged.get("results").size()).isEqualTo(1);
        assertThat(paged.get("results").get(0).get("name").asString()).isEqualTo(slug + "-pengaduan");
        JsonNode all = call("/api/3/action/package_search", 200).get("result");
        assertThat(all.get("results").size()).isEqualTo(Math.min(10, all.get("count").asInt()));
        JsonNode many = call("/api/3/action/package_search?rows=5000", 200).get("result");
        assertThat(many.get("results").size()).isEqualTo(Math.min(1000, many.get("count").asInt()));
        assertThat(call("/api/3/action/package_search?q=ikm&fq=organization:" + slug, 200).get("result").get("count").asInt())
                .isEqualTo(1);
        JsonNode bad = call("/api/3/action/package_search?rows=banyak", 409);
        assertThat(bad.get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(bad.get("error").get("rows").get(0).asString()).isEqualTo("Invalid integer");

        // organization_list
        JsonNode orgs = call("/api/3/action/organization_list?sort=name%20asc", 200).get("result");
        List<String> orgNames = new ArrayList<>();
        orgs.forEach(n -> orgNames.add(n.asString()));
        assertThat(orgNames).contains(slug).isSorted();

        // datastore_search: records, total, filters, q, sort, limit/offset, errors
        JsonNode ds = call("/api/3/action/datastore_search?resource_id=" + resourceId, 200).get("result");
        assertThat(ds.get("total").asInt()).isEqualTo(1);
        assertThat(ds.get("limit").asInt()).isEqualTo(100);
        JsonNode rec = ds.get("records").get(0);
        assertThat(rec.get("bulan").asString()).isEqualTo(month);
        assertThat(rec.get("layanan").asString()).isEqualTo("Akta Kelahiran Terbuka");
        assertThat(rec.get("diterima").asInt()).isEqualTo(3);
        assertThat(rec.get("selesai").asInt()).isEqualTo(2);
        assertThat(rec.get("ditolak").asInt()).isEqualTo(1);
        assertThat(rec.get("persen_tepat_waktu").asDouble()).isEqualTo(100.0);
        assertThat(ds.get("fields").get(0).get("id").asString()).isEqualTo("_id");
        String filtered = "/api/3/action/datastore_search?resource_id=" + resourceId + "&filters="
                + java.net.URLEncoder.encode("{\"bulan\":\"1999-01\"}", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(call(filtered, 200).get("result").get("total").asInt()).isZero();
        assertThat(call("/api/3/action/datastore_search?resource_id=" + resourceId + "&q=akta", 200)
                .get("result").get("total").asInt()).isEqualTo(1);
        JsonNode afterEnd = call("/api/3/action/datastore_search?resource_id=" + resourceId + "&limit=1&offset=1", 200).get("result");
        assertThat(afterEnd.get("records").size()).isZero();
        assertThat(afterEnd.get("total").asInt()).isEqualTo(1);
        assertThat(call("/api/3/action/datastore_search?resource_id=" + resourceId + "&sort=diterima%20desc", 200)
                .get("result").get("sort").asString()).isEqualTo("diterima desc");
        assertThat(call("/api/3/action/datastore_search?resource_id=" + resourceId + "&sort=nik", 409)
                .get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(call("/api/3/action/datastore_search?resource_id=" + UUID.randomUUID(), 404)
                .get("error").get("__type").asString()).isEqualTo("Not Found Error");
        assertThat(call("/api/3/action/datastore_search", 409).get("error").has("resource_id")).isTrue();
        assertThat(call("/api/3/action/datastore_search?resource_id=" + resourceId + "&filters=%7Bnope", 409)
                .get("error").has("filters")).isTrue();

        // IKM and complaints datasets
        String ikmResource = call("/api/3/action/package_show?id=" + slug + "-ikm", 200)
                .get("result").get("resources").get(0).get("id").asString();
        JsonNode ikm = call("/api/3/action/datastore_search?resource_id=" + ikmResource, 200).get("result").get("records").get(0);
        assertThat(ikm.get("ikm_konversi").asDouble()).isEqualTo(100.0);
        assertThat(ikm.get("mutu").asString()).isEqualTo("A");

        // unknown action: CKAN's 400
        assertThat(call("/api/3/action/package_delete", 400).get("error").get("__type").asString()).isEqualTo("Bad request");

        // POST with a JSON body, as CKAN clients send it
        String posted = mvc.perform(post("/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fq\":\"organization:" + slug + "\",\"rows\":1}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(posted).get("result").get("results").size()).isEqualTo(1);

        // CSV and DCAT
        String csv = mvc.perform(get("/open-data/" + slug + "/kinerja-layanan.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("bulan,kode_wilayah,instansi,layanan,jenis_layanan,diterima");
        assertThat(csv).contains(month + "," + s.tenant().regionCode());
        bodies.add(csv);
        mvc.perform(get("/open-data/" + slug + "/rahasia.csv")).andExpect(status().isNotFound());
        String dcat = mvc.perform(get("/api/open-data/catalog.jsonld")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode catalogue = json.readTree(dcat);
        assertThat(catalogue.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(dcat).contains("/open-data/" + slug + "/ikm.csv");
        bodies.add(dcat);
        String page = mvc.perform(get("/open-data").param("q", s.tenant().name())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("/open-data/" + slug + "/pengaduan.csv");

        // no personal data anywhere
        for (String body : bodies) {
            assertThat(body).doesNotContain(done.applicantNik(), done.applicantName(), s.citizen().email(), "Putri Lestari");
        }
    }
}
