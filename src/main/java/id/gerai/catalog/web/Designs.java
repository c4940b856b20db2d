package id.gerai.catalog.web;

import id.gerai.catalog.ServiceDesign;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@link ServiceDesign} JSON stored in {@code service_version.design}. Lenient on purpose: the
 * public pages read published versions written by any release of the core, so a member they do not know
 * (added later) or a missing number is no reason to hide a service from citizens.
 */
final class Designs {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectReader READER = MAPPER.readerFor(ServiceDesign.class);

    private Designs() {
    }

    static ServiceDesign read(String json) {
        return READER.readValue(json);
    }

    static String write(ServiceDesign design) {
        return MAPPER.writeValueAsString(design);
    }
}
