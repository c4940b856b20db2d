package id.gerai.calendar;

import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditQueries;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeraiIntegrationTest
class CalendarIT {

    private static final LocalDate TUESDAY_BEFORE_NYEPI = LocalDate.parse("2026-03-17");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired AuditQueries audit;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    /** A Monday with no national holiday: a working day unless a tenant says otherwise. */
    private static final LocalDate PLAIN_MONDAY = LocalDate.parse("2026-07-13");

    private void regionalHoliday(TenantId tenant, LocalDate date) {
        jdbc.sql("insert into tenant_day (tenant_id, date, kind, name) values (?, ?, 'REGIONAL_HOLIDAY', 'Hari Jadi Uji')")
                .params(tenant.value(), date).update();
    }

    @Test
    void aTransitionReadsTheCalendarOnItsOwnTransactionAndKeepsOnlyWhatWasCommitted() {
        TenantId t = fixtures.newTenant().id();
        // a fresh tenant: its calendar is read for the first time inside the transaction, on that transaction's
        // connection (it sees the holiday the transaction has just written; a second connection would not, and at full
        // load waiting for one could leave every pooled connection held by a waiter)
        Boolean inside = TenantContext.call(t, () -> tx.execute(status -> {
            regionalHoliday(t, PLAIN_MONDAY);
            boolean working = calendar.isWorkingDay(t, PLAIN_MONDAY);
            status.setRollbackOnly();
            return working;
        }));
        assertThat(inside).isFalse();
        // the transaction rolled back: what it read is not kept for anyone else
        assertThat(calendar.isWorkingDay(t, PLAIN_MONDAY)).isTrue();
    }

    @Test
    void aCallerWhoseConnectionCannotSeeTheTenantGetsItsCalendarFromATransactionOfItsOwn() {
        TenantId a = fixtures.newTenant().id();
        TenantId b = fixtures.newTenant().id();
        TenantContext.run(b, () -> tx.executeWithoutResult(status -> regionalHoliday(b, PLAIN_MONDAY)));
        // a transaction of tenant A whose thread then says "tenant B" without a transaction of B: its connection
        // still only sees A, so B's holiday must be read elsewhere, not missed
        Boolean working = TenantContext.call(a, () -> tx.execute(status -> TenantContext.call(b,
                () -> calendar.isWorkingDay(b, PLAIN_MONDAY))));
        assertThat(working).isFalse();
        assertThat(calendar.isWorkingDay(b, PLAIN_MONDAY)).isFalse();
        assertThat(calendar.isWorkingDay(a, PLAIN_MONDAY)).isTrue();
    }

    @Test
    void theNationalHolidaysOfDomainAreSeeded() {
        assertThat(jdbc.sql("select count(*) from national_holiday where date between '2026-01-01' and '2026-12-31'")
                .query(Long.class).single()).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from national_holiday where date between '2026-01-01' and '2026-12-31' and kind = 'CUTI_BERSAMA'")
                .query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from national_holiday where date between '2025-01-01' and '2025-12-31'")
                .query(Long.class).single()).isEqualTo(28);
        assertThat(jdbc.sql("select name from national_holiday where date = '2026-03-19'").query(String.class).single()).contains("Nyepi");
        assertThat(jdbc.sql("select name from national_holiday where date = '2025-03-31'").query(String.class).single()).contains("Idulfitri");
        assertThat(jdbc.sql("select count(*) from national_holiday where decree not like 'SKB 3 Menteri%'").query(Long.class).single()).isZero();

        TenantId tenant = fixtures.newTenant().id();
        assertThat(calendar.workingDaysBetween(tenant, LocalDate.parse("2025-12-31"), LocalDate.parse("2026-12-31"))).isEqualTo(240);
        assertThat(calendar.workingDaysBetween(tenant, LocalDate.parse("2024-12-31"), LocalDate.parse("2025-12-31"))).isEqualTo(237);
        assertThat(calendar.addWorkingDays(tenant, TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));
    }

    @Test
    void aRegionalHolidayAddedOnThePageShiftsTheDeadlineOfThatTenantOnly() throws Exception {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        // both calendars are in the cache before the change
        assertThat(calendar.addWorkingDays(mine.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(calendar.addWorkingDays(other.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));
        Cookie session = login(fixtures.staffWithRole(mine, Role.PENGELOLA_MPP));

        mvc.perform(post("/manage/" + mine.slug() + "/calendar/days").cookie(session).with(csrf())
                        .param("date", "2026-03-26").param("kind", "REGIONAL_HOLIDAY").param("name", "Hari Jadi Daerah"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/manage/" + mine.slug() + "/calendar?year=2026"));

        assertThat(calendar.addWorkingDays(mine.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(calendar.isWorkingDay(mine.id(), LocalDate.parse("2026-03-26"))).isFalse();
        ZoneId zone = calendar.zone(mine.id());
        assertThat(calendar.deadline(mine.id(), ZonedDateTime.of(2026, 3, 17, 10, 0, 0, 0, zone).toInstant(), 5))
                .isEqualTo(ZonedDateTime.of(2026, 4, 1, 16, 0, 0, 0, zone).toInstant());
        assertThat(calendar.addWorkingDays(other.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));

        mvc.perform(get("/manage/" + mine.slug() + "/calendar").param("year", "2026").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hari Jadi Daerah")))
                .andExpect(content().string(containsString("Nyepi")))
                .andExpect(content().string(containsString("Libur nasional dan cuti bersama 2026")));

        // row-level security: the other tenant's scope does not see the row, even without a tenant filter
        long seenFromOther = TenantContext.call(other.id(), () -> jdbc.sql("select count(*) from tenant_day").query(Long.class).single());
        long seenFromMine = TenantContext.call(mine.id(), () -> jdbc.sql("select count(*) from tenant_day").query(Long.class).single());
        assertThat(seenFromOther).isZero();
        assertThat(seenFromMine).isEqualTo(1);

        List<AuditEntry> records = TenantContext.call(mine.id(), () -> audit.list(mine.id(), "calendar.", 0, 10)).entries();
        assertThat(records).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("calendar.day.added");
            assertThat(e.entityId()).isEqualTo("2026-03-26");
            assertThat(e.after()).contains("Hari Jadi Daerah").contains("REGIONAL_HOLIDAY");
        });

        // removed again: the deadline is back, and the removal is audited
        mvc.perform(post("/manage/" + mine.slug() + "/calendar/days/remove").cookie(session).with(csrf()).param("date", "2026-03-26"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.addWorkingDays(mine.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(TenantContext.call(mine.id(), () -> audit.list(mine.id(), "calendar.day.removed", 0, 10)).entries()).hasSize(1);
    }

    @Test
    void aSpecialWorkingSaturdayCounts() throws Exception {
        Tenant tenant = fixtures.newTenant();
        String manager = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        String deadline = "/api/tenants/" + tenant.slug() + "/calendar/deadline";
        mvc.perform(get(deadline).param("completed", "2026-03-17").param("days", "5"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dueDate").value("2026-03-31"));

        mvc.perform(post("/api/tenants/" + tenant.slug() + "/calendar/days").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-03-28\",\"kind\":\"SPECIAL_WORKING_DAY\",\"name\":\"Layanan Sabtu\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.date").value("2026-03-28"))
                .andExpect(jsonPath("$.kind").value("SPECIAL_WORKING_DAY"));

        ZoneId zone = calendar.zone(tenant.id());
        mvc.perform(get(deadline).param("completed", "2026-03-17").param("days", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-03-30"))
                .andExpect(jsonPath("$.zone").value(zone.getId()))
                .andExpect(jsonPath("$.due").value(ZonedDateTime.of(2026, 3, 30, 16, 0, 0, 0, zone).toInstant().toString()));
        assertThat(calendar.isWorkingDay(tenant.id(), LocalDate.parse("2026-03-28"))).isTrue();

        // a special working day on an ordinary Wednesday makes no sense, and a date can be set only once
        mvc.perform(post("/api/tenants/" + tenant.slug() + "/calendar/days").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"date\":\"2026-03-25\",\"kind\":\"SPECIAL_WORKING_DAY\",\"name\":\"Rabu\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.date").value(containsString("already a working day")));
        mvc.perform(post("/api/tenants/" + tenant.slug() + "/calendar/days").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-03-28\",\"kind\":\"REGIONAL_HOLIDAY\",\"name\":\"Lagi\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.date").exists());

        mvc.perform(delete("/api/tenants/" + tenant.slug() + "/calendar/days/2026-03-28").with(httpBasic(manager, Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/tenants/" + tenant.slug() + "/calendar/days/2026-03-28").with(httpBasic(manager, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("calendar-day-not-found"));
        mvc.perform(get(deadline).param("completed", "2026-03-17").param("days", "5"))
                .andExpect(jsonPath("$.dueDate").value("2026-03-31"));
    }

    @Test
    void onlyTheTenantsManagerMayChangeItsCalendar() throws Exception {
        Tenant tenant = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        Cookie officer = login(fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET));
        Cookie otherManager = login(fixtures.staffWithRole(other, Role.PENGELOLA_MPP));

        mvc.perform(get("/manage/" + tenant.slug() + "/calendar").cookie(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/manage/" + tenant.slug() + "/calendar").cookie(otherManager)).andExpect(status().isForbidden());
        mvc.perform(post("/manage/" + tenant.slug() + "/calendar/days").cookie(otherManager).with(csrf())
                        .param("date", "2026-03-26").param("kind", "REGIONAL_HOLIDAY").param("name", "Susupan"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/manage/" + tenant.slug() + "/calendar/settings").cookie(officer).with(csrf())
                        .param("days", "MONDAY").param("closeTime", "12:00").param("zone", "Asia/Jakarta"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/manage/" + tenant.slug() + "/calendar")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/platform/calendar").cookie(otherManager)).andExpect(status().isForbidden());
        mvc.perform(post("/api/tenants/" + tenant.slug() + "/calendar/days")
                        .with(httpBasic(fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-03-26\",\"kind\":\"REGIONAL_HOLIDAY\",\"name\":\"Susupan\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(post("/api/tenants/" + tenant.slug() + "/calendar/days").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-03-26\",\"kind\":\"REGIONAL_HOLIDAY\",\"name\":\"Susupan\"}"))
                .andExpect(status().isUnauthorized());

        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql("select count(*) from tenant_day where tenant_id = ?")
                .param(tenant.id().value()).query(Long.class).single())).isZero();
        assertThat(calendar.isWorkingDay(tenant.id(), LocalDate.parse("2026-03-26"))).isTrue();
        assertThat(calendar.isWorkingDay(tenant.id(), LocalDate.parse("2026-03-27"))).isTrue();
    }

    @Test
    void thePublicApiAnswersDeadlinesAndProblems() throws Exception {
        Tenant tenant = fixtures.newTenant();
        String base = "/api/tenants/" + tenant.slug() + "/calendar";
        mvc.perform(get(base + "/deadline").param("completed", "2026-03-17").param("days", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completedDate").value("2026-03-17"))
                .andExpect(jsonPath("$.days").value(5))
                .andExpect(jsonPath("$.dueDate").value("2026-03-31"))
                .andExpect(jsonPath("$.closeTime").value("16:00"));
        // a timestamp works too; 0 days before close of business is the same day
        ZoneId zone = calendar.zone(tenant.id());
        String morning = ZonedDateTime.of(2026, 3, 17, 9, 0, 0, 0, zone).toOffsetDateTime().toString();
        mvc.perform(get(base + "/deadline").param("completed", morning).param("days", "0"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dueDate").value("2026-03-17"));

        mvc.perform(get(base + "/deadline").param("completed", "2026-02-30").param("days", "x").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.completed").value(containsString("not a valid date")))
                .andExpect(jsonPath("$.errors.days").exists());
        mvc.perform(get(base + "/deadline").param("completed", "2026-03-17").param("days", "-1"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.days").exists());
        mvc.perform(get(base + "/deadline").param("days", "5"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.completed").exists());
        mvc.perform(get("/api/tenants/tidak-ada-daerah/calendar/deadline").param("completed", "2026-03-17").param("days", "5"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("tenant-not-found"));

        mvc.perform(get(base).param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.workingDays").value(240))
                .andExpect(jsonPath("$.workingWeek.length()").value(5))
                .andExpect(jsonPath("$.nationalHolidaysKnown").value(true))
                .andExpect(jsonPath("$.days.length()").value(25))
                .andExpect(jsonPath("$.days[?(@.date == '2026-03-19')].label").value("Libur nasional"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-03-18')].kind").value("CUTI_BERSAMA"));
        mvc.perform(get(base).param("year", "2026").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-03-19')].label").value("National holiday"));
        mvc.perform(get(base).param("year", "1999"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.year").exists());
        mvc.perform(get("/api/tenants/tidak-ada-daerah/calendar")).andExpect(status().isNotFound());
    }

    @Test
    void changingTheWorkingWeekChangesCounting() throws Exception {
        Tenant tenant = fixtures.newTenant();
        Cookie session = login(fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
        assertThat(calendar.addWorkingDays(tenant.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-31"));

        mvc.perform(post("/manage/" + tenant.slug() + "/calendar/settings").cookie(session).with(csrf())
                        .param("days", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
                        .param("closeTime", "15:00").param("zone", "Asia/Makassar").param("year", "2026"))
                .andExpect(status().is3xxRedirection());

        assertThat(calendar.addWorkingDays(tenant.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(calendar.zone(tenant.id())).isEqualTo(ZoneId.of("Asia/Makassar"));
        Instant completed = ZonedDateTime.of(2026, 3, 17, 10, 0, 0, 0, ZoneId.of("Asia/Makassar")).toInstant();
        assertThat(calendar.deadline(tenant.id(), completed, 5))
                .isEqualTo(ZonedDateTime.of(2026, 3, 30, 15, 0, 0, 0, ZoneId.of("Asia/Makassar")).toInstant());
        assertThat(TenantContext.call(tenant.id(), () -> audit.list(tenant.id(), "calendar.settings.changed", 0, 10)).entries())
                .singleElement().satisfies(e -> assertThat(e.after()).contains("SATURDAY").contains("15:00").contains("Asia/Makassar"));
        mvc.perform(get("/manage/" + tenant.slug() + "/calendar").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"SATURDAY\" id=\"settings-day-SATURDAY\" checked")))
                .andExpect(content().string(not(containsString("value=\"SUNDAY\" id=\"settings-day-SUNDAY\" checked"))));

        // a week without days is refused next to the checkboxes, and nothing changes
        mvc.perform(post("/manage/" + tenant.slug() + "/calendar/settings").cookie(session).with(csrf())
                        .param("closeTime", "25:00").param("zone", "Asia/Makassar"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Pilih paling sedikit satu hari kerja.")))
                .andExpect(content().string(containsString("id=\"settings-days-error\"")))
                .andExpect(content().string(containsString("Jam tidak valid")));
        assertThat(calendar.addWorkingDays(tenant.id(), TUESDAY_BEFORE_NYEPI, 5)).isEqualTo(LocalDate.parse("2026-03-30"));
    }

    @Test
    void badInputOnThePageIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
        Tenant tenant = fixtures.newTenant();
        Cookie session = login(fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
        String add = "/manage/" + tenant.slug() + "/calendar/days";

        mvc.perform(post(add).cookie(session).with(csrf()).param("date", "2026-02-30").param("kind", "REGIONAL_HOLIDAY").param("name", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"day-date-error\"")))
                .andExpect(content().string(containsString("Tanggal tidak valid.")))
                .andExpect(content().string(containsString("id=\"day-name-error\"")))
                .andExpect(content().string(containsString("Nama wajib diisi.")))
                .andExpect(content().string(containsString("value=\"2026-02-30\"")));
        mvc.perform(post(add).cookie(session).with(csrf()).param("date", "3026-01-05").param("kind", "REGIONAL_HOLIDAY").param("name", "Jauh"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tahun harus antara 2000 dan 2100.")));
        mvc.perform(post(add).cookie(session).with(csrf()).param("date", "2026-06-02").param("kind", "NATIONAL_HOLIDAY").param("name", "Bukan milik daerah"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"day-kind-error\"")));
        mvc.perform(post(add).cookie(session).with(csrf()).param("date", "2026-06-02").param("kind", "REGIONAL_HOLIDAY").param("name", "Hari Jadi"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(add).cookie(session).with(csrf()).param("date", "2026-06-02").param("kind", "REGIONAL_HOLIDAY").param("name", "Lagi"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tanggal ini sudah ada dalam daftar.")));
        mvc.perform(get("/manage/" + tenant.slug() + "/calendar").param("year", "3000").cookie(session))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"year-year-error\"")));

        List<String> saved = TenantContext.call(tenant.id(), () -> jdbc.sql("select name from tenant_day where tenant_id = ?")
                .param(tenant.id().value()).query(String.class).list());
        assertThat(saved).containsExactly("Hari Jadi");
        assertThat(TenantContext.call(tenant.id(), () -> audit.list(tenant.id(), "calendar.", 0, 10)).entries()).hasSize(1);
    }

    @Test
    void thePlatformAdminEditsTheNationalHolidaysForEveryTenant() throws Exception {
        Tenant tenant = fixtures.newTenant();
        Cookie admin = login(fixtures.platformAdmin());
        LocalDate decreed = LocalDate.parse("2099-06-15"); // a Monday, far from every other test's dates
        assertThat(calendar.isWorkingDay(tenant.id(), decreed)).isTrue();

        mvc.perform(get("/platform/calendar").param("year", "2026").cookie(admin))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Nyepi")))
                .andExpect(content().string(containsString("SKB 3 Menteri 1497/2025")));
        mvc.perform(post("/platform/calendar/holidays").cookie(admin).with(csrf())
                        .param("date", decreed.toString()).param("kind", "NATIONAL_HOLIDAY").param("name", "Libur uji").param("decree", "SKB uji"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/platform/calendar?year=2099"));
        assertThat(calendar.isWorkingDay(tenant.id(), decreed)).isFalse();

        mvc.perform(post("/platform/calendar/holidays").cookie(admin).with(csrf())
                        .param("date", decreed.toString()).param("kind", "CUTI_BERSAMA").param("name", "Dua kali"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"holiday-date-error\"")));
        mvc.perform(post("/platform/calendar/holidays").cookie(admin).with(csrf())
                        .param("date", "2099-06-16").param("kind", "REGIONAL_HOLIDAY").param("name", "Salah jenis"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"holiday-kind-error\"")));

        mvc.perform(post("/platform/calendar/holidays/remove").cookie(admin).with(csrf()).param("date", decreed.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(tenant.id(), decreed)).isTrue();
        assertThat(jdbc.sql("select count(*) from national_holiday where date >= '2099-01-01'").query(Long.class).single()).isZero();

        List<AuditEntry> records = TenantContext.callAcrossTenants(() -> audit.list(null, "calendar.holiday.", 0, 50)).entries()
                .stream().filter(e -> e.entityId().equals(decreed.toString())).toList();
        assertThat(records).extracting(AuditEntry::action).containsExactly("calendar.holiday.removed", "calendar.holiday.added");
        assertThat(records).allSatisfy(e -> assertThat(e.tenant()).isNull());
    }

    /** Logs in through the form; the session lives in the database, so the cookie is what identifies it. */
    private Cookie login(String email) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie cookie = result.getResponse().getCookie("GERAI_SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }
}
