package id.gerai.application.internal;

import id.gerai.application.ProcedurePlan;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceVersion;
import java.util.Optional;

/** A service version with what the engine derives from it once. */
record VersionInfo(ServiceVersion version, ProcedurePlan plan) {

    VersionInfo(ServiceVersion version) {
        this(version, ProcedurePlan.of(version.design().procedure()));
    }

    ServiceDesign design() {
        return version.design();
    }

    Optional<RequiredDocument> document(String code) {
        return design().documents().stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
