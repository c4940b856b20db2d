package id.gerai.queue.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import id.gerai.application.ApplicationSamples;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue's main journey in Chromium on a small phone: a citizen books a slot for today without JavaScript, checks
 * in at the kiosk with the code and gets a ticket; an officer presses "Panggil berikutnya"; the hall's display, open
 * the whole time, shows and announces the number. The kiosk, ticket and display pages pass axe (WCAG 2.1 AA).
 */
class QueueJourneyBrowserIT extends BrowserTest {

    @Autowired QueueService queue;
    @Autowired TenancyApi tenancy;
    @Autowired CatalogApi catalog;
    @Autowired WorkingCalendar calendar;
    @Autowired MockMvc mvc;

    @Test
    void aCitizenBooksChecksInAndIsCalledToTheCounterOnTheDisplay() throws Exception {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ApplicationSamples.publish(catalog, t, agency);
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Uji Antrean",
                ServicePointKind.MPP, "Jl. Antre 1", null, 4));
        String managerMail = fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        GeraiUser manager = new GeraiUser(UUID.randomUUID(), managerMail, "Pengelola", false, Set.of(),
                List.of(new Membership(t.id(), Role.PENGELOLA_MPP, null, null)), true, null);
        Counter counter = queue.createCounter(t.id(), point, new QueueService.CounterInput("A1", "Loket Dukcapil",
                List.of(agency), List.of(), true), manager);
        queue.saveSettings(t.id(), point, "00:00", "24:00", "60", "5", manager);
        LocalDate today = LocalDate.now(calendar.zone(t.id()));
        if (!calendar.isWorkingDay(t.id(), today)) {
            mvc.perform(post("/api/tenants/" + t.slug() + "/calendar/days").with(httpBasic(managerMail, id.gerai.support.Fixtures.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"date\":\"" + today + "\",\"kind\":\"SPECIAL_WORKING_DAY\",\"name\":\"Uji antrean\"}"))
                    .andExpect(status().isCreated());
        }
        String citizen = fixtures.citizen();
        String officer = fixtures.staffWithRole(t, Role.PETUGAS_LOKET);

        // the hall's display is open all along (JavaScript on: it polls)
        BrowserContext hall = browser.auditingPhone(baseUrl());
        Page display = hall.newPage();
        display.navigate("/t/" + t.slug() + "/queue/MPP/display");
        assertThat(Browser.accessibilityViolations(display)).isEmpty();

        // the citizen books without JavaScript
        String code;
        try (BrowserContext phone = browser.phoneWithoutJavaScript(baseUrl())) {
            Page page = phone.newPage();
            login(page, citizen);
            page.navigate("/queue/appointments/new");
            page.locator("#book-tenant").selectOption(t.slug());
            page.locator("#book-next").click();
            page.locator("#book-point").selectOption(point.toString());
            page.locator("#book-service").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            page.locator("#book-date").fill(today.toString());
            page.locator("#book-next").click();
            page.locator("#book-slots input[type=radio]:not([disabled])").first().check();
            page.locator("#book-submit").click();
            code = page.locator("#booked-code").textContent().strip();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(page.locator("[data-code='" + code + "']")).isVisible();
        }

        // at the kiosk the code checks in and prints a ticket
        String number;
        try (BrowserContext kioskScreen = browser.auditingPhone(baseUrl())) {
            Page kiosk = kioskScreen.newPage();
            kiosk.navigate("/t/" + t.slug() + "/queue/MPP/kiosk");
            assertThat(Browser.accessibilityViolations(kiosk)).isEmpty();
            kiosk.locator("#booking-code").fill(code);
            kiosk.locator("form[action$='/kiosk/check-in'] button").click();
            number = kiosk.locator("#ticket-number").textContent().strip();
            assertThat(number).isEqualTo("A-001");
            assertThat(kiosk.locator("#ticket-status")).containsText("Tidak ada yang di depan Anda");
            assertThat(kiosk.locator("#follow-link")).hasText(java.util.regex.Pattern.compile("^http.*/t/" + t.slug() + "/q/[0-9a-z]{16}$"));
            assertThat(Browser.accessibilityViolations(kiosk)).isEmpty();
        }

        // the officer calls the next ticket
        try (BrowserContext desk = browser.auditingPhone(baseUrl())) {
            Page page = desk.newPage();
            login(page, officer);
            page.navigate("/manage/" + t.slug() + "/queue/counters/" + counter.id());
            page.locator("#call-next").click();
            assertThat(page.locator("#current-number")).hasText(number);
            assertThat(Browser.accessibilityViolations(page)).as("counter screen").isEmpty();
        }

        // the display shows it at counter A1 and announces it
        assertThat(display.locator("[data-counter='A1'] .display-number")).hasText(number,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(display.locator("#announce")).containsText(number);
        assertThat(Browser.accessibilityViolations(display)).isEmpty();
        hall.close();

        // the manager's page (counters, settings, today's figures) and the citizen's pages pass axe too
        try (BrowserContext office = browser.auditingPhone(baseUrl())) {
            Page page = office.newPage();
            login(page, managerMail);
            page.navigate("/manage/" + t.slug() + "/queue");
            assertThat(page.locator("#queue-figures")).containsText("1");
            assertThat(Browser.accessibilityViolations(page)).as("manage page").isEmpty();
            page.navigate("/manage/" + t.slug() + "/queue/counters/" + counter.id() + "/edit");
            assertThat(Browser.accessibilityViolations(page)).as("counter form").isEmpty();
        }
        try (BrowserContext phone = browser.auditingPhone(baseUrl())) {
            Page page = phone.newPage();
            login(page, citizen);
            page.navigate("/queue/appointments");
            assertThat(Browser.accessibilityViolations(page)).as("my appointments").isEmpty();
            page.navigate("/queue/appointments/new?tenant=" + t.slug() + "&pointId=" + point + "&serviceId="
                    + queue.services(t.id()).keySet().iterator().next() + "&date=" + today);
            assertThat(page.locator("#book-slots")).isVisible();
            assertThat(Browser.accessibilityViolations(page)).as("booking form with slots").isEmpty();
        }
    }
}
