package id.gerai.catalog;

/**
 * Where a service version stands. A draft may change until it is published; a published version never
 * changes (the database refuses it too) and becomes retired when a newer version is published or the
 * service is withdrawn. Labels under {@code catalog.version-status.*}.
 */
public enum VersionStatus {
    DRAFT, PUBLISHED, RETIRED
}
