package id.gerai.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /api/openapi}: what the API is, and how callers authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI geraiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gerai API").version("v1")
                        .description("Mal Pelayanan Publik Digital. Errors are RFC 9457 problem details "
                                + "(application/problem+json) with a stable `code` member; field errors are in `errors`. "
                                + "Texts follow Accept-Language (id, en). A server too busy to take a request at once "
                                + "answers 503 `overloaded` with Retry-After within seconds, and nothing of that request "
                                + "is saved: send it again after the given seconds (with the same Idempotency-Key where "
                                + "the operation takes one). Too many attempts (wrong access codes, repeated filings) are "
                                + "answered 429 with Retry-After: the seconds until the next attempt may be accepted.")
                        .license(new License().name("Apache-2.0")))
                .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
