package id.gerai.identity;

import id.gerai.notification.NotificationQueries;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeraiIntegrationTest
class IdentityIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    NikValidator nikValidator;
    @Autowired
    NotificationQueries mails;

    @Test
    void nikChecksFollowTheDomainRules() {
        assertThat(nikValidator.check("3671014501900001").valid()).isTrue();
        assertThat(nikValidator.check("3671014501900001").female()).isTrue();
        assertThat(nikValidator.check("3671010501900001").female()).isFalse();
        assertThat(nikValidator.check("367101450190000").errors()).containsExactly("format");
        assertThat(nikValidator.check("9971014501900001").errors()).containsExactly("province");
        assertThat(nikValidator.check("3671013202900001").errors()).containsExactly("birth-date"); // 32 February
        assertThat(nikValidator.check("3671017102900001").errors()).containsExactly("birth-date"); // 31 February, woman
        assertThat(nikValidator.check("3671014501900000").errors()).containsExactly("serial");
        assertThat(nikValidator.check("3699014501900001").warnings()).containsExactly("regency-unknown");
        assertThat(nikValidator.check("3699014501900001").valid()).isTrue();
    }

    @Test
    void registrationPageShowsFriendlyMessagesAndSavesNothingWhenInvalid() throws Exception {
        long before = accounts();
        mvc.perform(post("/register").with(csrf()).locale(Locale.forLanguageTag("id"))
                        .param("fullName", "Budi").param("nik", "9971014501900001").param("email", "bukan-email")
                        .param("phone", "12").param("password", "pendek").param("passwordConfirm", "pendek"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dua angka pertama NIK bukan kode provinsi")))
                .andExpect(content().string(containsString("Masukkan alamat e-mail yang benar")))
                .andExpect(content().string(containsString("pemberitahuan privasi")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void registrationAndDuplicateEmailThroughThePage() throws Exception {
        String email = "budi." + UUID.randomUUID().toString().substring(0, 6) + "@contoh.id";
        mvc.perform(post("/register").with(csrf())
                        .param("fullName", "Budi Santoso").param("nik", Fixtures.validNik()).param("email", email)
                        .param("phone", "081234567890").param("password", "KataSandiKuat1").param("passwordConfirm", "KataSandiKuat1")
                        .param("consent", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?registered="));
        long after = accounts();
        mvc.perform(post("/register").with(csrf()).header("Accept-Language", "en").param("lang", "en")
                        .param("fullName", "Budi Lain").param("nik", Fixtures.validNik()).param("email", email.toUpperCase())
                        .param("phone", "081234567890").param("password", "KataSandiKuat1").param("passwordConfirm", "KataSandiKuat1")
                        .param("consent", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This e-mail address is already registered")));
        assertThat(accounts()).isEqualTo(after);
    }

    @Test
    void apiAnswersBadRegistrationWithProblemDetails() throws Exception {
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"fullName\":\"A\",\"nik\":\"12\",\"email\":\"x@y.id\",\"phone\":\"081234567890\",\"password\":\"KataSandiKuat1\",\"consent\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.nik").value("A NIK has exactly 16 digits."));
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bad-request"));
    }

    @Test
    void oversizedRequestIsRefusedWithAProblem() throws Exception {
        long before = accounts();
        String huge = "{\"fullName\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("too-large"));
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void apiRegistersAndMasksTheNik() throws Exception {
        String nik = Fixtures.validNik();
        String email = "api." + UUID.randomUUID().toString().substring(0, 6) + "@contoh.id";
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Ani\",\"nik\":\"" + nik + "\",\"email\":\"" + email
                                + "\",\"phone\":\"081234567890\",\"password\":\"KataSandiKuat1\",\"consent\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nikMasked").value(nik.substring(0, 4) + "********" + nik.substring(12)))
                .andExpect(content().string(not(containsString(nik))));
        mvc.perform(get("/api/me").with(httpBasic(email, "KataSandiKuat1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.roles[0]").value("WARGA"));
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));
    }

    @Test
    void loginIsThrottledAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        String email = fixtures.citizen();
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login").with(csrf()).param("login", email).param("password", "salah-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("login", email).param("password", "salah-lagi"))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/me").with(httpBasic(email, Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("locked"));
        // the lock is audited by the system, naming the login masked: the log is no list of addresses
        String login = email.toLowerCase(Locale.ROOT);
        String masked = login.charAt(0) + "***" + login.substring(login.indexOf('@'));
        List<String> locks = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select entity_id from audit_record
                        where action = 'identity.login.locked' and tenant_id is null and entity_id = ?""")
                .param(masked).query(String.class).list());
        assertThat(locks).isNotEmpty();
        assertThat(TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select count(*) from audit_record where action = 'identity.login.locked' and entity_id = ?""")
                .param(login).query(Long.class).single())).isZero();
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        String email = fixtures.citizen();
        mvc.perform(post("/login").param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void passwordResetByEmailLinkWorksOnce() throws Exception {
        String email = fixtures.citizen();
        mvc.perform(post("/forgot-password").with(csrf()).param("email", email)).andExpect(status().isOk());
        String body = mails.recentTo(email, 5).getFirst().body();
        Matcher m = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        mvc.perform(get("/reset-password").param("token", token)).andExpect(content().string(containsString("name=\"token\"")));
        mvc.perform(post("/reset-password").with(csrf()).param("token", token).param("password", "SandiBaru12345")
                .param("passwordConfirm", "SandiBaru12345")).andExpect(redirectedUrl("/login?reset="));
        mvc.perform(get("/api/me").with(httpBasic(email, "SandiBaru12345"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic(email, Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(post("/reset-password").with(csrf()).param("token", token).param("password", "SandiLain12345")
                .param("passwordConfirm", "SandiLain12345")).andExpect(content().string(containsString("tidak berlaku lagi")));
    }

    @Test
    void forgotPasswordSaysTheSameForUnknownAddresses() throws Exception {
        mvc.perform(post("/forgot-password").with(csrf()).param("email", "tidak.ada@contoh.id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jika alamat itu terdaftar")));
        assertThat(mails.recentTo("tidak.ada@contoh.id", 5)).isEmpty();
    }

    @Test
    void registrationIsAudited() {
        String email = fixtures.citizen();
        UUID id = jdbc.sql("select id from account where email = :e").param("e", email).query(UUID.class).single();
        long audited = TenantContext.callAcrossTenants(() -> jdbc.sql(
                        "select count(*) from audit_record where action = 'identity.account.registered' and entity_id = :id")
                .param("id", id.toString()).query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }
}
