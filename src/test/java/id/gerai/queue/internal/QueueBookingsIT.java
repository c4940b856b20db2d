package id.gerai.queue.internal;

import id.gerai.application.ApplicationSamples;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's appointments are theirs to see in "Data pribadi saya" (UU 27/2022), and closing the account frees the
 * slots they still hold, each cancellation audited; an appointment already used stays as it was.
 */
@GeraiIntegrationTest
class QueueBookingsIT {

    @Autowired QueueService queue;
    @Autowired Fixtures fixtures;
    @Autowired TenancyApi tenancy;
    @Autowired CatalogApi catalog;
    @Autowired WorkingCalendar calendar;
    @Autowired CitizenAccounts citizens;
    @Autowired StaffAccounts staff;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theCopyOfPersonalDataListsTheAppointmentsAndClosingTheAccountCancelsTheBookedOnes() throws Exception {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Janji Uji", ServicePointKind.MPP,
                "Jl. Uji 2", null, 4));
        GeraiUser manager = new GeraiUser(UUID.randomUUID(), "pengelola@uji.local", "Pengelola", false, Set.of(),
                List.of(new Membership(t.id(), Role.PENGELOLA_MPP, null, null)), true, null);
        UUID service = ApplicationSamples.publish(catalog, t, agency).serviceId();
        queue.createCounter(t.id(), point, new QueueService.CounterInput("A1", "Loket A1", List.of(agency), List.of(), true), manager);
        queue.saveSettings(t.id(), point, "08:00", "15:00", "60", "5", manager);

        String email = "janji." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        citizens.register("Warga Berjanji", Fixtures.validNik(), email, "081234567891", Fixtures.PASSWORD);
        UUID accountId = staff.findAccountByEmail(email).orElseThrow();
        GeraiUser citizen = new GeraiUser(accountId, email, "Warga Berjanji", true, Set.of(), List.of(), true, null);
        LocalDate first = nextWorkingDay(t, LocalDate.now(calendar.zone(t.id())));
        LocalDate second = nextWorkingDay(t, first);
        Appointment kept = queue.book(t.id(), new QueueService.Booking(point, null, service, first.toString(), "09:00"),
                citizen, Locale.ROOT);
        Appointment cancelledBefore = queue.book(t.id(), new QueueService.Booking(point, null, service, second.toString(), "10:00"),
                citizen, Locale.ROOT);
        queue.cancel(t.id(), cancelledBefore.id(), citizen);

        // the copy holds both, newest day first, with where and when
        mvc.perform(get("/api/me/personal-data").with(httpBasic(email, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appointments.length()").value(2))
                .andExpect(jsonPath("$.appointments[0].code").value(cancelledBefore.code()))
                .andExpect(jsonPath("$.appointments[0].status").value("CANCELLED"))
                .andExpect(jsonPath("$.appointments[1].code").value(kept.code()))
                .andExpect(jsonPath("$.appointments[1].status").value("BOOKED"))
                .andExpect(jsonPath("$.appointments[1].servicePointName").value("MPP Janji Uji"))
                .andExpect(jsonPath("$.appointments[1].day").value(first.toString()))
                .andExpect(jsonPath("$.appointments[1].time").value("09:00"));
        jakarta.servlet.http.Cookie session = mvc.perform(post("/login").with(csrf()).param("login", email)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse().getCookie("GERAI_SESSION");
        assertThat(mvc.perform(get("/account/data").cookie(session).locale(Locale.forLanguageTag("id")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"data-appointments\"", kept.code(), "MPP Janji Uji");

        // closing frees the booked slot; the one cancelled before is left as it was
        mvc.perform(delete("/api/me").with(httpBasic(email, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + Fixtures.PASSWORD + "\",\"confirm\":true}"))
                .andExpect(status().is2xxSuccessful());
        Map<UUID, String> statuses = TenantContext.call(t.id(), () -> jdbc.sql(
                        "select id, status from queue_appointment where tenant_id = ? and account_id = ?")
                .params(t.id().value(), accountId).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(statuses).containsEntry(kept.id(), "CANCELLED").containsEntry(cancelledBefore.id(), "CANCELLED");
        List<Map<String, Object>> audits = TenantContext.call(t.id(), () -> jdbc.sql("""
                        select entity_id, actor, after_data::text as after from audit_record
                         where tenant_id = ? and action = 'queue.appointment.cancelled' order by id""")
                .param(t.id().value()).query().listOfRows());
        assertThat(audits).hasSize(2);
        assertThat(audits.get(1).get("entity_id").toString()).isEqualTo(kept.id().toString());
        assertThat(audits.get(1).get("actor")).isEqualTo(accountId.toString());
        assertThat((String) audits.get(1).get("after")).contains("account-closed");
        String closed = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select after_data::text from audit_record where action = 'identity.account.closed' and entity_id = ?""")
                .param(accountId.toString()).query(String.class).single());
        assertThat(closed).contains("\"appointmentsCancelled\": 1");
    }

    private LocalDate nextWorkingDay(Tenant t, LocalDate from) {
        LocalDate d = from.plusDays(1);
        while (!calendar.isWorkingDay(t.id(), d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
