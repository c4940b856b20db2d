package id.gerai.catalog;

import static id.gerai.catalog.CatalogSamples.valid;
import static id.gerai.catalog.CatalogSamples.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue over HTTP: who may read and change what, problem details, export/import, replication. */
@GeraiIntegrationTest
class CatalogApiIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired StaffAccounts staff;
    @Autowired JsonMapper json;
    @Autowired CatalogApi catalog;

    private record Setup(Tenant tenant, UUID agency, UUID otherAgency, String admin, String otherAdmin, String manager) {
        String base() {
            return "/api/tenants/" + tenant.slug() + "/services";
        }
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID dukcapil = fixtures.newAgency(t, "DUKCAPIL");
        UUID dpmptsp = fixtures.newAgency(t, "DPMPTSP");
        return new Setup(t, dukcapil, dpmptsp, agencyAdmin(t, dukcapil), agencyAdmin(t, dpmptsp),
                fixtures.staffWithRole(t, Role.PENGELOLA_MPP));
    }

    /** A staff account that administers one agency. */
    private String agencyAdmin(Tenant tenant, UUID agency) {
        String email = "admin.instansi." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        UUID id = TenantContext.callAcrossTenants(() -> staff.createStaff(new StaffAccounts.NewStaff(email, "Admin Instansi", null, Fixtures.PASSWORD)));
        staff.grant(id, new Membership(tenant.id(), Role.ADMIN_INSTANSI, agency, null));
        return email;
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String email) {
        return request.with(httpBasic(email, Fixtures.PASSWORD));
    }

    private String body(Object value) {
        return json.writeValueAsString(value);
    }

    private UUID createAs(Setup s, String email, ServiceDesign design) throws Exception {
        String response = mvc.perform(as(post(s.base()), email).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("agencyId", s.agency(), "design", design, "changeNote", "awal"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/versions/1")))
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(response).at("/version/serviceId").asString());
    }

    @Test
    void agencyAdminsChangeOnlyTheirOwnAgencysServices() throws Exception {
        Setup s = setup();
        Setup other = setup();
        UUID id = createAs(s, s.admin(), valid());
        String draft = body(Map.of("design", with(valid(), b -> b.timeLimitDays(4)), "changeNote", "ubah"));

        mvc.perform(as(put(s.base() + "/" + id + "/draft"), s.otherAdmin()).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), s.otherAdmin())).andExpect(status().isForbidden());
        mvc.perform(as(post(s.base()), s.otherAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("agencyId", s.agency(), "design", valid())))).andExpect(status().isForbidden());
        // someone of another tenant, even its MPP manager
        mvc.perform(as(put(s.base() + "/" + id + "/draft"), other.manager()).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isForbidden());
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), other.admin())).andExpect(status().isForbidden());
        // a citizen
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), fixtures.citizen())).andExpect(status().isForbidden());
        // nobody signed in
        mvc.perform(post(s.base() + "/" + id + "/versions/1/publish")).andExpect(status().isUnauthorized());

        mvc.perform(as(put(s.base() + "/" + id + "/draft"), s.admin()).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version.design.timeLimitDays").value(4))
                .andExpect(jsonPath("$.problems", hasSize(0)));
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), s.manager()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(as(post(s.base() + "/" + id + "/draft"), s.admin()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version.version").value(2));
        mvc.perform(as(delete(s.base() + "/" + id + "/draft"), s.otherAdmin())).andExpect(status().isForbidden());
        mvc.perform(as(delete(s.base() + "/" + id + "/draft"), s.admin())).andExpect(status().isNoContent());
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/retire"), fixtures.platformAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETIRED"));
    }

    @Test
    void anybodyReadsPublishedServicesButOnlyEditorsSeeDrafts() throws Exception {
        Setup s = setup();
        UUID id = createAs(s, s.admin(), valid());
        mvc.perform(get(s.base())).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get(s.base() + "/" + id)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("catalog-service-not-found"));
        mvc.perform(get(s.base() + "/" + id + "/versions/1")).andExpect(status().isForbidden());
        mvc.perform(get(s.base() + "/" + id + "/versions/1/export")).andExpect(status().isForbidden());
        mvc.perform(as(get(s.base() + "/" + id + "/versions/1"), s.otherAdmin())).andExpect(status().isForbidden());
        mvc.perform(as(get(s.base() + "/" + id + "/versions/1"), s.admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.design.name").value("Akta Kelahiran"));
        mvc.perform(get(s.base()).param("all", "true")).andExpect(status().isForbidden());
        mvc.perform(as(get(s.base()).param("all", "true"), s.manager())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("DRAFT")).andExpect(jsonPath("$[0].draftVersion").value(1));
        mvc.perform(as(get(s.base()).param("all", "true"), s.otherAdmin())).andExpect(jsonPath("$", hasSize(0)));

        catalog.publish(s.tenant().id(), id, 1);
        catalog.newDraft(s.tenant().id(), id);
        mvc.perform(get(s.base())).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id.toString()))
                .andExpect(jsonPath("$[0].agencyCode").value("DUKCAPIL")).andExpect(jsonPath("$[0].currentVersion").value(1));
        mvc.perform(get(s.base() + "/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.current.design.standard.PERSYARATAN").exists())
                .andExpect(jsonPath("$.service.slug").value("akta-kelahiran"));
        mvc.perform(get(s.base() + "/" + id + "/versions")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].status").value("PUBLISHED"));
        mvc.perform(as(get(s.base() + "/" + id + "/versions"), s.admin())).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get(s.base() + "/" + id + "/versions/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.createdBy").isEmpty()); // an account id is for editors only
        mvc.perform(as(get(s.base() + "/" + id + "/versions/1"), s.admin())).andExpect(jsonPath("$.createdBy").isNotEmpty());
        mvc.perform(get(s.base() + "/" + id + "/versions/2")).andExpect(status().isForbidden());
        mvc.perform(get(s.base() + "/" + UUID.randomUUID() + "/versions/1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("catalog-version-not-found"));
    }

    @Test
    void publishingABrokenDesignAnswersTheProblemsInTheCallersLanguage() throws Exception {
        Setup s = setup();
        UUID id = createAs(s, s.admin(), with(valid(), b -> {
            b.standard.remove(StandardComponent.BIAYA);
            b.timeLimitDays = 1;
            return b;
        }));
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), s.admin()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("catalog-design-rejected"))
                .andExpect(jsonPath("$.detail").value("This design cannot be published yet: 2 things must be fixed."))
                .andExpect(jsonPath("$.problems[0].code").value("catalog.check.missing-standard"))
                .andExpect(jsonPath("$.problems[0].path").value("standard.BIAYA"))
                .andExpect(jsonPath("$.problems[0].message").value("The service standard component \"Fee\" is required because it is published to citizens."))
                .andExpect(jsonPath("$.problems[1].code").value("catalog.check.time-exceeded"));
        mvc.perform(as(post(s.base() + "/" + id + "/versions/1/publish"), s.admin()).header("Accept-Language", "id"))
                .andExpect(jsonPath("$.problems[1].message").value(
                        "Jumlah waktu langkah-langkah prosedur (3 hari kerja) melebihi jangka waktu pelayanan (1 hari kerja)."));
        mvc.perform(as(post(s.base() + "/check"), s.admin()).contentType(MediaType.APPLICATION_JSON).content(body(valid())))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void exportedFileImportsBackToTheSameDesign() throws Exception {
        Setup s = setup();
        Setup target = setup();
        UUID id = createAs(s, s.admin(), valid());
        catalog.publish(s.tenant().id(), id, 1);
        var exported = mvc.perform(get(s.base() + "/" + id + "/versions/1/export"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString(s.tenant().slug() + "-akta-kelahiran-v1.json")))
                .andReturn().getResponse().getContentAsString();
        String created = mvc.perform(as(post(target.base() + "/import").param("agencyId", target.agency().toString()), target.admin())
                        .contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andExpect(jsonPath("$.problems", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        JsonNode importedDesign = json.readTree(created).at("/version/design");
        JsonNode original = json.readTree(mvc.perform(get(s.base() + "/" + id + "/versions/1")).andReturn().getResponse().getContentAsString())
                .at("/design");
        assertThat(importedDesign).isEqualTo(original);
        UUID importedId = UUID.fromString(json.readTree(created).at("/version/serviceId").asString());
        String reexported = catalog.export(target.tenant().id(), importedId, 1);
        assertThat(reexported).isEqualTo(exported);
    }

    @Test
    void aBadImportFileIsAClearProblem() throws Exception {
        Setup s = setup();
        mvc.perform(as(post(s.base() + "/import").param("agencyId", s.agency().toString()), s.admin())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\n  \"format\": \"gerai.service-design/1\",\n  \"name\": ,\n}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("catalog-bad-json"))
                .andExpect(jsonPath("$.detail").value("This file is not valid JSON (error at line 3, column 11)."));
        mvc.perform(as(post(s.base() + "/import").param("agencyId", s.agency().toString()), s.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nama\": \"Akta\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("catalog-import-format"));
        mvc.perform(as(post(s.base() + "/import").param("agencyId", s.agency().toString()), s.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"format\": \"gerai.service-design/1\", \"name\": \"Akta\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.kindCode").exists());
        mvc.perform(as(post(s.base() + "/import").param("agencyId", s.agency().toString()), s.admin()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("catalog-bad-json"));
        mvc.perform(as(get(s.base()).param("all", "true"), s.admin())).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void copyingAnotherRegionsPublishedDesign() throws Exception {
        Setup origin = setup();
        Setup copier = setup();
        String kind = "UJI_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID source = createAs(origin, origin.admin(), valid(kind, "Izin Teladan"));
        catalog.publish(origin.tenant().id(), source, 1);

        mvc.perform(get("/api/catalog/designs").param("kind", kind)).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].tenantSlug").value(origin.tenant().slug()))
                .andExpect(jsonPath("$[0].serviceId").value(source.toString()))
                .andExpect(jsonPath("$[0].copies").value(0));
        Map<String, Object> request = Map.of("sourceTenant", origin.tenant().slug(), "sourceService", source, "version", 1,
                "agencyId", copier.agency());
        mvc.perform(as(post(copier.base() + "/copy"), copier.otherAdmin()).contentType(MediaType.APPLICATION_JSON).content(body(request)))
                .andExpect(status().isForbidden());
        mvc.perform(post(copier.base() + "/copy").contentType(MediaType.APPLICATION_JSON).content(body(request)))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(post(copier.base() + "/copy"), copier.admin()).contentType(MediaType.APPLICATION_JSON).content(body(request)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andExpect(jsonPath("$.version.design.kindCode").value(kind));
        mvc.perform(as(get(copier.base()).param("all", "true"), copier.admin()))
                .andExpect(jsonPath("$[0].origin.tenant").value(origin.tenant().id().toString()))
                .andExpect(jsonPath("$[0].origin.serviceId").value(source.toString()))
                .andExpect(jsonPath("$[0].origin.version").value(1));
        mvc.perform(get(origin.base() + "/" + source + "/copies")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tenants").value(1))
                .andExpect(jsonPath("$.copies[0].tenantSlug").value(copier.tenant().slug()));
        mvc.perform(get("/api/catalog/designs").param("kind", kind)).andExpect(jsonPath("$[0].copies").value(1));
        mvc.perform(as(post(copier.base() + "/copy"), copier.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("sourceTenant", "tidak-ada", "sourceService", source, "version", 1, "agencyId", copier.agency()))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("tenant-not-found"));
    }
}
