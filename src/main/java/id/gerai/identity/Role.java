package id.gerai.identity;

/** The roles of DESIGN.md. Tenant roles are held per tenant (and agency); the others installation-wide. */
public enum Role {
    WARGA(false),
    PETUGAS_LOKET(true),
    PETUGAS_INSTANSI(true),
    ADMIN_INSTANSI(true),
    PENGELOLA_MPP(true),
    PEMANTAU(false),
    ADMIN_PLATFORM(false);

    private final boolean perTenant;

    Role(boolean perTenant) {
        this.perTenant = perTenant;
    }

    public boolean perTenant() {
        return perTenant;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
