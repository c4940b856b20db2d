package id.gerai.complaint.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.identity.StaffAccounts.StaffMember;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo complaints in every demo tenant (those staffed with {@code …@gerai.local} accounts), in every state: new,
 * verified, postponed, forwarded (one overdue, one due soon), answered, rated and closed, closed automatically,
 * not the region's authority, archived; some confidential or anonymous. They go through {@link ComplaintService} as
 * the demo coordinator and agency staff, so history, audit records and e-mails are real; then each is moved back to
 * the working days it "happened" and its limit computed again from the tenant's calendar. Runs once (when no
 * complaint exists), after the demo applications; a failing scenario is logged and skipped.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 30)
class DemoComplaints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);
    private static final String DEMO_DOMAIN = "@gerai.local";

    private enum End { RECEIVED, VERIFIED, POSTPONED, FORWARDED, ANSWERED, CLOSED, AUTO_CLOSED, NOT_OUR_AUTHORITY, ARCHIVED }

    /** One demo complaint: where it ends, how many working days ago it was filed, and its text. */
    private record Scenario(End end, int daysAgo, String kind, boolean confidential, boolean anonymous, String title,
                            String body, String answer) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario(End.RECEIVED, 0, "PENGADUAN", false, false, "Antrean KTP-el tidak bergerak",
                    "Sejak pukul delapan pagi nomor antrean KTP-el tidak dipanggil; petugas loket tidak memberi penjelasan.", null),
            new Scenario(End.RECEIVED, 5, "PENGADUAN", true, true, "Diminta uang agar berkas didahulukan",
                    "Seorang petugas di loket meminta uang Rp50.000 supaya permohonan akta kelahiran anak saya diproses lebih cepat.", null),
            new Scenario(End.VERIFIED, 1, "INFORMASI", false, false, "Syarat pindah datang dari luar provinsi",
                    "Saya ingin tahu dokumen apa saja yang diperlukan untuk pindah datang dari Provinsi Jawa Barat.", null),
            new Scenario(End.POSTPONED, 2, "PENGADUAN", false, false, "Pelayanan kurang ramah",
                    "Petugas berbicara dengan nada tinggi kepada ibu-ibu lansia yang antre di loket.", null),
            new Scenario(End.FORWARDED, 8, "PENGADUAN", false, false, "Izin reklame belum terbit sebulan",
                    "Permohonan izin reklame saya sudah lengkap sejak bulan lalu tetapi belum ada kabar dari dinas.", null),
            new Scenario(End.FORWARDED, 4, "ASPIRASI", false, true, "Loket sore untuk pekerja",
                    "Mohon loket MPP dibuka sampai pukul 17.00 agar pekerja dapat mengurus dokumen setelah jam kerja.", null),
            new Scenario(End.ANSWERED, 6, "PENGADUAN", false, false, "Mesin antrean sering mati",
                    "Mesin nomor antrean di lobi MPP mati dua kali minggu ini sehingga warga harus menulis nama di kertas.",
                    "Mesin antrean sudah diganti dengan unit baru dan diperiksa setiap pagi oleh petugas MPP."),
            new Scenario(End.ANSWERED, 7, "PENGADUAN", true, false, "Data KK tidak sesuai setelah perubahan",
                    "Setelah perubahan data, nama anak kedua saya di kartu keluarga salah eja dan belum diperbaiki.",
                    "Data sudah kami perbaiki; KK baru dapat diambil di loket Dukcapil dengan membawa KK lama."),
            new Scenario(End.CLOSED, 12, "ASPIRASI", false, false, "Tambah kursi tunggu di MPP",
                    "Kursi tunggu di lantai dua sering penuh sehingga banyak warga lansia berdiri lama.",
                    "Kami menambah 40 kursi tunggu dan menyediakan jalur prioritas untuk lansia dan ibu hamil."),
            new Scenario(End.AUTO_CLOSED, 18, "INFORMASI", false, false, "Biaya pembuatan akta kelahiran",
                    "Apakah pembuatan akta kelahiran dipungut biaya jika anak lahir lebih dari satu tahun yang lalu?",
                    "Pembuatan akta kelahiran tidak dipungut biaya, termasuk untuk pencatatan yang terlambat."),
            new Scenario(End.NOT_OUR_AUTHORITY, 3, "PENGADUAN", false, false, "Paspor belum jadi",
                    "Paspor saya di kantor imigrasi belum jadi setelah dua minggu.", null),
            new Scenario(End.ARCHIVED, 9, "PENGADUAN", false, false, "Tes laporan",
                    "Ini hanya percobaan mengirim laporan melalui aplikasi, mohon diabaikan saja.", null));

    private final ComplaintService service;
    private final ComplaintRepository repo;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final ComplaintSettings settings;
    private final boolean enabled;

    DemoComplaints(ComplaintService service, ComplaintRepository repo, TenancyApi tenancy, StaffAccounts staff,
                   WorkingCalendar calendar, TransactionTemplate tx, ComplaintSettings settings,
                   @Value("${gerai.demo.enabled:true}") boolean enabled) {
        this.service = service;
        this.repo = repo;
        this.tenancy = tenancy;
        this.staff = staff;
        this.calendar = calendar;
        this.tx = tx;
        this.settings = settings;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.any()))) {
            log.info("Demo complaints skipped: complaints exist already");
            return;
        }
        int made = 0;
        for (Tenant t : tenancy.tenants()) {
            if (staff.staffOf(t.id()).stream().anyMatch(m -> m.email().endsWith(DEMO_DOMAIN))) {
                made += load(t);
            }
        }
        if (made > 0) {
            log.info("Demo complaints: {}", made);
        }
    }

    /** Files the demo complaints of one tenant; answers how many were made. */
    int load(Tenant tenant) {
        Map<UUID, List<StaffMember>> byAccount = staff.staffOf(tenant.id()).stream()
                .collect(Collectors.groupingBy(StaffMember::accountId, LinkedHashMap::new, Collectors.toList()));
        GeraiUser coordinator = null;
        Map<UUID, GeraiUser> agencyStaff = new LinkedHashMap<>();
        GeraiUser anyAgencyStaff = null;
        for (var e : byAccount.entrySet()) {
            List<StaffMember> ms = e.getValue();
            GeraiUser u = new GeraiUser(e.getKey(), ms.getFirst().email(), ms.getFirst().fullName(), false, Set.of(),
                    ms.stream().map(m -> new Membership(tenant.id(), m.role(), m.agencyId(), m.servicePointId())).toList(), true, null);
            for (StaffMember m : ms) {
                if (m.role() == Role.PENGELOLA_MPP && coordinator == null) {
                    coordinator = u;
                }
                if (m.role() == Role.ADMIN_INSTANSI || m.role() == Role.PETUGAS_INSTANSI) {
                    if (m.agencyId() != null) {
                        agencyStaff.putIfAbsent(m.agencyId(), u);
                    } else if (anyAgencyStaff == null) {
                        anyAgencyStaff = u;
                    }
                }
            }
        }
        List<Agency> agencies = service.agencies(tenant.id());
        if (coordinator == null || agencies.isEmpty()) {
            return 0;
        }
        int made = 0;
        int i = 0;
        for (Scenario s : SCENARIOS) {
            Agency agency = agencies.get(i++ % agencies.size());
            GeraiUser officer = agencyStaff.getOrDefault(agency.id(), anyAgencyStaff);
            if (officer == null) {
                agency = agencies.stream().filter(a -> agencyStaff.containsKey(a.id())).findFirst().orElse(agency);
                officer = agencyStaff.get(agency.id());
            }
            try {
                play(tenant, s, agency, coordinator, officer, i);
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo complaint '{}' in {} skipped: {}", s.title(), tenant.slug(), e.toString());
            }
        }
        return made;
    }

    private void play(Tenant tenant, Scenario s, Agency agency, GeraiUser coordinator, GeraiUser officer, int index) {
        String email = "pelapor" + index + "." + tenant.regionCode().replace(".", "") + "@contoh.id";
        var in = new ComplaintService.NewComplaint(s.kind(), s.title(), s.body(), null, null, null, null, agency.id(), null,
                s.confidential(), s.anonymous(), s.anonymous() ? null : "Warga " + tenant.name(), email, null, "id");
        var filed = service.file(tenant.id(), in, List.of(), null, "WEB");
        UUID id = filed.complaint().id();
        boolean needsOfficer = switch (s.end()) {
            case ANSWERED, CLOSED, AUTO_CLOSED -> true;
            default -> false;
        };
        if (needsOfficer && officer == null) {
            throw new IllegalStateException("no agency staff");
        }
        switch (s.end()) {
            case RECEIVED -> { }
            case VERIFIED -> service.verify(tenant.id(), id, null, null, null, null, coordinator);
            case POSTPONED -> service.postpone(tenant.id(), id,
                    "Mohon sebutkan tanggal, jam, dan loket tempat kejadian agar dapat kami teruskan.", coordinator);
            case NOT_OUR_AUTHORITY -> service.notAuthority(tenant.id(), id,
                    "Paspor adalah kewenangan Kantor Imigrasi (pemerintah pusat); silakan sampaikan melalui SP4N-LAPOR!.", coordinator);
            case ARCHIVED -> service.archive(tenant.id(), id, "Laporan percobaan tanpa isi pengaduan.", coordinator);
            default -> {
                service.verify(tenant.id(), id, null, null, null, null, coordinator);
                service.forward(tenant.id(), id, agency.id(), null, coordinator);
                if (s.end() != End.FORWARDED) {
                    service.followUp(tenant.id(), id, s.answer(), List.of(), officer);
                }
                if (s.end() == End.CLOSED) {
                    service.rate(filed.complaint().trackingNo(), filed.accessCode(), null, 5, true, "Terima kasih, cepat ditangani.");
                }
            }
        }
        backdate(tenant, id, s.daysAgo(), s.end());
    }

    /** Moves the complaint to the working day it was filed and computes its limit again from there. */
    private void backdate(Tenant tenant, UUID id, int workingDaysAgo, End end) {
        if (workingDaysAgo == 0) {
            return;
        }
        ZoneId zone = calendar.zone(tenant.id());
        LocalDate today = LocalDate.now(zone);
        LocalDate day = today;
        int n = 0;
        while (n < workingDaysAgo) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(tenant.id(), day)) {
                n++;
            }
        }
        Duration shift = Duration.ofDays(today.toEpochDay() - day.toEpochDay());
        service.write(tenant.id(), () -> {
            Complaint c = repo.find(tenant.id(), id).orElseThrow();
            Instant due = switch (c.status()) {
                case RECEIVED, VERIFIED -> calendar.deadline(tenant.id(), c.filedAt().minus(shift), settings.verifyDays());
                case FORWARDED -> calendar.deadline(tenant.id(), c.forwardedAt().minus(shift),
                        settings.followUpDays());
                case ANSWERED -> calendar.deadline(tenant.id(), c.answeredAt().minus(shift), settings.autoCloseDays());
                default -> null;
            };
            repo.backdate(tenant.id(), id, shift, due);
            return null;
        });
    }
}
