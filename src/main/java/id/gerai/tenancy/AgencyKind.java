package id.gerai.tenancy;

/** Regional (OPD), central/vertical (Polri, BPJS, Kantor Pertanahan, …), private (banks), village government. */
public enum AgencyKind {
    REGIONAL, CENTRAL, PRIVATE, VILLAGE
}
