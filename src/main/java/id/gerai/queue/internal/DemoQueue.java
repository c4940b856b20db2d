package id.gerai.queue.internal;

import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * The demo queue of every demo tenant (staffed with {@code …@gerai.local} accounts): counters at the MPP building and
 * the mall counter, today's tickets (served, a no-show, one at a counter, some waiting) and appointments of the demo
 * citizen, so the kiosk, the display, the counter screens and the figures show something right after the first start.
 * Made through {@link QueueService} (audited), then the served tickets' times are moved back to look like a morning.
 * Runs when the tenant has no counter yet: at every start for a tenant whose queue was never set up.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 25)
class DemoQueue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQueue.class);
    private static final String DEMO_DOMAIN = "@gerai.local";

    private final boolean enabled;
    private final QueueService queue;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final JdbcClient jdbc;

    DemoQueue(@Value("${gerai.demo.enabled:true}") boolean enabled, QueueService queue, TenancyApi tenancy, StaffAccounts staff,
              JdbcClient jdbc) {
        this.enabled = enabled;
        this.queue = queue;
        this.tenancy = tenancy;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (Tenant t : tenancy.tenants()) {
            try {
                boolean demoTenant = TenantContext.call(t.id(), () -> staff.staffOf(t.id())).stream()
                        .anyMatch(m -> m.email().endsWith(DEMO_DOMAIN));
                if (demoTenant && TenantContext.call(t.id(), () -> queue.counters(t.id()).isEmpty())) {
                    load(t);
                }
            } catch (RuntimeException e) {
                log.warn("Demo queue of {} skipped: {}", t.slug(), e.toString());
            }
        }
    }

    /** Sets up the queue of one tenant; answers how many tickets were taken (0 without a manager or the agencies). */
    int load(Tenant t) {
        GeraiUser manager = null;
        for (StaffAccounts.StaffMember m : TenantContext.call(t.id(), () -> staff.staffOf(t.id()))) {
            if (m.role() == Role.PENGELOLA_MPP) {
                manager = new GeraiUser(m.accountId(), m.email(), m.fullName(), false, Set.of(),
                        List.of(new Membership(t.id(), Role.PENGELOLA_MPP, null, null)), true, null);
                break;
            }
        }
        if (manager == null) {
            return 0;
        }
        List<Agency> agencies = List.copyOf(queue.agencies(t.id()).values());
        Agency population = find(agencies, "DUKCAPIL", "DISPENDUKCAPIL", "DISDUKCAPIL").orElse(null);
        Agency permits = find(agencies, "DPMPTSP").orElse(null);
        if (population == null || permits == null) {
            return 0;
        }
        int made = 0;
        for (ServicePoint p : queue.points(t.id())) {
            if (p.kind() == ServicePointKind.MPP) {
                Counter a1 = counter(t, p, "A1", "Loket Dukcapil 1", List.of(population.id()), manager);
                Counter a2 = counter(t, p, "A2", "Loket Dukcapil 2", List.of(population.id()), manager);
                Counter b1 = counter(t, p, "B1", "Loket Perizinan", List.of(permits.id()), manager);
                counter(t, p, "C1", "Loket Informasi dan Layanan Umum", List.of(), manager);
                queue.saveSettings(t.id(), p.id(), "08:00", "16:00", "30", "4", manager);
                made += morning(t, p, population, permits, List.of(a1, a2, b1), manager);
                appointments(t, p, population, manager);
            } else if (p.kind() == ServicePointKind.MALL) {
                counter(t, p, "M1", "Loket Gerai Mal", List.of(), manager);
                queue.issue(t.id(), p.id(), population.id(), null, QueuePublicPages.KIOSK_ACTOR);
                made++;
            }
        }
        log.info("Demo queue of {}: {} tickets", t.slug(), made);
        return made;
    }

    private Counter counter(Tenant t, ServicePoint p, String code, String name, List<UUID> agencies, GeraiUser manager) {
        return queue.createCounter(t.id(), p.id(), new QueueService.CounterInput(code, name, agencies, List.of(), true), manager);
    }

    /** Served tickets, a no-show, one at a counter and some waiting, with times spread over the last two hours. */
    private int morning(Tenant t, ServicePoint p, Agency population, Agency permits, List<Counter> counters, GeraiUser officer) {
        int made = 0;
        for (int i = 0; i < 14; i++) {
            queue.issue(t.id(), p.id(), i % 3 == 2 ? permits.id() : population.id(), null, QueuePublicPages.KIOSK_ACTOR);
            made++;
        }
        // six served, one no-show, one called at A1 (the display shows it); the rest wait
        for (int i = 0; i < 7; i++) {
            Counter c = counters.get(i % 2 == 0 ? 0 : (i % 3 == 0 ? 2 : 1));
            if (tryCall(t, c, officer)) {
                queue.act(t.id(), c.id(), i == 5 ? QueueService.Step.NO_SHOW : QueueService.Step.FINISH, officer);
            }
        }
        tryCall(t, counters.getFirst(), officer);
        Instant now = Instant.now();
        LocalDate today = queue.today(t.id());
        List<UUID> done = TenantContext.call(t.id(), () -> jdbc.sql("""
                        select id from queue_ticket where tenant_id = ? and service_point_id = ? and day = ? order by seq, prefix""")
                .params(t.id().value(), p.id(), today).query(UUID.class).list());
        int i = 0;
        for (UUID id : done) {
            // taken 2 h to 10 min ago, called 6–12 min later, served in about 7 min; never before the tenant's midnight
            Instant startOfDay = today.atStartOfDay(queue.zone(t.id())).toInstant();
            Instant issued = now.minusSeconds(Math.max(600, 7200 - i * 480L));
            if (issued.isBefore(startOfDay)) {
                issued = startOfDay;
            }
            int waitMin = 6 + (i * 5) % 7; // varies, yet calls stay in the order they were made (tickets are 8 min apart)
            Instant issuedAt = issued;
            TenantContext.run(t.id(), () -> jdbc.sql("""
                            update queue_ticket set issued_at = ?,
                                   called_at = case when called_at is null then null else least(?, now()) end,
                                   last_called_at = case when last_called_at is null then null else least(?, now()) end,
                                   serving_at = case when serving_at is null then null else least(?, now()) end,
                                   finished_at = case when finished_at is null then null else least(?, now()) end
                            where tenant_id = ? and id = ?""")
                    .params(ts(issuedAt), ts(issuedAt.plusSeconds(waitMin * 60L)), ts(issuedAt.plusSeconds(waitMin * 60L)),
                            ts(issuedAt.plusSeconds(waitMin * 60L + 60)), ts(issuedAt.plusSeconds(waitMin * 60L + 480)),
                            t.id().value(), id).update());
            i++;
        }
        return made;
    }

    private boolean tryCall(Tenant t, Counter c, GeraiUser officer) {
        try {
            queue.callNext(t.id(), c.id(), officer);
            return true;
        } catch (id.gerai.platform.GeraiException e) {
            return false;
        }
    }

    /** The demo citizen's bookings: one later today (when a slot is left), one on the next working day. */
    private void appointments(Tenant t, ServicePoint p, Agency population, GeraiUser manager) {
        Optional<UUID> account = staff.findAccountByEmail("warga@gerai.local");
        var service = queue.services(t.id()).values().stream().filter(s -> population.id().equals(s.agencyId())).findFirst();
        if (account.isEmpty() || service.isEmpty() || !t.slug().equals("kota-tangerang") && !t.slug().equals("kabupaten-banyuwangi")) {
            return;
        }
        GeraiUser citizen = new GeraiUser(account.get(), "warga@gerai.local", "Siti Rahmawati", true, Set.of(), List.of(), true, null);
        LocalDate today = queue.today(t.id());
        queue.slots(t.id(), p.id(), today).stream().filter(QueueService.Slot::open).reduce((a, b) -> b)
                .ifPresent(slot -> book(t, p, service.get().id(), today, slot.time(), citizen));
        LocalDate next = today.plusDays(1);
        for (int i = 0; i < 14 && queue.slots(t.id(), p.id(), next).isEmpty(); i++) {
            next = next.plusDays(1);
        }
        LocalDate day = next;
        queue.slots(t.id(), p.id(), day).stream().filter(QueueService.Slot::open).skip(2).findFirst()
                .ifPresent(slot -> book(t, p, service.get().id(), day, slot.time(), citizen));
    }

    private void book(Tenant t, ServicePoint p, UUID service, LocalDate day, String time, GeraiUser citizen) {
        queue.book(t.id(), new QueueService.Booking(p.id(), null, service, day.toString(), time), citizen, Locale.forLanguageTag("id"));
    }

    private static Optional<Agency> find(List<Agency> agencies, String... codes) {
        for (String c : codes) {
            for (Agency a : agencies) {
                if (a.code().equals(c)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }
}
