package id.gerai.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the bearer scheme to the OpenAPI document: every operation takes HTTP Basic or a personal API token. */
@Configuration(proxyBeanMethods = false)
class ApiTokenOpenApi {

    @Bean
    OpenApiCustomizer apiTokenScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("gerai_ + 40 letters and digits")
                    .description("A personal API token, made at /account or with POST /api/account/tokens. A READ token is "
                            + "accepted for GET and HEAD only (anything else: 403 api-token-read-only); a FULL token does "
                            + "whatever its account may."));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
        };
    }
}
