package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.notification.Email;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.Notifications;
import id.gerai.notification.OutboxMessage;
import id.gerai.notification.TextMessage;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The demo mailbox in demo mode, with no mail server configured (as on a laptop trying Gerai). */
// with the audit module: the outbox's retention records what it deletes
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc(addFilters = false)
@TestPropertySource(properties = {"gerai.demo.enabled=true", "spring.mail.host=", "gerai.notification.dispatch-interval=1h"})
class NotificationMailboxTests {

    @Autowired MockMvc mvc;
    @Autowired Notifications notifications;
    @Autowired NotificationQueries queries;
    @Autowired EmailDispatcher dispatcher;
    @Autowired GatewayDispatcher gateway;

    TenantId tenant;
    String domain;

    @BeforeEach
    void freshTenant() {
        tenant = new TenantId(UUID.randomUUID());
        domain = "m" + UUID.randomUUID().toString().substring(0, 8) + ".example.id";
    }

    @Test
    void listsQueuedMessagesWithTheirBodyEscapedAndLinksClickable() throws Exception {
        String to = "budi@" + domain;
        TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, to, "Atur ulang kata sandi <Gerai>",
                "Halo Budi,\nbuka https://gerai.example/reset?token=abc&x=1. lalu ikuti langkahnya.\n"
                        + "<script>alert('x')</script> javascript:alert(1)")));

        String page = mvc.perform(get("/demo/mailbox").param("to", to))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Kotak surat demo", "hanya ada dalam mode demo", to, "Menunggu dikirim");
        assertThat(page).contains("Atur ulang kata sandi &lt;Gerai&gt;");
        assertThat(page).contains("<details>");
        assertThat(page).contains("<a href=\"https://gerai.example/reset?token=abc&amp;x=1\" rel=\"nofollow noopener noreferrer\">"
                + "https://gerai.example/reset?token=abc&amp;x=1</a>. lalu ikuti");
        assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
        assertThat(page).doesNotContain("href=\"javascript");
    }

    @Test
    void filtersByRecipientAndListsNewestFirst() throws Exception {
        String first = "pertama@" + domain;
        String second = "kedua@" + domain;
        String other = "lain@" + domain;
        TenantContext.run(tenant, () -> {
            notifications.queue(new Email(tenant, first, "Pesan lama", "1"));
            notifications.queue(new Email(tenant, other, "Pesan orang lain", "2"));
        });
        notifications.queue(new Email(null, first, "Pesan baru", "3"));

        String page = mvc.perform(get("/demo/mailbox").param("to", first.toUpperCase()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Pesan lama", "Pesan baru").doesNotContain("Pesan orang lain", second);
        assertThat(page.indexOf("Pesan baru")).isLessThan(page.indexOf("Pesan lama"));

        String all = mvc.perform(get("/demo/mailbox")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("Pesan lama", "Pesan baru", "Pesan orang lain");
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        String to = "english@" + domain;
        notifications.queue(new Email(null, to, "Welcome", "Hello"));

        String page = mvc.perform(get("/demo/mailbox").param("to", to).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Demo mailbox", "exists only in demo mode", "Waiting to be sent")
                .doesNotContain("Kotak surat demo");
    }

    @Test
    void answersHtmxWithTheListOnly() throws Exception {
        String to = "htmx@" + domain;
        notifications.queue(new Email(null, to, "Hanya daftar", "Isi"));

        String fragment = mvc.perform(get("/demo/mailbox").param("to", to).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"mailbox-messages\"", "Hanya daftar").doesNotContain("<html", "site-header");
        String page = mvc.perform(get("/demo/mailbox")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("hx-get=\"/demo/mailbox\"", "hx-target=\"#mailbox-messages\"");
    }

    @Test
    void withoutAMailServerMessagesStayPending() {
        String to = "tunggu@" + domain;
        TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, to, "Menunggu", "Isi")));

        assertThat(dispatcher.dispatchNow()).isEqualTo(OutboxDispatcher.Result.NONE);

        assertThat(queries.recentTo(to, 1)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.attempts()).isZero();
        });
    }

    @Test
    void listsTextMessagesWithTheirChannelAndWithoutAGatewayTheyStayPending() throws Exception {
        String subscriber = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String phone = "62813" + subscriber;
        String typed = "0813 " + subscriber.substring(0, 4) + " " + subscriber.substring(4);
        String mail = "surel@" + domain;
        TenantContext.run(tenant, () -> {
            notifications.queue(new TextMessage(tenant, typed, "Kode verifikasi Gerai Anda 482913. Jangan berikan kepada siapa pun."));
            notifications.queue(new Email(tenant, mail, "Surel biasa", "Isi"));
        });

        assertThat(gateway.dispatchNow()).isEqualTo(OutboxDispatcher.Result.NONE);
        assertThat(queries.recentTo(typed, 1)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(OutboxMessage.GATEWAY);
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.attempts()).isZero();
        });

        String texts = mvc.perform(get("/demo/mailbox").param("to", typed))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(texts).contains(">SMS/WhatsApp<", "+" + phone, "Kode verifikasi Gerai Anda 482913", "Menunggu dikirim")
                .doesNotContain("Surel biasa");
        String mails = mvc.perform(get("/demo/mailbox").param("to", mail))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mails).contains(">Surel<", "Surel biasa").doesNotContain(">SMS/WhatsApp<");
        String english = mvc.perform(get("/demo/mailbox").param("to", mail).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains(">E-mail<", "mobile number");
    }
}
