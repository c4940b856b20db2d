package id.gerai.tenancy;

/** Where a citizen is served: the MPP building, a counter in a shopping mall, a village office, or online. */
public enum ServicePointKind {
    MPP, MALL, VILLAGE_OFFICE, ONLINE
}
