package id.gerai.support;

import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;

/** Makes what a test needs through the modules' public APIs: each test gets its own tenant and people. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "RahasiaSekali123";

    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final CitizenAccounts citizens;
    private final RegionApi regions;

    Fixtures(TenancyApi tenancy, StaffAccounts staff, CitizenAccounts citizens, RegionApi regions) {
        this.tenancy = tenancy;
        this.staff = staff;
        this.citizens = citizens;
        this.regions = regions;
    }

    /** A tenant on a kabupaten/kota no other tenant holds yet. */
    public synchronized Tenant newTenant() {
        List<Region> regencies = new ArrayList<>();
        for (Region province : regions.children("")) {
            regencies.addAll(regions.children(province.code()));
        }
        Collections.shuffle(regencies);
        for (Region r : regencies) {
            if (tenancy.tenants().stream().noneMatch(t -> t.regionCode().equals(r.code()))) {
                return tenancy.createTenant(new TenancyApi.NewTenant(r.code()));
            }
        }
        throw new IllegalStateException("every regency already has a tenant");
    }

    public UUID newAgency(Tenant tenant, String code) {
        return tenancy.createAgency(tenant.id(), new TenancyApi.NewAgency(code, "Dinas " + code, AgencyKind.REGIONAL, null));
    }

    /** A staff account holding {@code role} in {@code tenant}; its e-mail is returned. */
    public String staffWithRole(Tenant tenant, Role role) {
        String email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        UUID id = TenantContext.callAcrossTenants(() -> staff.createStaff(new StaffAccounts.NewStaff(email, "Petugas " + role.name(), null, PASSWORD)));
        staff.grant(id, new Membership(tenant.id(), role, null, null));
        return email;
    }

    /** A staff account holding {@code role} for one agency and/or service point of {@code tenant}; its e-mail is returned. */
    public String staffWithRole(Tenant tenant, Role role, UUID agencyId, UUID servicePointId) {
        String email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        UUID id = TenantContext.callAcrossTenants(() -> staff.createStaff(new StaffAccounts.NewStaff(email, "Petugas " + role.name(), null, PASSWORD)));
        staff.grant(id, new Membership(tenant.id(), role, agencyId, servicePointId));
        return email;
    }

    /** A desa/kelurahan inside the tenant's kabupaten/kota. */
    public String villageOf(Tenant tenant) {
        Region district = regions.children(tenant.regionCode()).getFirst();
        return regions.children(district.code()).getFirst().code();
    }

    public String platformAdmin() {
        String email = "admin." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        UUID id = staff.createStaff(new StaffAccounts.NewStaff(email, "Admin Uji", null, PASSWORD));
        staff.grantPlatformRole(id, Role.ADMIN_PLATFORM);
        return email;
    }

    /** A citizen account with a valid, unused NIK; its e-mail is returned. */
    public String citizen() {
        String email = "warga." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        citizens.register("Warga Uji", validNik(), email, "081234567890", PASSWORD);
        return email;
    }

    /** A NIK that passes every check: Kota Tangerang, kecamatan 01, a random birth date and serial. */
    public static String validNik() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int day = 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0);
        return String.format("367101%02d%02d%02d%04d", day, 1 + r.nextInt(12), r.nextInt(100), 1 + r.nextInt(9999));
    }
}
