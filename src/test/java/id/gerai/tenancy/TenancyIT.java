package id.gerai.tenancy;

import id.gerai.identity.Role;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeraiIntegrationTest
class TenancyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TenancyApi tenancy;
    @Autowired
    id.gerai.region.RegionApi regions;

    @Test
    void managerManagesOwnTenantOnly() throws Exception {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);

        mvc.perform(post("/api/tenants/" + mine.slug() + "/agencies").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"DUKCAPIL\",\"name\":\"Dinas Dukcapil\",\"kind\":\"REGIONAL\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("DUKCAPIL"));
        mvc.perform(post("/api/tenants/" + other.slug() + "/agencies").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"SUSUP\",\"name\":\"Susupan\",\"kind\":\"REGIONAL\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/tenants/" + other.slug() + "/agencies"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("SUSUP"))));
    }

    @Test
    void badInputGetsProblemDetailsAndNothingIsSaved() throws Exception {
        Tenant mine = fixtures.newTenant();
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);
        mvc.perform(post("/api/tenants/" + mine.slug() + "/service-points").with(httpBasic(manager, Fixtures.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"DESA-X\",\"name\":\"Kantor Desa\",\"kind\":\"VILLAGE_OFFICE\",\"villageCode\":\"11.01.01.2001\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.villageCode").value("This village is not inside this region."));
        mvc.perform(get("/api/tenants/" + mine.slug() + "/service-points"))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/platform/tenants").with(httpBasic(fixtures.platformAdmin(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"regionCode\":\"99.99\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.regionCode").exists());
        mvc.perform(get("/api/tenants/tidak-ada")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("tenant-not-found"));
    }

    @Test
    void pagesAreGuardedByTenantRole() throws Exception {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        String officer = fixtures.staffWithRole(mine, Role.PETUGAS_LOKET);
        var session = login(officer);
        mvc.perform(get("/manage/" + mine.slug()).cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString(mine.name())));
        mvc.perform(get("/manage/" + other.slug()).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/platform").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/manage/" + mine.slug())).andExpect(status().is3xxRedirection());
    }

    @Test
    void managerReadsTheirTenantsAuditLogOnly() throws Exception {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        fixtures.newAgency(mine, "DINAS-MILIKKU");
        fixtures.newAgency(other, "DINAS-LAIN");
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);
        var session = login(manager);
        mvc.perform(get("/manage/" + mine.slug() + "/audit").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tenancy.agency.created")))
                .andExpect(content().string(containsString("DINAS-MILIKKU")))
                .andExpect(content().string(not(containsString("DINAS-LAIN"))));
        mvc.perform(get("/manage/" + other.slug() + "/audit").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void platformAdminCreatesATenantWithItsFirstManagerThroughThePage() throws Exception {
        var admin = login(fixtures.platformAdmin());
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/platform/tenants").cookie(admin).with(csrf).param("regionCode", "bukan-kode"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kode wilayah ini tidak dikenal")));

        String code = freeRegencyCode();
        String managerEmail = "pengelola." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@contoh.id";
        mvc.perform(post("/platform/tenants").cookie(admin).with(csrf).param("regionCode", code)
                        .param("managerName", "Pengelola Baru").param("managerEmail", managerEmail).param("managerPassword", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection());
        Tenant created = tenancy.tenants().stream().filter(t -> t.regionCode().equals(code)).findFirst().orElseThrow();
        mvc.perform(get("/manage/" + created.slug()).cookie(login(managerEmail)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(created.name())));
        mvc.perform(post("/platform/tenants").cookie(admin).with(csrf).param("regionCode", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Daerah ini sudah terdaftar")));
    }

    private String freeRegencyCode() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        tenancy.tenants().forEach(t -> taken.add(t.regionCode()));
        return regions.children("").stream().flatMap(p -> regions.children(p.code()).stream())
                .map(id.gerai.region.Region::code).filter(c -> !taken.contains(c)).findAny().orElseThrow();
    }

    /** Logs in through the form; the session lives in the database, so the cookie is what identifies it. */
    private jakarta.servlet.http.Cookie login(String email) throws Exception {
        var result = mvc.perform(post("/login")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        var cookie = result.getResponse().getCookie("GERAI_SESSION");
        org.assertj.core.api.Assertions.assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }
}
