package id.gerai.region;

/**
 * What a code says a region is: kabupaten are {@code 01}-{@code 69} and kota {@code 71}-{@code 99};
 * a village code starting with 1 is a kelurahan, with 2 a desa.
 */
public enum RegionKind {
    PROVINSI, KABUPATEN, KOTA, KECAMATAN, KELURAHAN, DESA
}
