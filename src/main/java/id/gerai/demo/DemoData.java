package id.gerai.demo;

import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.TenancyApi.NewAgency;
import id.gerai.tenancy.TenancyApi.NewServicePoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo tenants and accounts once; a second start finds them and does nothing. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class DemoData implements ApplicationRunner {

    /** The password of every demo account (README lists the accounts). */
    static final String PASSWORD = "GeraiDemo2026!";
    static final String CITIZEN_NIK = "3671014501900001";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final RegionApi regions;
    private final CitizenAccounts citizen;

    DemoData(@Value("${gerai.demo.enabled}") boolean enabled, TenancyApi tenancy, StaffAccounts staff, RegionApi regions,
             CitizenAccounts citizen) {
        this.enabled = enabled;
        this.tenancy = tenancy;
        this.staff = staff;
        this.regions = regions;
        this.citizen = citizen;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (staff.findAccountByEmail("admin@gerai.local").isPresent()) {
            log.info("Demo data already loaded");
            return;
        }
        log.info("Loading demo data (switch off with GERAI_DEMO=false)");
        TenantContext.runAcrossTenants(this::load);
    }

    void load() {
        UUID admin = staff.createStaff(new StaffAccounts.NewStaff("admin@gerai.local", "Admin Platform", null, PASSWORD));
        staff.grantPlatformRole(admin, Role.ADMIN_PLATFORM);
        UUID monitor = staff.createStaff(new StaffAccounts.NewStaff("pemantau@gerai.local", "Pemantau KemenPAN-RB", null, PASSWORD));
        staff.grantPlatformRole(monitor, Role.PEMANTAU);
        citizen.register("Siti Rahmawati", CITIZEN_NIK, "warga@gerai.local", "081234567890", PASSWORD);

        Tenant tangerang = tenant("36.71");
        Map<String, UUID> tgr = agencies(tangerang, List.of(
                new NewAgency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null),
                new NewAgency("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", AgencyKind.REGIONAL, null),
                new NewAgency("DINKES", "Dinas Kesehatan", AgencyKind.REGIONAL, null),
                new NewAgency("BAPENDA", "Badan Pendapatan Daerah", AgencyKind.REGIONAL, null),
                new NewAgency("POLRES", "Polres Metro Tangerang Kota", AgencyKind.CENTRAL, "SKCK dan layanan kepolisian"),
                new NewAgency("BPJS-KES", "BPJS Kesehatan Cabang Tangerang", AgencyKind.CENTRAL, null),
                new NewAgency("ATR-BPN", "Kantor Pertanahan Kota Tangerang", AgencyKind.CENTRAL, null),
                new NewAgency("BANK-BJB", "Bank BJB", AgencyKind.PRIVATE, "Pembayaran retribusi dan pajak daerah")));
        points(tangerang, 2,
                new NewServicePoint("MPP", "Mal Pelayanan Publik Kota Tangerang", ServicePointKind.MPP,
                        "Jl. Satria Sudirman No. 1, Sukaasih, Kota Tangerang", null, 40),
                new NewServicePoint("MALL-TANGCITY", "Gerai Layanan Publik Tangcity Mall", ServicePointKind.MALL,
                        "Tangcity Mall Lt. 2, Jl. Jenderal Sudirman No. 1, Kota Tangerang", null, 6));
        staffFor(tangerang, "tangerang", tgr.get("DUKCAPIL"));
        officers(tangerang, "tangerang", tgr.get(DemoServices.VILLAGE_AGENCY));

        Tenant banyuwangi = tenant("35.10");
        Map<String, UUID> bwi = agencies(banyuwangi, List.of(
                new NewAgency("DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null),
                new NewAgency("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", AgencyKind.REGIONAL, null),
                new NewAgency("DINKES", "Dinas Kesehatan", AgencyKind.REGIONAL, null),
                new NewAgency("POLRESTA", "Polresta Banyuwangi", AgencyKind.CENTRAL, null),
                new NewAgency("BPJS-KES", "BPJS Kesehatan Cabang Banyuwangi", AgencyKind.CENTRAL, null),
                new NewAgency("KANTAH", "Kantor Pertanahan Kabupaten Banyuwangi", AgencyKind.CENTRAL, null)));
        points(banyuwangi, 3,
                new NewServicePoint("MPP", "Mal Pelayanan Publik Banyuwangi", ServicePointKind.MPP,
                        "Jl. Jaksa Agung Suprapto, Banyuwangi", null, 60),
                new NewServicePoint("MALL-RS", "Gerai Layanan Publik Roxy Square", ServicePointKind.MALL,
                        "Roxy Square Banyuwangi, Jl. Letkol Istiqlah", null, 4));
        staffFor(banyuwangi, "banyuwangi", bwi.get("DISPENDUKCAPIL"));
        officers(banyuwangi, "banyuwangi", bwi.get(DemoServices.VILLAGE_AGENCY));

        simpleTenant("12.03", "tapsel", "Jl. Kihajar Dewantara, Sipirok", List.of(
                new NewAgency("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null),
                new NewAgency("DPMPTSP", "Dinas Penanaman Modal dan PTSP", AgencyKind.REGIONAL, null),
                new NewAgency("POLRES", "Polres Tapanuli Selatan", AgencyKind.CENTRAL, null)));
        simpleTenant("71.02", "minahasa", "Jl. Sam Ratulangi, Tondano", List.of(
                new NewAgency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null),
                new NewAgency("DPMPTSP", "Dinas Penanaman Modal dan PTSP", AgencyKind.REGIONAL, null),
                new NewAgency("DINKES", "Dinas Kesehatan", AgencyKind.REGIONAL, null),
                new NewAgency("POLRES", "Polres Minahasa", AgencyKind.CENTRAL, null)));
        simpleTenant("61.06", "kapuashulu", "Jl. Kom Yos Sudarso, Putussibau", List.of(
                new NewAgency("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null),
                new NewAgency("DPMPTSP", "Dinas Penanaman Modal dan PTSP", AgencyKind.REGIONAL, null),
                new NewAgency("BPJS-KES", "BPJS Kesehatan Kantor Kabupaten Kapuas Hulu", AgencyKind.CENTRAL, null)));
        log.info("Demo data loaded");
    }

    private void simpleTenant(String code, String shortName, String mppAddress, List<NewAgency> agencies) {
        Tenant t = tenant(code);
        agencies(t, agencies);
        points(t, 2, new NewServicePoint("MPP", "Mal Pelayanan Publik " + t.name(), ServicePointKind.MPP, mppAddress, null, 12));
        UUID manager = staff.createStaff(new StaffAccounts.NewStaff("pengelola." + shortName + "@gerai.local",
                "Pengelola MPP " + t.name(), null, PASSWORD));
        staff.grant(manager, new Membership(t.id(), Role.PENGELOLA_MPP, null, null));
        UUID counter = staff.createStaff(new StaffAccounts.NewStaff("loket." + shortName + "@gerai.local",
                "Petugas Loket MPP " + t.name(), null, PASSWORD));
        staff.grant(counter, new Membership(t.id(), Role.PETUGAS_LOKET, null, null));
        officers(t, shortName, null);
    }

    private Tenant tenant(String code) {
        return tenancy.createTenant(new TenancyApi.NewTenant(code));
    }

    private Map<String, UUID> agencies(Tenant t, List<NewAgency> agencies) {
        Map<String, UUID> ids = new HashMap<>();
        for (NewAgency a : agencies) {
            ids.put(a.code(), tenancy.createAgency(t.id(), a));
        }
        // the village letters' agency, made here (not by DemoServices) so the village officer can belong to it
        NewAgency village = DemoServices.villageGovernment(t);
        ids.put(village.code(), tenancy.createAgency(t.id(), village));
        return ids;
    }

    /** The given points, an online channel and {@code villages} village offices in the tenant's first district. */
    private void points(Tenant t, int villages, NewServicePoint... points) {
        for (NewServicePoint p : points) {
            tenancy.createServicePoint(t.id(), p);
        }
        tenancy.createServicePoint(t.id(), new NewServicePoint("ONLINE", "Layanan daring " + t.name(), ServicePointKind.ONLINE, null, null, 0));
        List<Region> districts = regions.children(t.regionCode());
        int made = 0;
        for (Region district : districts) {
            for (Region village : regions.children(district.code())) {
                if (made == villages) {
                    return;
                }
                String label = village.kind() == id.gerai.region.RegionKind.KELURAHAN ? "Kantor Kelurahan " : "Kantor Desa ";
                tenancy.createServicePoint(t.id(), new NewServicePoint("DESA-" + village.code().replace(".", ""),
                        label + village.name(), ServicePointKind.VILLAGE_OFFICE, null, village.code(), 1));
                made++;
            }
        }
    }

    /**
     * The officers who work the demo applications (README lists them): the MPP back office, a petugas instansi
     * for all agencies of the tenant (so every step of every demo service has someone to work it), and, with
     * {@code villageAgency}, the officer of the tenant's first village office, who files for walk-in citizens
     * there (petugas loket) and works the village letters (petugas instansi of the village government). Few
     * accounts on purpose: each costs a password hash at the first start.
     */
    private void officers(Tenant t, String shortName, UUID villageAgency) {
        UUID backOffice = staff.createStaff(new StaffAccounts.NewStaff("petugas." + shortName + "@gerai.local",
                "Petugas Back Office MPP " + t.name(), null, PASSWORD));
        staff.grant(backOffice, new Membership(t.id(), Role.PETUGAS_INSTANSI, null, null));
        if (villageAgency == null) {
            return;
        }
        tenancy.servicePoints(t.id()).stream().filter(p -> p.kind() == ServicePointKind.VILLAGE_OFFICE).findFirst()
                .ifPresent(office -> {
                    UUID officer = staff.createStaff(new StaffAccounts.NewStaff("petugas.desa." + shortName + "@gerai.local",
                            "Petugas " + office.name().replaceFirst("^Kantor ", ""), null, PASSWORD));
                    staff.grant(officer, new Membership(t.id(), Role.PETUGAS_LOKET, null, office.id()));
                    staff.grant(officer, new Membership(t.id(), Role.PETUGAS_INSTANSI, villageAgency, null));
                });
    }

    private void staffFor(Tenant t, String shortName, UUID population) {
        UUID manager = staff.createStaff(new StaffAccounts.NewStaff("pengelola." + shortName + "@gerai.local",
                "Pengelola MPP " + t.name(), null, PASSWORD));
        staff.grant(manager, new Membership(t.id(), Role.PENGELOLA_MPP, null, null));
        UUID agencyAdmin = staff.createStaff(new StaffAccounts.NewStaff("admin.dukcapil." + shortName + "@gerai.local",
                "Admin Dukcapil " + t.name(), null, PASSWORD));
        staff.grant(agencyAdmin, new Membership(t.id(), Role.ADMIN_INSTANSI, population, null));
        UUID officer = staff.createStaff(new StaffAccounts.NewStaff("verifikator." + shortName + "@gerai.local",
                "Verifikator Dukcapil " + t.name(), null, PASSWORD));
        staff.grant(officer, new Membership(t.id(), Role.PETUGAS_INSTANSI, population, null));
        UUID counter = staff.createStaff(new StaffAccounts.NewStaff("loket." + shortName + "@gerai.local",
                "Petugas Loket MPP " + t.name(), null, PASSWORD));
        staff.grant(counter, new Membership(t.id(), Role.PETUGAS_LOKET, null, null));
    }
}
