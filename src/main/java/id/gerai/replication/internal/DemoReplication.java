package id.gerai.replication.internal;

import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.replication.internal.StudyVisit.DesignRef;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo study visits and an action plan, made through the services as the demo MPP managers (so audit records and
 * e-mails are real): Kota Tangerang's visit to Kabupaten Banyuwangi, held about six weeks ago, with an action plan
 * whose items are done, in progress, overdue and dropped; Banyuwangi's pending request to Tangerang, and Tapanuli
 * Selatan's to Banyuwangi. The held visit is then moved back to the days it "happened". Runs once (when no visit
 * exists), after the demo services; a failure is logged and skipped.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class DemoReplication implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReplication.class);

    private final StudyVisitService visits;
    private final ActionPlanService plans;
    private final ReplicationRepository repo;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoReplication(StudyVisitService visits, ActionPlanService plans, ReplicationRepository repo, TenancyApi tenancy,
                    StaffAccounts staff, JdbcClient jdbc, @Value("${gerai.demo.enabled:true}") boolean enabled) {
        this.visits = visits;
        this.plans = plans;
        this.repo = repo;
        this.tenancy = tenancy;
        this.staff = staff;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Tenant> tangerang = tenancy.bySlug("kota-tangerang");
        Optional<Tenant> banyuwangi = tenancy.bySlug("kabupaten-banyuwangi");
        if (tangerang.isEmpty() || banyuwangi.isEmpty() || TenantContext.callAcrossTenants(repo::anyVisit)) {
            return;
        }
        try {
            load(tangerang.get(), banyuwangi.get(), tenancy.bySlug("kabupaten-tapanuli-selatan"));
        } catch (RuntimeException e) {
            log.warn("Demo study visits skipped: {}", e.toString());
        }
    }

    /**
     * Makes the demo visits between {@code tgr} (the visitor) and {@code bwi} (the host) as their first MPP managers,
     * and the plan in {@code tgr}, and a request of {@code third} to {@code bwi}; answers whether it did (both need
     * a manager).
     */
    boolean load(Tenant tgr, Tenant bwi, Optional<Tenant> third) {
        GeraiUser tgrManager = manager(tgr);
        GeraiUser bwiManager = manager(bwi);
        if (tgrManager == null || bwiManager == null) {
            return false;
        }
        LocalDate today = visits.today(tgr.id());
        List<UUID> designs = visits.designsOf(bwi).stream().limit(2).map(DesignRef::serviceId).toList();

        // held: asked, accepted for today, held today; then moved back to six weeks ago
        UUID held = TenantContext.call(tgr.id(), () -> visits.request(tgr.id(), new StudyVisitService.NewVisit(bwi.slug(),
                "Pelayanan adminduk sampai desa (SmartKampung)",
                "Mempelajari cara Banyuwangi melayani akta kelahiran, KTP-el dan KIA dari kantor desa tanpa warga datang ke kota.",
                designs, today.plusDays(7).toString(), today.plusDays(8).toString(), 8, "Siti Rahmawati",
                "siti.rahmawati@tangerangkota.go.id", "081298765432"), tgrManager)).visit().id();
        TenantContext.run(bwi.id(), () -> visits.accept(bwi.id(), held, today.toString(),
                "Rombongan kami sambut di MPP Banyuwangi pukul 09.00 WIB, lalu kunjungan ke Desa Sarongan.", bwiManager));
        TenantContext.run(tgr.id(), () -> visits.markHeld(tgr.id(), held,
                "Banyuwangi memindahkan loket adminduk ke kantor desa: petugas desa memindai berkas, Dispendukcapil "
                        + "memverifikasi dari jauh, dokumen dicetak di desa. Akta kelahiran selesai dalam satu hari tanpa warga "
                        + "ke kota. Yang akan kami tiru: layanan di kelurahan dan verifikasi jarak jauh.", tgrManager));
        LocalDate on = today.minusDays(42);
        Instant asked = Instant.now().minus(Duration.ofDays(63));
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        update study_visit set proposed_from = ?, proposed_to = ?, confirmed_date = ?, requested_at = ?,
                            decided_at = ?, held_at = ?, updated_at = ?
                        where tenant_id = ? and id = ?""")
                .params(on, on.plusDays(1), on, java.sql.Timestamp.from(asked),
                        java.sql.Timestamp.from(asked.plus(Duration.ofDays(4))),
                        java.sql.Timestamp.from(asked.plus(Duration.ofDays(22))),
                        java.sql.Timestamp.from(asked.plus(Duration.ofDays(22))), tgr.id().value(), held)
                .update());

        // pending requests, one in each direction of Banyuwangi
        TenantContext.run(bwi.id(), () -> visits.request(bwi.id(), new StudyVisitService.NewVisit(tgr.slug(),
                "Loket MPP di pusat perbelanjaan", "Melihat loket pelayanan Kota Tangerang di mal: jam buka, petugas dan antrean.",
                List.of(), today.plusDays(21).toString(), today.plusDays(22).toString(), 6, "Agus Prasetyo",
                "agus.prasetyo@banyuwangikab.go.id", null), bwiManager));
        third.ifPresent(tapsel -> {
            GeraiUser m = manager(tapsel);
            if (m != null) {
                TenantContext.run(tapsel.id(), () -> visits.request(tapsel.id(), new StudyVisitService.NewVisit(bwi.slug(),
                        "Desa digital dan layanan keliling", null, designs.stream().limit(1).toList(),
                        today.plusDays(30).toString(), today.plusDays(31).toString(), 10, "Parulian Hasibuan",
                        "parulian.hasibuan@tapselkab.go.id", null), m));
            }
        });

        // Tangerang's action plan after the held visit
        List<Agency> agencies = tenancy.agencies(tgr.id());
        UUID dukcapil = agencies.stream().filter(a -> a.code().equals("DUKCAPIL")).map(Agency::id).findFirst()
                .orElse(agencies.getFirst().id());
        UUID dpmptsp = agencies.stream().filter(a -> a.code().equals("DPMPTSP")).map(Agency::id).findFirst().orElse(dukcapil);
        TenantContext.run(tgr.id(), () -> {
            ActionPlan plan = plans.create(tgr.id(), new ActionPlanService.NewPlan(
                    "Layanan adminduk di kelurahan (tiru SmartKampung Banyuwangi)", "VISIT", held, null, null, dukcapil),
                    tgrManager);
            UUID a = item(tgr, plan, "Pemindaian berkas akta kelahiran di 10 kelurahan percontohan", dukcapil,
                    "Kepala Bidang Pelayanan Pencatatan Sipil", today.minusDays(10), tgrManager);
            UUID b = item(tgr, plan, "Verifikasi jarak jauh oleh Dukcapil untuk berkas dari kelurahan", dukcapil,
                    "Kepala Seksi Kelahiran", today.plusDays(30), tgrManager);
            item(tgr, plan, "Pelatihan petugas kelurahan memindai dan mengunggah berkas", dukcapil,
                    "Sekretaris Dinas", today.minusDays(5), tgrManager);
            UUID d = item(tgr, plan, "Loket izin usaha mikro di kelurahan", dpmptsp, "Kepala Bidang Perizinan",
                    today.plusDays(60), tgrManager);
            plans.progress(tgr.id(), plan.id(), a, "IN_PROGRESS", "Sepuluh kelurahan dipilih; pemindai dipesan.", tgrManager);
            plans.progress(tgr.id(), plan.id(), a, "DONE", "Pemindaian berjalan di 10 kelurahan sejak pekan lalu.", tgrManager);
            plans.progress(tgr.id(), plan.id(), b, "IN_PROGRESS", "Alur verifikasi disusun bersama Dukcapil.", tgrManager);
            plans.progress(tgr.id(), plan.id(), d, "DROPPED",
                    "Izin usaha mikro sudah terbit otomatis lewat OSS; loket di kelurahan tidak diperlukan.", tgrManager);
        });
        log.info("Demo study visits and an action plan made");
        return true;
    }

    private UUID item(Tenant t, ActionPlan plan, String what, UUID agency, String responsible, LocalDate target,
                      GeraiUser manager) {
        return plans.addItem(t.id(), plan.id(), new ActionPlanService.NewItem(what, agency, responsible, target.toString()),
                manager).id();
    }

    /** The tenant's first MPP manager as the services see a signed-in person. */
    private GeraiUser manager(Tenant tenant) {
        return staff.staffOf(tenant.id()).stream()
                .filter(m -> m.role() == Role.PENGELOLA_MPP).findFirst()
                .map(m -> new GeraiUser(m.accountId(), m.email(), m.fullName(), false, Set.of(),
                        List.of(new Membership(tenant.id(), Role.PENGELOLA_MPP, null, null)), true, null))
                .orElse(null);
    }
}
