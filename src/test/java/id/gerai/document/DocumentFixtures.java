package id.gerai.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approved applications for document tests, made the way people make them: a citizen files over the API with
 * the sample birth-certificate service, a verifier and a signing official approve its two steps.
 */
public final class DocumentFixtures {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final CatalogApi catalog;
    private final JsonMapper json;
    private final IssuedDocuments documents;
    private final JdbcClient jdbc;

    public DocumentFixtures(MockMvc mvc, Fixtures fixtures, CatalogApi catalog, JsonMapper json, IssuedDocuments documents,
                            JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.catalog = catalog;
        this.json = json;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /** A tenant with a DUKCAPIL agency, its published sample service and the people who work it. */
    public record Office(Tenant tenant, UUID agency, ServiceVersion service, String verifier, String official, String admin) {
    }

    /** One approved application. */
    public record Approved(Office office, String citizen, String tracking, UUID applicationId) {
        public Tenant tenant() {
            return office.tenant();
        }
    }

    public Office office() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        return new Office(t, agency, service, fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.ADMIN_INSTANSI, agency, null));
    }

    public Approved approved() throws Exception {
        return approved(office(), fixtures.citizen(), ApplicationSamples.validData());
    }

    /** Files {@code data} for {@code citizen} and approves both steps. */
    public Approved approved(Office o, String citizen, Map<String, Object> data) throws Exception {
        var request = multipart("/api/tenants/" + o.tenant().slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", o.service().serviceId().toString(), "data", data, "submit", true))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()));
        JsonNode filed = read(as(request, citizen), 201);
        String tracking = filed.get("trackingNo").asString();
        decide(o, o.verifier());
        decide(o, o.official());
        UUID id = TenantContext.callAcrossTenants(() -> jdbc.sql("select id from application where tracking_no = ?")
                .param(tracking).query(UUID.class).single());
        return new Approved(o, citizen, tracking, id);
    }

    /**
     * A walk-in citizen's application filed by a counter officer of a new village office, approved; the
     * returned {@code citizen} is the officer's login (the walk-in citizen has none).
     */
    public Approved approvedAtCounter(Office o, String officer) throws Exception {
        JsonNode filed = read(as(post("/api/tenants/" + o.tenant().slug() + "/counter/applications"), officer)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "service", o.service().serviceId().toString(), "nik", Fixtures.validNik(), "fullName", "Sumiati",
                        "data", ApplicationSamples.validData()))), 201);
        String tracking = filed.get("trackingNo").asString();
        read(as(multipart(org.springframework.http.HttpMethod.PUT, "/api/applications/" + tracking + "/documents/SKL")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", ApplicationSamples.pdf())), officer), 200);
        read(as(post("/api/applications/" + tracking + "/submit"), officer), 200);
        decide(o, o.verifier());
        decide(o, o.official());
        UUID id = TenantContext.callAcrossTenants(() -> jdbc.sql("select id from application where tracking_no = ?")
                .param(tracking).query(UUID.class).single());
        return new Approved(o, officer, tracking, id);
    }

    /**
     * A counter officer of a new village office of the office's tenant. (Make every office a test needs before
     * filing: the applications module caches a tenant's service points.)
     */
    public String counterOfficer(Office o, id.gerai.tenancy.TenancyApi tenancy) {
        UUID point = tenancy.createServicePoint(o.tenant().id(), new id.gerai.tenancy.TenancyApi.NewServicePoint(
                "DESA" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "Kantor Desa Uji",
                id.gerai.tenancy.ServicePointKind.VILLAGE_OFFICE, "Jl. Desa 1", fixtures.villageOf(o.tenant()), 1));
        return fixtures.staffWithRole(o.tenant(), Role.PETUGAS_LOKET, null, point);
    }

    private void decide(Office o, String officer) throws Exception {
        JsonNode inbox = read(as(get("/api/tenants/" + o.tenant().slug() + "/tasks"), officer), 200);
        String task = inbox.get("items").get(0).get("taskId").asString();
        String base = "/api/tenants/" + o.tenant().slug() + "/tasks/" + task;
        read(as(post(base + "/claim"), officer), 200);
        read(as(post(base + "/decision"), officer).contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"), 200);
    }

    /** Waits (at most a minute: signing runs after the approval's commit) until the document is in a state. */
    public IssuedDocument await(Approved a, Predicate<IssuedDocument> state) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            Optional<IssuedDocument> d = documents.byApplication(a.tenant().id(), a.applicationId());
            if (d.isPresent() && state.test(d.get())) {
                return d.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no document in the expected state for " + a.tracking() + ": "
                + documents.byApplication(a.tenant().id(), a.applicationId()));
    }

    public IssuedDocument awaitIssued(Approved a) throws InterruptedException {
        return await(a, d -> d.status() == DocumentStatus.ISSUED);
    }

    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B r, String email) {
        return r.with(httpBasic(email, Fixtures.PASSWORD));
    }

    private JsonNode read(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() != status) {
            throw new AssertionError("HTTP " + response.getStatus() + " (expected " + status + "): " + response.getContentAsString());
        }
        return json.readTree(response.getContentAsString());
    }
}
