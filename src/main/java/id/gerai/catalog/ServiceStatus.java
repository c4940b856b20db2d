package id.gerai.catalog;

/**
 * Where a service stands for citizens: never published yet, published (a current version exists), or
 * retired (it was published and withdrawn). A published service may also have a draft of its next version.
 * Labels under {@code catalog.service-status.*}.
 */
public enum ServiceStatus {
    DRAFT, PUBLISHED, RETIRED
}
