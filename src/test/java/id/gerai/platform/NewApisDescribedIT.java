package id.gerai.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.support.GeraiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The complaint, survey and open-data APIs are in the OpenAPI document, as the README promises. */
@GeraiIntegrationTest
class NewApisDescribedIT {

    @Autowired MockMvc mvc;

    @Test
    void complaintsSurveysAndOpenDataAreDescribed() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/complaints'].post").exists())
                .andExpect(jsonPath("$.paths['/api/complaints/track'].post").exists())
                .andExpect(jsonPath("$.paths['/api/complaints/public'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/complaints/{id}/forward'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/complaints/{id}/follow-up'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/lapor/export'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/lapor/import'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/skm/periods'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/skm/{period}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/3/action/{action}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/open-data/catalog.jsonld'].get").exists());
    }

    @Test
    void theRefusalsOfABusyServerAndOfAFloodingSenderAreDescribed() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.description").value(org.hamcrest.Matchers.containsString("503 `overloaded`")))
                .andExpect(jsonPath("$.paths['/api/complaints'].post.description")
                        .value(org.hamcrest.Matchers.containsString("429 complaint-filing-throttled")))
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/applications'].post.description")
                        .value(org.hamcrest.Matchers.containsString("one transaction")));
    }
}
