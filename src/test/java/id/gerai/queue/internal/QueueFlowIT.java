package id.gerai.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.ApplicationSamples;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue against the real database: gap-free numbers and skip-locked calls under concurrency, the calling order
 * (appointments whose slot has come first), the booking rules, the audit trail and the wall between tenants.
 */
@GeraiIntegrationTest
class QueueFlowIT {

    @Autowired QueueService queue;
    @Autowired Fixtures fixtures;
    @Autowired TenancyApi tenancy;
    @Autowired CatalogApi catalog;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired DemoQueue demo;

    private record Setup(Tenant tenant, UUID point, UUID agency, UUID otherAgency, GeraiUser manager, GeraiUser officer) {
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID other = fixtures.newAgency(t, "DPMPTSP");
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Uji", ServicePointKind.MPP,
                "Jl. Uji 1", null, 10));
        GeraiUser manager = staff(t, Role.PENGELOLA_MPP, null, null);
        GeraiUser officer = staff(t, Role.PETUGAS_LOKET, null, point);
        return new Setup(t, point, agency, other, manager, officer);
    }

    private static GeraiUser staff(Tenant t, Role role, UUID agency, UUID point) {
        return new GeraiUser(UUID.randomUUID(), role.name().toLowerCase(Locale.ROOT) + "@uji.local", "Petugas", false, Set.of(),
                List.of(new Membership(t.id(), role, agency, point)), true, null);
    }

    private Counter counter(Setup s, String code, List<UUID> agencies) {
        return queue.createCounter(s.tenant().id(), s.point(), new QueueService.CounterInput(code, "Loket " + code, agencies,
                List.of(), true), s.manager());
    }

    private int audits(Setup s, String action) {
        return TenantContext.call(s.tenant().id(), () -> jdbc.sql("select count(*) from audit_record where tenant_id = ? and action = ?")
                .params(s.tenant().id().value(), action).query(Integer.class).single());
    }

    @Test
    void numbersAreGapFreePerPrefixAndNeverRepeatUnderConcurrentKiosks() throws Exception {
        Setup s = setup();
        counter(s, "A1", List.of(s.agency()));
        counter(s, "B1", List.of(s.otherAgency()));
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ticket>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID agency = i % 3 == 0 ? s.otherAgency() : s.agency();
            made.add(pool.submit(() -> {
                start.await();
                return queue.issue(s.tenant().id(), s.point(), agency, null, "kiosk");
            }));
        }
        start.countDown();
        List<Ticket> tickets = new ArrayList<>();
        for (Future<Ticket> f : made) {
            tickets.add(f.get());
        }
        pool.shutdown();
        String a = queue.prefixOf(s.tenant().id(), s.agency());
        String b = queue.prefixOf(s.tenant().id(), s.otherAgency());
        assertThat(a).isNotEqualTo(b).matches("[A-Z]");
        List<Integer> seqA = tickets.stream().filter(t -> t.prefix().equals(a)).map(Ticket::seq).sorted().toList();
        List<Integer> seqB = tickets.stream().filter(t -> t.prefix().equals(b)).map(Ticket::seq).sorted().toList();
        assertThat(seqA).hasSize(16).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(seqB).hasSize(8).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 8).boxed().toList());
        assertThat(tickets.getFirst().day()).isEqualTo(LocalDate.now(calendar.zone(s.tenant().id())));
        assertThat(audits(s, "queue.ticket.issued")).isEqualTo(n);
        assertThat(audits(s, "queue.counter.created")).isEqualTo(2);

        // an agency no active counter serves gets no ticket
        UUID idle = fixtures.newAgency(s.tenant(), "DINKES");
        assertThatThrownBy(() -> queue.issue(s.tenant().id(), s.point(), idle, null, "kiosk"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).fields().get("agencyId"))
                .isEqualTo("queue.error.not-served");
    }

    @Test
    void aCounterServingEveryAgencyServesOnlyThisTenantsAgencies() {
        Setup s = setup();
        counter(s, "C1", List.of());
        Setup other = setup();
        for (UUID foreign : List.of(other.agency(), UUID.randomUUID())) {
            assertThatThrownBy(() -> queue.issue(s.tenant().id(), s.point(), foreign, null, "kiosk"))
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).fields().get("agencyId"))
                    .isEqualTo("queue.error.agency");
        }
        // nothing was written for them: no prefix claimed, no ticket, no audit record
        int prefixes = TenantContext.call(s.tenant().id(), () -> jdbc.sql("select count(*) from queue_prefix where tenant_id = ?")
                .param(s.tenant().id().value()).query(Integer.class).single());
        assertThat(prefixes).isZero();
        assertThat(audits(s, "queue.ticket.issued")).isZero();
        assertThat(queue.issue(s.tenant().id(), s.point(), s.agency(), null, "kiosk").seq()).isEqualTo(1);
    }

    @Test
    void aRefusedFormOfTheManagerComesBackWithWhatWasTyped() throws Exception {
        Setup s = setup();
        String email = fixtures.staffWithRole(s.tenant(), Role.PENGELOLA_MPP);
        jakarta.servlet.http.Cookie session = mvc.perform(post("/login").with(csrf()).param("login", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
        String base = "/manage/" + s.tenant().slug() + "/queue";

        mvc.perform(post(base + "/points/" + s.point() + "/settings").cookie(session).with(csrf())
                        .param("opens", "09:00").param("closes", "08:15").param("slotMinutes", "45").param("slotCapacity", "7"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(base).cookie(session).locale(Locale.forLanguageTag("id")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"08:15\"", "value=\"45\"", "value=\"7\"");

        mvc.perform(post(base + "/counters").cookie(session).with(csrf())
                        .param("servicePointId", s.point().toString()).param("code", "A B").param("name", "Loket Salah")
                        .param("agencyIds", s.agency().toString(), s.otherAgency().toString()).param("active", "on"))
                .andExpect(status().is3xxRedirection());
        page = mvc.perform(get(base).cookie(session).locale(Locale.forLanguageTag("id")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Loket Salah\"");
        for (UUID agency : List.of(s.agency(), s.otherAgency())) {
            assertThat(page).containsPattern("value=\"" + agency + "\"\\s+checked");
        }
        assertThat(queue.counters(s.tenant().id())).isEmpty();
    }

    @Test
    void twoCountersCallingAtOnceNeverTakeTheSameTicket() throws Exception {
        Setup s = setup();
        Counter one = counter(s, "A1", List.of());
        Counter two = counter(s, "A2", List.of());
        int n = 12;
        for (int i = 0; i < n; i++) {
            queue.issue(s.tenant().id(), s.point(), s.agency(), null, "kiosk");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> runs = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (Counter c : List.of(one, two)) {
            Callable<List<String>> work = () -> {
                start.await();
                List<String> got = new ArrayList<>();
                while (true) {
                    try {
                        Ticket t = queue.callNext(s.tenant().id(), c.id(), s.officer());
                        got.add(t.number());
                        queue.act(s.tenant().id(), c.id(), QueueService.Step.FINISH, s.officer());
                    } catch (GeraiException e) {
                        assertThat(e.code()).isEqualTo("queue-empty");
                        return got;
                    }
                }
            };
            runs.add(pool.submit(work));
        }
        start.countDown();
        List<String> first = runs.get(0).get();
        List<String> second = runs.get(1).get();
        pool.shutdown();
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(first.size() + second.size()).isEqualTo(n);
        assertThat(all).hasSize(n);
        assertThat(audits(s, "queue.ticket.called")).isEqualTo(n);
        assertThat(audits(s, "queue.ticket.finished")).isEqualTo(n);

        var figures = queue.figures(s.tenant().id(), s.manager());
        assertThat(figures).hasSize(1);
        assertThat(figures.getFirst().row().issued()).isEqualTo(n);
        assertThat(figures.getFirst().row().served()).isEqualTo(n);
        assertThat(figures.getFirst().row().waiting()).isZero();
        assertThat(figures.getFirst().row().p90WaitMinutes()).isNotNull();
    }

    @Test
    void aCheckedInAppointmentIsCalledAheadOfWalkInsAndEveryRuleOfBookingHolds() throws Exception {
        Setup s = setup();
        UUID service = ApplicationSamples.publish(catalog, s.tenant(), s.agency()).serviceId();
        Counter c = counter(s, "A1", List.of(s.agency()));
        var zone = calendar.zone(s.tenant().id());
        LocalDate today = LocalDate.now(zone);
        if (!calendar.isWorkingDay(s.tenant().id(), today)) {
            specialWorkingDay(s, today);
        }
        queue.saveSettings(s.tenant().id(), s.point(), "00:00", "24:00", "60", "1", s.manager());
        GeraiUser citizen = new GeraiUser(UUID.randomUUID(), "warga.antre@uji.local", "Warga Antre", true, Set.of(), List.of(),
                true, null);
        GeraiUser neighbour = new GeraiUser(UUID.randomUUID(), "tetangga@uji.local", "Tetangga", true, Set.of(), List.of(), true, null);
        String now = String.format("%02d:00", ZonedDateTime.now(zone).getHour());

        // refused: a day off, a passed slot, outside the hours, then a full slot
        LocalDate sunday = today.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SUNDAY));
        assertField(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, sunday.toString(), "09:00"),
                citizen, Locale.ROOT), "date", "queue.error.not-working-day");
        LocalDate past = previousWorkingDay(s, today);
        assertField(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, past.toString(), "09:00"),
                citizen, Locale.ROOT), "time", "queue.error.past");
        assertField(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, today.toString(), "09:30"),
                citizen, Locale.ROOT), "time", "queue.error.outside-hours");
        // beyond the booking window, and a year no calendar should be built for
        for (LocalDate far : List.of(today.plusDays(QueueService.BOOKING_DAYS_AHEAD + 1), LocalDate.of(300000, 1, 3))) {
            assertField(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, far.toString(), "09:00"),
                    citizen, Locale.ROOT), "date", "queue.error.date-range");
        }
        mvc.perform(get("/api/tenants/" + s.tenant().slug() + "/queue/points/MPP/slots").param("date", "+999999999-01-01"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.date").exists());

        Ticket walkIn = queue.issue(s.tenant().id(), s.point(), s.agency(), null, "kiosk");
        Appointment a = queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, today.toString(), now),
                citizen, Locale.ROOT);
        assertThat(a.code()).matches("[0-9A-HJKMNP-TV-Z]{8}");
        assertThatThrownBy(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, today.toString(), now),
                neighbour, Locale.ROOT)).isInstanceOf(InvalidInput.class).extracting(e -> ((GeraiException) e).code())
                .isEqualTo("queue-slot-full");

        assertThatThrownBy(() -> queue.book(s.tenant().id(), new QueueService.Booking(s.point(), null, service, today.toString(), now),
                citizen, Locale.ROOT)).isInstanceOf(InvalidInput.class).extracting(e -> ((GeraiException) e).code())
                .isEqualTo("queue-appointment-exists");

        // the code checks in at the kiosk of its point, once; the appointment's ticket is called before the earlier walk-in
        Ticket booked = queue.checkIn(s.tenant().id(), s.point(), a.code().toLowerCase(Locale.ROOT), "kiosk");
        assertThat(booked.slotAt()).isEqualTo(a.slotAt());
        assertField(() -> queue.checkIn(s.tenant().id(), s.point(), a.code(), "kiosk"), "code", "queue.error.booking-used");
        assertThat(queue.view(s.tenant().id(), walkIn).ahead()).isEqualTo(1);
        assertThat(queue.callNext(s.tenant().id(), c.id(), s.officer()).id()).isEqualTo(booked.id());
        assertThatThrownBy(() -> queue.callNext(s.tenant().id(), c.id(), s.officer()))
                .extracting(e -> ((GeraiException) e).code()).isEqualTo("queue-counter-busy");
        queue.act(s.tenant().id(), c.id(), QueueService.Step.NO_SHOW, s.officer());
        assertThat(queue.callNext(s.tenant().id(), c.id(), s.officer()).id()).isEqualTo(walkIn.id());

        // a checked-in booking cannot be cancelled; the audit trail holds each step
        assertThatThrownBy(() -> queue.cancel(s.tenant().id(), a.id(), citizen))
                .extracting(e -> ((GeraiException) e).code()).isEqualTo("queue-appointment-not-booked");
        assertThat(audits(s, "queue.appointment.booked")).isEqualTo(1);
        assertThat(audits(s, "queue.appointment.checked-in")).isEqualTo(1);
        assertThat(audits(s, "queue.ticket.no-show")).isEqualTo(1);
        assertThat(audits(s, "queue.settings.changed")).isEqualTo(1);
        int mails = TenantContext.call(s.tenant().id(), () -> jdbc.sql(
                        "select count(*) from notification_outbox where tenant_id = ? and recipient = ? and subject like ?")
                .params(s.tenant().id().value(), "warga.antre@uji.local", "%" + a.code() + "%").query(Integer.class).single());
        assertThat(mails).isEqualTo(1);
    }

    @Test
    void noRequestReadsOrChangesAnotherTenantsQueue() throws Exception {
        Setup mine = setup();
        Setup theirs = setup();
        Counter theirCounter = counter(theirs, "A1", List.of());
        counter(mine, "A1", List.of());
        Ticket theirTicket = queue.issue(theirs.tenant().id(), theirs.point(), theirs.agency(), null, "kiosk");
        String officer = fixtures.staffWithRole(mine.tenant(), Role.PETUGAS_LOKET);

        // their counter through my tenant's address: not found; through theirs: forbidden
        mvc.perform(post("/api/tenants/" + mine.tenant().slug() + "/queue/counters/" + theirCounter.id() + "/call-next")
                        .with(httpBasic(officer, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("queue-counter-not-found"));
        mvc.perform(post("/api/tenants/" + theirs.tenant().slug() + "/queue/counters/" + theirCounter.id() + "/call-next")
                        .with(httpBasic(officer, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("queue-counter-forbidden"));
        // their ticket's follow code under my tenant: not found, on the page and in the API
        mvc.perform(get("/t/" + mine.tenant().slug() + "/q/" + theirTicket.followCode())).andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/" + mine.tenant().slug() + "/queue/tickets/" + theirTicket.followCode()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("queue-ticket-not-found"));
        mvc.perform(get("/api/tenants/" + theirs.tenant().slug() + "/queue/tickets/" + theirTicket.followCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(theirTicket.number()))
                .andExpect(jsonPath("$.ahead").value(0));
        // my manager cannot change their counter, and their ticket stays waiting
        mvc.perform(post("/manage/" + mine.tenant().slug() + "/queue/counters/" + theirCounter.id() + "/edit")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(mine.manager()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("code", "X9").param("name", "Diambil alih").param("active", "on"))
                .andExpect(status().isNotFound());
        assertThat(queue.counter(theirs.tenant().id(), theirCounter.id()).code()).isEqualTo("A1");
        assertThat(TenantContext.call(mine.tenant().id(), () -> jdbc.sql("select count(*) from queue_ticket").query(Integer.class).single()))
                .as("row-level security hides their rows even without a tenant filter").isZero();
    }

    @Test
    void theApiTakesATicketAndTheDisplayShowsItsCall() throws Exception {
        Setup s = setup();
        Counter c = counter(s, "C3", List.of(s.agency()));
        String officer = fixtures.staffWithRole(s.tenant(), Role.PETUGAS_LOKET);
        String api = "/api/tenants/" + s.tenant().slug() + "/queue";
        mvc.perform(post(api + "/points/MPP/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"" + s.otherAgency() + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.agencyId").exists());
        mvc.perform(post(api + "/points/MPP/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"" + s.agency() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.number").value("A-001"))
                .andExpect(jsonPath("$.status").value("WAITING"));
        mvc.perform(post(api + "/counters/" + c.id() + "/call-next").with(httpBasic(officer, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CALLED")).andExpect(jsonPath("$.counter").value("C3"));
        mvc.perform(get(api + "/points/MPP/display")).andExpect(status().isOk())
                .andExpect(jsonPath("$.counters[0].number").value("A-001")).andExpect(jsonPath("$.recent[0].counterCode").value("C3"));
        mvc.perform(get("/t/" + s.tenant().slug() + "/queue/MPP/display").header("HX-Request", "true").param("since", "0"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("hx-swap-oob")));
        mvc.perform(post(api + "/counters/" + c.id() + "/finish").with(httpBasic(officer, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
        mvc.perform(post(api + "/counters/" + c.id() + "/finish").with(httpBasic(officer, Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("queue-counter-idle"));

        // a ticket left waiting from an earlier day is over: no people ahead, no polling
        Ticket old = queue.issue(s.tenant().id(), s.point(), s.agency(), null, "kiosk");
        TenantContext.run(s.tenant().id(), () -> jdbc.sql("update queue_ticket set day = day - 1 where tenant_id = ? and id = ?")
                .params(s.tenant().id().value(), old.id()).update());
        var expired = queue.ticketView(s.tenant().id(), old.followCode()).orElseThrow();
        assertThat(expired.expired()).isTrue();
        assertThat(expired.live()).isFalse();
        assertThat(queue.view(s.tenant().id(), queue.issue(s.tenant().id(), s.point(), s.agency(), null, "kiosk")).live()).isTrue();
    }

    @Test
    void theDemoGivesAnMppCountersAndAMorningOfTickets() {
        Setup s = setup();
        fixtures.staffWithRole(s.tenant(), Role.PENGELOLA_MPP);
        assertThat(demo.load(s.tenant())).isEqualTo(14);
        assertThat(queue.counters(s.tenant().id())).extracting(Counter::code).containsExactly("A1", "A2", "B1", "C1");
        List<String> statuses = TenantContext.call(s.tenant().id(), () -> jdbc.sql(
                "select distinct status from queue_ticket where tenant_id = ?").param(s.tenant().id().value()).query(String.class).list());
        assertThat(statuses).contains("WAITING", "CALLED", "DONE", "NO_SHOW");
        var d = queue.display(s.tenant().id(), "MPP");
        assertThat(d.counters().getFirst().number()).isNotNull();
        assertThat(queue.figures(s.tenant().id(), s.manager())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.row().issued()).isPositive());
    }

    @Test
    void guessingBookingCodesIsThrottledPerAddress() throws Exception {
        Setup s = setup();
        counter(s, "A1", List.of());
        String url = "/api/tenants/" + s.tenant().slug() + "/queue/points/MPP/check-in";
        String address = "10.71.1." + (1 + new java.util.Random().nextInt(250));
        org.springframework.test.web.servlet.request.RequestPostProcessor from = r -> {
            r.setRemoteAddr(address);
            return r;
        };
        for (int i = 0; i < 20; i++) {
            mvc.perform(post(url).with(from).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ZZZZZZZ" + (i % 10) + "\"}"))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post(url).with(from).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ZZZZZZZZ\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("queue-check-in-throttled"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
        // another address is not held back
        mvc.perform(post(url).with(r -> {
                    r.setRemoteAddr("10.72.0.9");
                    return r;
                }).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ZZZZZZZZ\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theQueueApiIsDescribedInTheOpenApiDocument() throws Exception {
        String base = "$.paths['/api/tenants/{tenant}/queue";
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath(base + "/points/{point}/tickets'].post").exists())
                .andExpect(jsonPath(base + "/points/{point}/check-in'].post").exists())
                .andExpect(jsonPath(base + "/tickets/{code}'].get").exists())
                .andExpect(jsonPath(base + "/points/{point}/slots'].get").exists())
                .andExpect(jsonPath(base + "/appointments'].post").exists())
                .andExpect(jsonPath(base + "/appointments/{id}'].delete").exists())
                .andExpect(jsonPath(base + "/counters/{id}/call-next'].post.description")
                        .value(org.hamcrest.Matchers.containsString("queue-counter-busy")))
                .andExpect(jsonPath(base + "/points/{point}/display'].get").exists());
    }

    private void specialWorkingDay(Setup s, LocalDate day) throws Exception {
        String manager = fixtures.staffWithRole(s.tenant(), Role.PENGELOLA_MPP);
        mvc.perform(post("/api/tenants/" + s.tenant().slug() + "/calendar/days").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"" + day + "\",\"kind\":\"SPECIAL_WORKING_DAY\",\"name\":\"Uji antrean\"}"))
                .andExpect(status().isCreated());
    }

    private LocalDate previousWorkingDay(Setup s, LocalDate from) {
        LocalDate d = from.minusDays(1);
        while (!calendar.isWorkingDay(s.tenant().id(), d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).fields().get(field)).isEqualTo(key);
    }
}
