package id.gerai.platform;

import id.gerai.support.GeraiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health, metrics and the OpenAPI document are there; nothing else of the actuator is. */
@GeraiIntegrationTest
class OperationsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void healthAndPrometheusAreExposedAndNothingElse() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops"}) {
            mvc.perform(get(hidden)).andExpect(status().is(not(200)));
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Gerai API"))
                .andExpect(jsonPath("$.paths['/api/accounts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/agencies'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/service-points'].get").exists())
                .andExpect(jsonPath("$.paths['/api/platform/tenants'].post").exists())
                .andExpect(jsonPath("$.paths['/api/regions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/audit/verify'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/applications'].post").exists())
                .andExpect(jsonPath("$.paths['/api/applications'].get").exists())
                .andExpect(jsonPath("$.paths['/api/applications/{trackingNo}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/applications/{trackingNo}/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/applications/{trackingNo}/withdraw'].post").exists())
                .andExpect(jsonPath("$.paths['/api/applications/{trackingNo}/documents/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/status'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/tasks'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/tasks/{taskId}/decision'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/counter/applications'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/overdue'].get").exists());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void unknownPageIsAFriendly404() throws Exception {
        // (an unknown path outside the public area sends a visitor to the login page first: default deny)
        mvc.perform(get("/css/tidak-ada.css")).andExpect(status().isNotFound());
        mvc.perform(get("/t/daerah-fiktif").header("Accept-Language", "id"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Daerah ini tidak ditemukan")));
    }
}
