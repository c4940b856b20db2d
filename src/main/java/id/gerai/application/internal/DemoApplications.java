package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Applications.NewApplication;
import id.gerai.application.Applications.WalkIn;
import id.gerai.application.Decision;
import id.gerai.application.ProcedurePlan;
import id.gerai.application.internal.DemoPeople.Person;
import id.gerai.application.internal.DemoTimeline.ActiveTask;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.Widget;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.CitizenAccounts.Citizen;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.NikCheck;
import id.gerai.identity.NikValidator;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.identity.StaffAccounts.StaffMember;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo applications, so every page has something real to show right after the first start: in each demo
 * tenant a spread over its published services in every state (drafts; in process at different steps, some
 * claimed by an officer and some waiting in the inbox, some due soon and some overdue; returned for
 * correction; completed; rejected; withdrawn), filed online by demo citizens ({@code warga@gerai.local} in its
 * home region, and a few residents of each region who register here) and at the MPP counter, the mall counter
 * and the village office for walk-in citizens by the demo officers.
 *
 * <p>Everything goes through {@link Applications} as the demo people (their real accounts and memberships),
 * so history, audit records and notifications are those of real use. Then {@link DemoTimeline} moves each step
 * to the working day it "happened" and computes the due times again from there.
 *
 * <p>Runs after the demo services ({@code id.gerai.demo.DemoServices}), when {@code gerai.demo.enabled} is on and
 * no application exists yet, in the tenants staffed with demo accounts ({@code …@gerai.local}); a second start
 * does nothing. One scenario that fails is logged and skipped: the demo must not stop the start-up. Public only
 * so the test of the application module can run {@link #load} on a tenant of its own.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 40)
public class DemoApplications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

    /** The demo accounts' password (README; the demo module uses the same). */
    static final String PASSWORD = "GeraiDemo2026!";
    /** The demo citizen; files in the region of its NIK. */
    static final String DEMO_CITIZEN = "warga@gerai.local";
    private static final String DEMO_DOMAIN = "@gerai.local";
    /** Applications made side by side (each holds at most one or two database connections at a time). */
    private static final int THREADS = 6;

    /** Where an application ends up. */
    enum Outcome {
        /** A draft with half the form filled in. */
        PARTIAL_DRAFT,
        /** A complete draft with its documents, not submitted. */
        DRAFT,
        /** Submitted; the first step waits in the inbox. */
        SUBMITTED,
        /** Submitted; an officer claimed the first step. */
        CLAIMED,
        /** The first stage approved; the next waits in the inbox. */
        NEXT_STAGE,
        /** The first stage approved; an officer claimed the next (with a note to colleagues). */
        NEXT_STAGE_CLAIMED,
        /** In a stage of parallel steps, one of them approved. */
        PARALLEL,
        /** Returned for correction, corrected and submitted again; the first step waits again. */
        RESUBMITTED,
        /** Returned for correction; waiting for the citizen. */
        CORRECTION,
        COMPLETED,
        REJECTED,
        WITHDRAWN
    }

    /** Who files it. */
    enum Filer { WARGA, CITIZEN, COUNTER, MALL, VILLAGE }

    /**
     * One demo application: its outcome, who files it, on which working day before today it was filed
     * ({@code from}; 0 is today, a little while ago) and the day of its last step ({@code to}; steps between
     * fall on the days between), whether someone else files it where its filer is missing ({@code otherwise};
     * else it is left out there), and the service kinds it prefers.
     */
    record Scenario(Outcome outcome, Filer filer, int from, int to, boolean otherwise, List<String> kinds) {
        Scenario(Outcome outcome, Filer filer, int from, int to, boolean otherwise, String... kinds) {
            this(outcome, filer, from, to, otherwise, List.of(kinds));
        }
    }

    private static final boolean OTHERWISE = true;
    private static final boolean ONLY_THERE = false;

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario(Outcome.PARTIAL_DRAFT, Filer.WARGA, 0, 0, ONLY_THERE, "KTP_EL_PENGGANTIAN"),
            new Scenario(Outcome.DRAFT, Filer.CITIZEN, 1, 1, OTHERWISE, "IZIN_REKLAME", "SURAT_KETERANGAN_DOMISILI"),
            new Scenario(Outcome.SUBMITTED, Filer.CITIZEN, 0, 0, OTHERWISE, "SURAT_IZIN_PRAKTIK_NAKES", "SKCK"),
            new Scenario(Outcome.SUBMITTED, Filer.COUNTER, 1, 1, OTHERWISE, "SKCK", "KTP_EL_PENGGANTIAN"),
            new Scenario(Outcome.CLAIMED, Filer.VILLAGE, 1, 1, OTHERWISE, "SURAT_PENGANTAR", "SURAT_KETERANGAN_DOMISILI"),
            new Scenario(Outcome.SUBMITTED, Filer.CITIZEN, 4, 4, OTHERWISE, "KARTU_IDENTITAS_ANAK", "AKTA_KELAHIRAN"),
            new Scenario(Outcome.NEXT_STAGE, Filer.WARGA, 2, 1, ONLY_THERE, "AKTA_KELAHIRAN"),
            new Scenario(Outcome.NEXT_STAGE_CLAIMED, Filer.COUNTER, 7, 5, OTHERWISE, "PINDAH_DATANG", "AKTA_KELAHIRAN"),
            new Scenario(Outcome.PARALLEL, Filer.CITIZEN, 5, 3, OTHERWISE, "PERSETUJUAN_BANGUNAN_GEDUNG"),
            new Scenario(Outcome.RESUBMITTED, Filer.CITIZEN, 6, 2, OTHERWISE, "IZIN_REKLAME", "SURAT_IZIN_PRAKTIK_NAKES"),
            new Scenario(Outcome.CORRECTION, Filer.WARGA, 3, 2, ONLY_THERE, "SKCK"),
            new Scenario(Outcome.CORRECTION, Filer.COUNTER, 2, 1, OTHERWISE, "AKTA_KELAHIRAN", "KARTU_IDENTITAS_ANAK"),
            new Scenario(Outcome.COMPLETED, Filer.WARGA, 9, 6, ONLY_THERE, "KARTU_IDENTITAS_ANAK"),
            new Scenario(Outcome.COMPLETED, Filer.VILLAGE, 4, 3, OTHERWISE, "SURAT_KETERANGAN_TIDAK_MAMPU", "SURAT_KETERANGAN_DOMISILI"),
            new Scenario(Outcome.COMPLETED, Filer.MALL, 6, 4, ONLY_THERE, "KTP_EL_PENGGANTIAN", "SKCK"),
            new Scenario(Outcome.COMPLETED, Filer.CITIZEN, 12, 8, OTHERWISE, "SURAT_IZIN_PRAKTIK_NAKES", "PINDAH_DATANG"),
            new Scenario(Outcome.REJECTED, Filer.CITIZEN, 5, 4, OTHERWISE, "SURAT_IZIN_PRAKTIK_NAKES", "IZIN_REKLAME"),
            new Scenario(Outcome.WITHDRAWN, Filer.WARGA, 4, 3, OTHERWISE, "SURAT_KETERANGAN_DOMISILI", "SURAT_PENGANTAR"));

    private final boolean enabled;
    private final Applications applications;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final CitizenAccounts citizens;
    private final NikValidator niks;
    private final RegionApi regions;
    private final WorkingCalendar calendar;
    private final DemoTimeline timeline;

    DemoApplications(@Value("${gerai.demo.enabled}") boolean enabled, Applications applications, CatalogApi catalog,
                     TenancyApi tenancy, StaffAccounts staff, CitizenAccounts citizens, NikValidator niks, RegionApi regions,
                     WorkingCalendar calendar, DemoTimeline timeline) {
        this.enabled = enabled;
        this.applications = applications;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.staff = staff;
        this.citizens = citizens;
        this.niks = niks;
        this.regions = regions;
        this.calendar = calendar;
        this.timeline = timeline;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (timeline.anyApplication()) {
            log.info("Demo applications skipped: applications exist already");
            return;
        }
        load(tenancy.tenants().stream()
                .filter(t -> staff.staffOf(t.id()).stream().anyMatch(m -> m.email().endsWith(DEMO_DOMAIN)))
                .toList());
    }

    /**
     * Files the demo applications of one tenant, unless it has applications already; answers how many were made.
     * Needs the tenant's published services and officers for their steps; scenarios whose filer the tenant lacks
     * (a counter officer, a village office, a mall counter) are filed by another one or online.
     */
    public int load(Tenant tenant) {
        return load(List.of(tenant));
    }

    /**
     * Files the demo applications of the tenants that have none yet. Each application goes through many short
     * transactions (every one a durable commit), so the applications are made side by side on a few threads: the
     * whole demo then takes a few seconds of the start-up.
     */
    int load(List<Tenant> tenants) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("demo-applications-", 1).factory());
        try {
            List<Future<List<Play>>> prepared = new ArrayList<>();
            for (Tenant t : tenants) {
                if (!timeline.hasApplications(t.id())) {
                    prepared.add(pool.submit(() -> plays(t)));
                }
            }
            List<Future<Boolean>> played = new ArrayList<>();
            for (Future<List<Play>> f : prepared) {
                for (Play play : outcome(f, List.<Play>of())) {
                    played.add(pool.submit(play::run));
                }
            }
            int made = 0;
            for (Future<Boolean> f : played) {
                made += outcome(f, false) ? 1 : 0;
            }
            if (made > 0) {
                log.info("Demo applications: {} in {} tenants ({} ms)", made, prepared.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return made;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T outcome(Future<T> f, T failed) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed;
        } catch (ExecutionException e) {
            log.warn("Demo applications: a part was not made", e.getCause());
            return failed;
        }
    }

    /** The scenarios of one tenant with their services and filers chosen (nothing filed yet). */
    private List<Play> plays(Tenant tenant) {
        Cast cast = cast(tenant);
        List<Svc> services = services(tenant, cast);
        Map<UUID, Integer> used = new HashMap<>();
        List<Play> plays = new ArrayList<>();
        for (int i = 0; i < SCENARIOS.size() && !services.isEmpty(); i++) {
            Random random = new Random(tenant.regionCode().hashCode() * 31L + i);
            Play play = play(cast, SCENARIOS.get(i), services, used, i, random);
            if (play != null) {
                plays.add(play);
            }
        }
        return plays;
    }

    // =====================================================================================================
    // the people of a tenant
    // =====================================================================================================

    /** Who files and works the applications of one tenant, and where. */
    private record Cast(Tenant tenant, ZoneId zone, String district, List<StaffMember> members, Map<UUID, GeraiUser> users,
                        GeraiUser counter, GeraiUser villageOfficer, ServicePoint mpp, ServicePoint mall,
                        ServicePoint villageOffice, GeraiUser warga, Person wargaPerson, List<GeraiUser> online,
                        List<Person> onlinePeople, List<Person> walkIns, List<String> villages, String elsewhere,
                        Map<String, UUID> agencies) {
    }

    private Cast cast(Tenant tenant) {
        List<StaffMember> members = staff.staffOf(tenant.id());
        Map<UUID, List<StaffMember>> byAccount = members.stream()
                .collect(Collectors.groupingBy(StaffMember::accountId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, GeraiUser> users = new HashMap<>();
        byAccount.forEach((id, ms) -> users.put(id, new GeraiUser(id, ms.getFirst().email(), ms.getFirst().fullName(), false,
                Set.of(), ms.stream().map(m -> new Membership(tenant.id(), m.role(), m.agencyId(), m.servicePointId())).toList(),
                true, null)));
        List<ServicePoint> points = tenancy.servicePoints(tenant.id());
        ServicePoint mpp = first(points, ServicePointKind.MPP);
        ServicePoint mall = first(points, ServicePointKind.MALL);
        ServicePoint village = null;
        GeraiUser villageOfficer = null;
        GeraiUser counter = null;
        for (StaffMember m : members) {
            if (m.role() != Role.PETUGAS_LOKET) {
                continue;
            }
            Optional<ServicePoint> at = points.stream().filter(p -> p.id().equals(m.servicePointId())).findFirst();
            if (at.isPresent() && at.get().kind() == ServicePointKind.VILLAGE_OFFICE && villageOfficer == null) {
                villageOfficer = users.get(m.accountId());
                village = at.get();
            } else if (m.servicePointId() == null && counter == null) {
                counter = users.get(m.accountId());
            }
        }
        if (villageOfficer == null && counter != null) {
            // no officer of a village office: the counter officer files there as well
            village = first(points, ServicePointKind.VILLAGE_OFFICE);
            villageOfficer = village == null ? null : counter;
        }

        String district = regions.children(tenant.regionCode()).getFirst().code();
        List<String> villages = regions.children(district).stream().map(Region::code).limit(12).toList();
        String elsewhere = elsewhere(tenant.regionCode());

        GeraiUser warga = null;
        Person wargaPerson = null;
        Optional<Citizen> demoCitizen = staff.findAccountByEmail(DEMO_CITIZEN).flatMap(citizens::byId);
        if (demoCitizen.isPresent() && demoCitizen.get().nik() != null
                && demoCitizen.get().nik().startsWith(tenant.regionCode().replace(".", ""))) {
            warga = citizenUser(demoCitizen.get());
            wargaPerson = person(demoCitizen.get(), "Karyawan swasta");
        }
        List<GeraiUser> online = new ArrayList<>();
        List<Person> onlinePeople = new ArrayList<>();
        for (int i = 0; i < DemoPeople.ONLINE; i++) {
            Person p = DemoPeople.person(district, i);
            registered(p).ifPresent(c -> {
                online.add(citizenUser(c));
                onlinePeople.add(person(c, p.occupation()));
            });
        }
        List<Person> walkIns = new ArrayList<>();
        for (int i = DemoPeople.ONLINE; i < DemoPeople.SIZE; i++) {
            walkIns.add(DemoPeople.person(district, i));
        }
        Map<String, UUID> agencies = tenancy.agencies(tenant.id()).stream().collect(Collectors.toMap(Agency::code, Agency::id, (a, b) -> a));
        return new Cast(tenant, calendar.zone(tenant.id()), district, members, users, counter, villageOfficer, mpp, mall, village,
                warga, wargaPerson, online, onlinePeople, walkIns, villages, elsewhere, agencies);
    }

    private static ServicePoint first(List<ServicePoint> points, ServicePointKind kind) {
        return points.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
    }

    /** A village of another kabupaten/kota of the province: where someone moving here comes from. */
    private String elsewhere(String regionCode) {
        String province = regionCode.substring(0, 2);
        for (Region regency : regions.children(province)) {
            if (!regency.code().equals(regionCode)) {
                List<Region> districts = regions.children(regency.code());
                if (!districts.isEmpty()) {
                    List<Region> villages = regions.children(districts.getFirst().code());
                    if (!villages.isEmpty()) {
                        return villages.getFirst().code();
                    }
                }
            }
        }
        return regions.children(regions.children(regionCode).getFirst().code()).getFirst().code();
    }

    /** The demo resident's account, registered now when it is not there yet. */
    private Optional<Citizen> registered(Person p) {
        Optional<Citizen> existing = staff.findAccountByEmail(p.email()).flatMap(citizens::byId);
        if (existing.isPresent()) {
            return existing;
        }
        try {
            UUID id = TenantContext.callAcrossTenants(() -> citizens.register(p.name(), p.nik(), p.email(), p.phone(), PASSWORD));
            return citizens.byId(id);
        } catch (RuntimeException e) {
            log.warn("Demo citizen {} not registered: {}", p.email(), e.toString());
            return Optional.empty();
        }
    }

    private static GeraiUser citizenUser(Citizen c) {
        return new GeraiUser(c.accountId(), c.email(), c.fullName(), true, Set.of(), List.of(), true, null);
    }

    private Person person(Citizen c, String occupation) {
        NikCheck check = niks.check(c.nik());
        LocalDate birth = check.birthDate() == null ? LocalDate.of(1990, 1, 1) : check.birthDate();
        return new Person(c.fullName(), check.female(), birth, c.nik(), c.phone() == null ? "081234567890" : c.phone(),
                occupation, c.email());
    }

    // =====================================================================================================
    // services
    // =====================================================================================================

    /** A published service the demo can file and take through every step. */
    private record Svc(UUID id, String kind, UUID agency, ServiceDesign design, ProcedurePlan plan, List<Field> fields) {
        boolean offers(String channel) {
            return design.channels().isEmpty() || design.channels().contains(channel);
        }
    }

    private List<Svc> services(Tenant tenant, Cast cast) {
        List<Svc> out = new ArrayList<>();
        for (ServiceSummary s : catalog.publishedServices(tenant.id())) {
            catalog.current(tenant.id(), s.id()).ifPresent(v -> {
                ServiceDesign d = v.design();
                Svc svc = new Svc(s.id(), s.kindCode(), s.agencyId(), d, ProcedurePlan.of(d.procedure()), FormFields.fields(d.form()));
                if (svc.plan().size() > 0 && d.procedure().steps().stream().allMatch(step -> officer(cast, svc, step) != null)) {
                    out.add(svc);
                }
            });
        }
        return out;
    }

    private GeraiUser officer(Cast cast, Svc svc, Step step) {
        UUID agency = step.agencyCode() == null || step.agencyCode().isBlank() ? svc.agency()
                : cast.agencies().getOrDefault(step.agencyCode(), svc.agency());
        return officer(cast, step.role(), agency);
    }

    /** Who works a task of {@code role} at {@code agency}: an officer of that agency, else one of the role, else its admin. */
    private static GeraiUser officer(Cast cast, String role, UUID agency) {
        Comparator<StaffMember> preference = Comparator.comparingInt(m -> agency.equals(m.agencyId()) ? 0 : 1);
        return cast.members().stream()
                .filter(m -> m.role().name().equals(role) && (m.agencyId() == null || m.agencyId().equals(agency))
                        || m.role() == Role.ADMIN_INSTANSI && agency.equals(m.agencyId()))
                .sorted(preference.thenComparingInt(m -> m.role() == Role.ADMIN_INSTANSI ? 1 : 0))
                .map(m -> cast.users().get(m.accountId()))
                .findFirst().orElse(null);
    }

    private static boolean fits(Svc svc, Outcome outcome) {
        ProcedurePlan plan = svc.plan();
        List<Step> first = plan.stage(0);
        return switch (outcome) {
            case NEXT_STAGE, NEXT_STAGE_CLAIMED -> plan.size() >= 2 && !plan.isFinal(0);
            case PARALLEL -> plan.size() >= 3 && plan.stage(1).size() >= 2;
            case CORRECTION, RESUBMITTED -> first.size() == 1 && first.getFirst().actions().contains("CORRECTION");
            case REJECTED -> first.stream().anyMatch(s -> s.actions().contains("REJECT"));
            case COMPLETED -> svc.design().procedure().steps().stream().allMatch(s -> s.actions().contains("APPROVE"));
            default -> true;
        };
    }

    // =====================================================================================================
    // playing a scenario
    // =====================================================================================================

    /** The scenario with a service and a filer the tenant has; {@code null} when it has none that fits. */
    private Play play(Cast cast, Scenario s, List<Svc> services, Map<UUID, Integer> used, int index, Random random) {
        Filer filer = s.filer();
        Svc svc = null;
        while (filer != null) {
            svc = able(cast, filer) ? choose(s, filer, services, used) : null;
            if (svc != null || !s.otherwise()) {
                break;
            }
            filer = switch (filer) {
                case VILLAGE, MALL -> Filer.COUNTER;
                case COUNTER, WARGA -> Filer.CITIZEN;
                case CITIZEN -> null;
            };
        }
        if (svc == null) {
            return null;
        }
        used.merge(svc.id(), 1, Integer::sum);
        return new Play(cast, s, svc, filer, index, random);
    }

    private static boolean able(Cast cast, Filer filer) {
        return switch (filer) {
            case WARGA -> cast.warga() != null;
            case CITIZEN -> !cast.online().isEmpty();
            case COUNTER -> cast.counter() != null && cast.mpp() != null;
            case MALL -> cast.counter() != null && cast.mall() != null;
            case VILLAGE -> cast.villageOfficer() != null && cast.villageOffice() != null;
        };
    }

    private static Svc choose(Scenario s, Filer filer, List<Svc> services, Map<UUID, Integer> used) {
        String channel = switch (filer) {
            case WARGA, CITIZEN -> "ONLINE";
            case COUNTER -> "MPP";
            case MALL -> "MALL";
            case VILLAGE -> "VILLAGE_OFFICE";
        };
        List<Svc> fitting = services.stream().filter(x -> x.offers(channel) && fits(x, s.outcome())).toList();
        for (String kind : s.kinds()) {
            for (Svc x : fitting) {
                if (x.kind().equals(kind)) {
                    return x;
                }
            }
        }
        return fitting.stream().min(Comparator.comparingInt(x -> used.getOrDefault(x.id(), 0))).orElse(null);
    }

    /** One scenario being played: the application, its filer, and the clock that moves each step back in time. */
    private final class Play {

        private final Cast cast;
        private final Scenario scenario;
        private final Svc svc;
        private final Filer filer;
        private final Random random;
        private final TenantId tenant;
        private final GeraiUser filerUser;
        private final Person applicant;
        private final DemoForms.Context context;
        private final List<Instant> moments;
        private int act;
        private Instant lastMoment;
        private UUID app;
        private Map<String, Object> data;

        Play(Cast cast, Scenario scenario, Svc svc, Filer filer, int index, Random random) {
            this.cast = cast;
            this.scenario = scenario;
            this.svc = svc;
            this.filer = filer;
            this.random = random;
            this.tenant = cast.tenant().id();
            switch (filer) {
                case WARGA -> {
                    filerUser = cast.warga();
                    applicant = cast.wargaPerson();
                }
                case CITIZEN -> {
                    int i = index % cast.online().size();
                    filerUser = cast.online().get(i);
                    applicant = cast.onlinePeople().get(i);
                }
                case VILLAGE -> {
                    filerUser = cast.villageOfficer();
                    applicant = cast.walkIns().get(index % cast.walkIns().size());
                }
                default -> {
                    filerUser = cast.counter();
                    applicant = cast.walkIns().get(index % cast.walkIns().size());
                }
            }
            List<Person> others = new ArrayList<>();
            for (int i = 0; i < DemoPeople.SIZE; i++) {
                Person p = DemoPeople.person(cast.district(), (index + 4 + i) % DemoPeople.SIZE);
                if (!p.nik().equals(applicant.nik())) {
                    others.add(p);
                }
            }
            LocalDate today = LocalDate.now(cast.zone());
            Person child = DemoPeople.child(cast.district(), index, LocalDate.of(2014 + index % 8, 1 + index % 12, 2 + index % 26));
            String village = filer == Filer.VILLAGE && cast.villageOffice().villageCode() != null
                    ? cast.villageOffice().villageCode() : cast.villages().get(random.nextInt(cast.villages().size()));
            String place = cast.tenant().name().replaceFirst("^(Kota|Kabupaten) ", "");
            this.context = new DemoForms.Context(applicant, others, child, village, cast.elsewhere(), place, today, random);
            this.moments = moments(acts());
        }

        /** How many calls-at-one-moment the scenario takes (filing is the first). */
        private int acts() {
            return switch (scenario.outcome()) {
                case PARTIAL_DRAFT, DRAFT, SUBMITTED -> 1;
                case CLAIMED, NEXT_STAGE, CORRECTION, REJECTED, WITHDRAWN -> 2;
                case NEXT_STAGE_CLAIMED, PARALLEL, RESUBMITTED -> 3;
                case COMPLETED -> 1 + svc.plan().size();
            };
        }

        /**
         * When each act happened: act {@code i} on the working day {@code from - i} before today (never after
         * {@code to}; the last one on {@code to}), in office hours; acts of today a little while ago.
         */
        private List<Instant> moments(int n) {
            List<Instant> out = new ArrayList<>();
            Instant now = Instant.now();
            Map<Integer, Integer> perDay = new HashMap<>();
            Map<Integer, Integer> starts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int day = i == n - 1 && n > 1 ? scenario.to() : Math.max(scenario.from() - i, scenario.to());
                int nth = perDay.merge(day, 1, Integer::sum) - 1;
                if (day == 0) {
                    out.add(now.minus(Duration.ofMinutes(100 - 25L * nth - random.nextInt(10))).minusSeconds(random.nextInt(60)));
                } else {
                    // the first act of a day between 08:00 and 12:00, later ones of the same day an hour or so apart
                    int first = perDay.get(day) == 1 ? random.nextInt(240) : 0;
                    starts.putIfAbsent(day, first);
                    LocalTime time = LocalTime.of(8, 0).plusMinutes(starts.get(day) + 75L * nth + random.nextInt(30))
                            .plusSeconds(random.nextInt(60));
                    out.add(workingDayBefore(day).atTime(time).atZone(cast.zone()).toInstant());
                }
            }
            return out;
        }

        private LocalDate workingDayBefore(int n) {
            LocalDate d = LocalDate.now(cast.zone());
            int found = 0;
            while (found < n) {
                d = d.minusDays(1);
                if (calendar.isWorkingDay(tenant, d)) {
                    found++;
                }
            }
            return d;
        }

        /** Files and works the application; false (logged) when a call failed: the demo must not stop the start-up. */
        boolean run() {
            try {
                playSteps();
                return true;
            } catch (RuntimeException e) {
                log.warn("Demo application {} {} of {} in {} not made: {}", scenario.outcome(), filer, svc.kind(),
                        cast.tenant().name(), e.toString());
                return false;
            }
        }

        private void playSteps() {
            step(this::file);
            switch (scenario.outcome()) {
                case CLAIMED -> step(() -> claim(0));
                case NEXT_STAGE -> step(() -> approveStage(0));
                case NEXT_STAGE_CLAIMED -> {
                    step(() -> approveStage(0));
                    step(() -> {
                        ActiveTask t = claim(1);
                        applications.addNote(tenant, app, "Menunggu konfirmasi data dari daerah asal; sudah dihubungi "
                                + "lewat telepon.", officerFor(t));
                    });
                }
                case PARALLEL -> {
                    step(() -> approveStage(0));
                    step(this::approveOneParallelStep);
                }
                case RESUBMITTED -> {
                    step(this::askCorrection);
                    step(this::correctAndResubmit);
                }
                case CORRECTION -> step(this::askCorrection);
                case COMPLETED -> {
                    for (int stage = 0; stage < svc.plan().size(); stage++) {
                        int st = stage;
                        step(() -> approveStage(st));
                    }
                }
                case REJECTED -> step(this::reject);
                case WITHDRAWN -> step(() -> applications.withdraw(tenant, app,
                        "Salah memilih layanan; akan mengajukan lagi dengan data yang benar.", filerUser));
                default -> {
                }
            }
        }

        /** Runs one act and moves what it wrote to its moment; after the last one, the due times are computed again. */
        private void step(Runnable work) {
            Instant target = moments.get(Math.min(act, moments.size() - 1));
            act++;
            Instant start = Instant.now();
            work.run();
            Instant after = lastMoment == null ? Instant.EPOCH
                    : lastMoment.plus(Duration.between(lastMoment, start).dividedBy(2));
            timeline.shift(tenant, app, after, Duration.between(target, start), act == moments.size() ? svc.design() : null);
            lastMoment = target;
        }

        private void file() {
            boolean partial = scenario.outcome() == Outcome.PARTIAL_DRAFT;
            data = DemoForms.fill(svc.fields(), context, partial);
            WalkIn walkIn = switch (filer) {
                case WARGA, CITIZEN -> null;
                default -> new WalkIn(applicant.nik(), applicant.name(), applicant.phone(), null);
            };
            UUID point = switch (filer) {
                case WARGA, CITIZEN -> null;
                case COUNTER -> cast.mpp().id();
                case MALL -> cast.mall().id();
                case VILLAGE -> cast.villageOffice().id();
            };
            Application a = as(filerUser, () -> applications.create(tenant,
                    new NewApplication(svc.id(), point, data, "id", null, walkIn), filerUser));
            app = a.id();
            if (partial) {
                return;
            }
            for (RequiredDocument d : svc.design().documents()) {
                if (d.mandatory()) {
                    upload(d);
                }
            }
            if (scenario.outcome() != Outcome.DRAFT) {
                applications.submit(tenant, app, filerUser);
            }
        }

        private void upload(RequiredDocument d) {
            applications.attach(tenant, app, d.code(), DemoForms.fileName(d), new ByteArrayInputStream(DemoForms.file(d)),
                    filerUser);
        }

        private List<ActiveTask> tasks(int stage) {
            return timeline.activeTasks(tenant, app).stream().filter(t -> t.stage() == stage).toList();
        }

        private GeraiUser officerFor(ActiveTask t) {
            GeraiUser officer = officer(cast, t.role(), t.agencyId());
            if (officer == null) {
                throw new IllegalStateException("no officer for " + t.role() + " at " + t.agencyId());
            }
            return officer;
        }

        private ActiveTask claim(int stage) {
            ActiveTask t = tasks(stage).getFirst();
            applications.claim(tenant, t.id(), officerFor(t));
            return t;
        }

        private void approveStage(int stage) {
            for (ActiveTask t : tasks(stage)) {
                GeraiUser officer = officerFor(t);
                applications.claim(tenant, t.id(), officer);
                applications.decide(tenant, t.id(), DecisionInput.approve(), officer);
            }
        }

        /** In the first stage of parallel steps, the step with the shortest time limit is done. */
        private void approveOneParallelStep() {
            ActiveTask t = tasks(1).stream()
                    .min(Comparator.comparingInt(x -> svc.plan().step(x.stepCode()).days())).orElseThrow();
            GeraiUser officer = officerFor(t);
            applications.claim(tenant, t.id(), officer);
            applications.decide(tenant, t.id(), DecisionInput.approve(), officer);
        }

        private Field fieldToFix() {
            return svc.fields().stream().filter(f -> f.widget() == Widget.ADDRESS).findFirst()
                    .or(() -> svc.fields().stream().filter(f -> f.widget() == Widget.TEXT && !f.name().startsWith("nama")).findFirst())
                    .orElse(svc.fields().getFirst());
        }

        private RequiredDocument documentToRedo() {
            return svc.design().documents().stream().filter(RequiredDocument::mandatory).findFirst().orElse(null);
        }

        private void askCorrection() {
            ActiveTask t = tasks(0).getFirst();
            GeraiUser officer = officerFor(t);
            Field field = fieldToFix();
            RequiredDocument doc = documentToRedo();
            String label = field.label().getOrDefault("id", field.name());
            if (label.length() > 1 && Character.isLowerCase(label.charAt(1))) {
                label = Character.toLowerCase(label.charAt(0)) + label.substring(1); // "Alamat sesuai KTP-el" mid-sentence
            }
            String reason = "Mohon periksa kembali " + label + " karena tidak sesuai dengan Kartu Keluarga"
                    + (doc == null ? "." : ", dan unggah ulang " + doc.name() + " dengan hasil pindaian yang jelas (tidak buram).");
            applications.claim(tenant, t.id(), officer);
            applications.decide(tenant, t.id(), new DecisionInput(Decision.CORRECTION, reason, List.of(field.name()),
                    doc == null ? List.of() : List.of(doc.code())), officer);
        }

        private void correctAndResubmit() {
            Field field = fieldToFix();
            Map<String, Object> fixed = new LinkedHashMap<>(data);
            fixed.put(field.name(), DemoForms.corrected(field, context, data.get(field.name())));
            applications.saveData(tenant, app, fixed, null, filerUser);
            RequiredDocument doc = documentToRedo();
            if (doc != null) {
                upload(doc);
            }
            applications.submit(tenant, app, filerUser);
        }

        private void reject() {
            ActiveTask t = tasks(0).stream().filter(x -> svc.plan().step(x.stepCode()).actions().contains("REJECT"))
                    .findFirst().orElseThrow();
            GeraiUser officer = officerFor(t);
            applications.claim(tenant, t.id(), officer);
            applications.decide(tenant, t.id(), new DecisionInput(Decision.REJECT,
                    "Persyaratan tidak terpenuhi: dokumen yang diunggah sudah tidak berlaku. Silakan ajukan permohonan baru "
                            + "dengan dokumen yang masih berlaku.", null, null), officer);
        }
    }

    /**
     * Runs {@code work} signed in as {@code user}, so what other modules record about "the signed-in person"
     * (the walk-in citizen record made at the counter) names the officer.
     */
    private static <T> T as(GeraiUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
