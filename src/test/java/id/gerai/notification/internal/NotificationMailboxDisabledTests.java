package id.gerai.notification.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Outside demo mode the mailbox does not exist, even when there is mail in the outbox. */
// with the audit module: the outbox's retention records what it deletes
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc(addFilters = false)
@TestPropertySource(properties = {"gerai.demo.enabled=false", "spring.mail.host=", "gerai.notification.dispatch-interval=1h"})
class NotificationMailboxDisabledTests {

    @Autowired MockMvc mvc;
    @Autowired Notifications notifications;

    @Test
    void mailboxIsNotFoundOutsideDemoMode() throws Exception {
        String to = "rahasia@d" + UUID.randomUUID().toString().substring(0, 8) + ".example.id";
        notifications.queue(new Email(null, to, "Tautan rahasia", "https://gerai.example/reset?token=rahasia"));

        mvc.perform(get("/demo/mailbox"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Tautan rahasia"))));
        mvc.perform(get("/demo/mailbox").param("to", to).header("HX-Request", "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("rahasia@"))));
    }
}
