package id.gerai.platform;

import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import org.junit.jupiter.api.Test;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health, metrics and the OpenAPI document are there; nothing else of the actuator is. */
@GeraiIntegrationTest
class OperationsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

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
    void handlersAreFoundByPathFirstAndRequestsNoHandlerTakesGetProblems() throws Exception {
        // the installed mapping looks at a mapping's path before its other conditions
        assertThat(handlerMapping.getClass().getSimpleName()).isEqualTo("PathFirstHandlerMapping");
        String citizen = fixtures.citizen();
        // a path with a variable, where another mapping differs only by what it consumes
        mvc.perform(post("/api/documents/verify/number").contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"\"}"))
                .andExpect(status().is(not(404))).andExpect(status().is(not(405))).andExpect(status().is(not(415)));
        mvc.perform(get("/api/applications/GR-TIDAK-ADA").with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("application-not-found"));

        // over real HTTP (the answers below are given where no handler was found, before any controller advice)
        String basic = "Basic " + Base64.getEncoder().encodeToString((citizen + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> wrongType = http(HttpRequest.newBuilder(uri("/api/documents/verify"))
                .header("Content-Type", "text/plain").header("Accept-Language", "en").POST(BodyPublishers.ofString("x")));
        assertProblem(wrongType, 415, "unsupported-media-type", "This content type is not supported.");
        // what the endpoint takes instead (a PDF, or a form with one)
        assertThat(wrongType.headers().firstValue("Accept")).hasValueSatisfying(accept -> assertThat(accept).contains("application/pdf"));
        HttpResponse<String> unacceptable = http(HttpRequest.newBuilder(uri("/api/regions"))
                .header("Accept", "application/xml").header("Accept-Language", "en").GET());
        // what was asked for cannot be given: the problem comes as JSON all the same
        assertProblem(unacceptable, 406, "not-acceptable", null);
        HttpResponse<String> wrongMethod = http(HttpRequest.newBuilder(uri("/api/applications/GR-TIDAK-ADA/submit"))
                .header("Authorization", basic).header("Accept-Language", "id").DELETE());
        assertProblem(wrongMethod, 405, "method-not-allowed", "Metode permintaan ini tidak didukung.");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        HttpResponse<String> nowhere = http(HttpRequest.newBuilder(uri("/api/tidak-ada/sama-sekali"))
                .header("Authorization", basic).GET());
        assertProblem(nowhere, 404, "not-found", null);
        // a page keeps its friendly page
        HttpResponse<String> page = http(HttpRequest.newBuilder(uri("/t/kota-tangerang")).header("Accept", "text/html")
                .DELETE());
        assertThat(page.statusCode()).isIn(403, 405);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
        if (detail != null) {
            assertThat(response.body()).contains("\"detail\":\"" + detail + "\"");
        }
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
