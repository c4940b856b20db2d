package id.gerai.tenancy;

public enum TenantKind {
    KABUPATEN, KOTA, PROVINSI
}
