package id.gerai.region;

/**
 * A region from the Kemendagri code list.
 *
 * @param code       dotted code, e.g. {@code 36.71} or {@code 36.71.01.1001}
 * @param parentCode the code one level up; {@code null} for a province
 * @param kind       what the code says it is (kabupaten vs kota, desa vs kelurahan)
 */
public record Region(String code, String name, RegionLevel level, RegionKind kind, String parentCode) {
}
