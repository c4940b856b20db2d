package id.gerai.audit.internal;

import static id.gerai.audit.internal.AuditDatabase.freshTenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.audit.AuditLog;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/** The admin page and the verification endpoint. */
@ApplicationModuleTest
@Import(AuditWebTests.MethodSecurity.class)
class AuditWebTests {

    /** The identity module enables method security in the application; this module test does it alone. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class MethodSecurity {
    }

    @Autowired WebApplicationContext context;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    MockMvc mvc;
    AuditDatabase db;
    TenantId tenant;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        db = new AuditDatabase(dataSource, jdbc, transactions);
        tenant = freshTenant();
        db.record(auditLog, tenant, "test.web.agency.renamed", Map.of("name", "Dinas <Baru>"));
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void listsRecordsForTheChosenTenantInIndonesianByDefault() throws Exception {
        mvc.perform(get("/platform/audit").param("tenant", tenant.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Log audit</h1>")))
                .andExpect(content().string(containsString("test.web.agency.renamed")))
                .andExpect(content().string(containsString("Dinas &lt;Baru&gt;")))
                .andExpect(content().string(containsString("<th scope=\"col\">Pelaku</th>")))
                .andExpect(content().string(containsString("class=\"table-wrap\"")))
                .andExpect(content().string(containsString("<caption>")));
        mvc.perform(get("/platform/audit").param("tenant", tenant.toString()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Audit log</h1>")))
                .andExpect(content().string(containsString("<th scope=\"col\">Actor</th>")));
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void withoutFiltersListsTheNewestRecordsOfAllTenants() throws Exception {
        TenantId other = freshTenant();
        db.record(auditLog, other, "test.web.other-tenant", null);
        mvc.perform(get("/platform/audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tenant.toString())))
                .andExpect(content().string(containsString(other.toString())))
                .andExpect(content().string(containsString("hx-post=\"/platform/audit/verify\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void filtersByActionPrefixAndExplainsABadTenantId() throws Exception {
        mvc.perform(get("/platform/audit").param("tenant", tenant.toString()).param("action", "test.other"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("test.web.agency.renamed"))))
                .andExpect(content().string(containsString("Tidak ada catatan yang cocok.")));
        mvc.perform(get("/platform/audit").param("tenant", "not-a-uuid"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ID tenant harus berupa UUID")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void verifyButtonShowsTheResultOnThePageOrAsAnHtmxFragment() throws Exception {
        mvc.perform(post("/platform/audit/verify").param("tenant", tenant.toString()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Log audit</h1>")))
                .andExpect(content().string(containsString("Semua rantai utuh: 1 rantai, 1 catatan diperiksa.")));
        mvc.perform(post("/platform/audit/verify").param("tenant", tenant.toString()).header("HX-Request", "true").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-verification\"")))
                .andExpect(content().string(containsString("Semua rantai utuh")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/platform/audit/verify").param("tenant", tenant.toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void verifyButtonReportsABrokenChain() throws Exception {
        long id = db.count("select id from audit_record where tenant_id = ?", tenant.value());
        String actor = TenantContext.call(tenant, () -> jdbc.sql("select actor from audit_record where id = ?")
                .param(id).query(String.class).single());
        mvc.perform(post("/platform/audit/verify").param("tenant", tenant.toString()).with(csrf()))
                .andExpect(content().string(containsString("Semua rantai utuh")));
        db.tamper("update audit_record set actor = 'nobody' where id = " + id);
        try {
            mvc.perform(post("/platform/audit/verify").param("tenant", tenant.toString()).with(csrf()).param("lang", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("A broken chain was found")))
                    .andExpect(content().string(containsString("Record #" + id + " (position 1) was altered")));
        } finally {
            db.tamper("update audit_record set actor = '" + actor + "' where id = " + id);
        }
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void othersMayNotSeeThePage() throws Exception {
        mvc.perform(get("/platform/audit")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void verificationEndpointAnswersJson() throws Exception {
        mvc.perform(get("/api/audit/verify").param("tenant", tenant.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.chains[0].chain").value(tenant.toString()))
                .andExpect(jsonPath("$.chains[0].rowsChecked").value(1))
                .andExpect(jsonPath("$.firstProblem").doesNotExist());
        mvc.perform(get("/api/audit/verify").param("tenant", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bad-request"));
    }

    @Test
    @WithMockUser(roles = "ADMIN_PLATFORM")
    void verificationEndpointReportsTheFirstProblem() throws Exception {
        long id = db.count("select id from audit_record where tenant_id = ?", tenant.value());
        mvc.perform(get("/api/audit/verify").param("tenant", tenant.toString())).andExpect(jsonPath("$.ok").value(true));
        db.tamper("update audit_record set entity_type = 'other' where id = " + id);
        try {
            mvc.perform(get("/api/audit/verify").param("tenant", tenant.toString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstProblem.kind").value("ALTERED"))
                    .andExpect(jsonPath("$.firstProblem.chainSeq").value(1))
                    .andExpect(jsonPath("$.firstProblem.recordId").value(id));
        } finally {
            db.tamper("update audit_record set entity_type = 'thing' where id = " + id);
        }
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void verificationEndpointIsForPlatformAdminsOnly() throws Exception {
        mvc.perform(get("/api/audit/verify")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }
}
