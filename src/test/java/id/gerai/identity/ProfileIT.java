package id.gerai.identity;

import id.gerai.notification.NotificationQueries;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Ubah data akun": a person corrects their own name, e-mail address and phone (UU 27/2022) on the page and through
 * {@code PATCH /api/me}, by registration's rules; a new e-mail address needs the current password, which is no
 * unthrottled password oracle; the NIK stays; each change is audited with masked values; nobody reaches another's
 * account.
 */
@GeraiIntegrationTest
class ProfileIT {

    private static final Locale ID = Locale.forLanguageTag("id");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;
    @Autowired StaffAccounts staff;
    @Autowired JsonMapper json;
    @Autowired NotificationQueries outbox;

    @Test
    void aCitizenCorrectsNameAndPhoneOnThePageAndSeesThemOnTheAccountPages() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        String nik = column(id, "nik");
        Cookie session = login(email);

        // both account pages lead here; the data page no longer sends a name or phone correction to a complaint
        assertThat(page("/account", session)).contains("href=\"/account/profile\"");
        assertThat(page("/account/data", session)).contains("href=\"/account/profile\"")
                .doesNotContain("Untuk memperbaiki data akun (nama, NIK, kontak)");
        assertThat(page("/account/profile", session))
                .contains("value=\"Warga Uji\"", "value=\"" + email + "\"", "value=\"081234567890\"")
                .contains(nik.substring(0, 4) + "********" + nik.substring(12), "loket MPP")
                .doesNotContain(nik);

        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "  Warga   Terkoreksi ").param("email", email)
                        .param("phone", "0812-3456 7899").param("currentPassword", ""))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(page("/account/profile", session)).contains("sudah disimpan", "value=\"Warga Terkoreksi\"");
        assertThat(column(id, "full_name")).isEqualTo("Warga Terkoreksi");
        assertThat(column(id, "phone")).isEqualTo("081234567899");
        assertThat(column(id, "nik")).isEqualTo(nik);
        assertThat(page("/account", session)).contains("Warga Terkoreksi", "081234567899").doesNotContain("Warga Uji");
        assertThat(page("/account/data", session)).contains("Warga Terkoreksi", "081234567899").doesNotContain("Warga Uji");

        // audited by the person, naming the fields, with masked values only
        List<Map<String, Object>> audits = audits(id);
        assertThat(audits).hasSize(1);
        assertThat(audits.getFirst().get("actor")).isEqualTo(id.toString());
        JsonNode after = json.readTree((String) audits.getFirst().get("after_data"));
        JsonNode before = json.readTree((String) audits.getFirst().get("before_data"));
        assertThat(after.get("fields").valueStream().map(JsonNode::asString).toList()).containsExactly("fullName", "phone");
        assertThat(after.get("fullName").asString()).isEqualTo("W*** T***");
        assertThat(after.get("phone").asString()).isEqualTo("08123****899");
        assertThat(before.get("fullName").asString()).isEqualTo("W*** U***");
        assertThat(before.get("phone").asString()).isEqualTo("08123****890");
        assertThat(after.has("email")).isFalse();
        assertThat(audits.getFirst().get("after_data") + " " + audits.getFirst().get("before_data"))
                .doesNotContain("Terkoreksi").doesNotContain("081234567899").doesNotContain("081234567890")
                .doesNotContain(nik).doesNotContain(email);

        // the same again changes nothing and records nothing
        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "Warga Terkoreksi").param("email", email.toUpperCase(Locale.ROOT))
                        .param("phone", "081234567899"))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(page("/account/profile", session)).contains("Tidak ada yang berubah");
        assertThat(audits(id)).hasSize(1);
    }

    @Test
    void aNewEmailNeedsTheCurrentPasswordAndThenBecomesTheLogin() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        String fresh = "baru." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        Cookie session = login(email);

        // no password: refused, the typed address kept in the form, nothing changed
        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "Warga Baru").param("email", fresh).param("phone", "081234567890"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Isi kata sandi Anda saat ini")))
                .andExpect(content().string(containsString("value=\"" + fresh + "\"")))
                .andExpect(content().string(containsString("value=\"Warga Baru\"")))
                .andExpect(content().string(containsString("aria-describedby=\"currentPassword-hint currentPassword-error\"")));
        // a wrong one: refused the same way, counted against the login name like a failed login
        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "Warga Baru").param("email", fresh).param("phone", "081234567890")
                        .param("currentPassword", "bukan-sandinya"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kata sandi saat ini tidak cocok")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(column(id, "email")).isEqualTo(email);
        assertThat(column(id, "full_name")).isEqualTo("Warga Uji");
        assertThat(failures(email)).isEqualTo(1);
        assertThat(audits(id)).isEmpty();

        // the right one: changed, the session carries the new login (and stays indexed by the account id, which
        // does not change, so closing the account finds it), the old address is told
        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "Warga Uji").param("email", "  " + fresh.toUpperCase(Locale.ROOT) + " ")
                        .param("phone", "081234567890").param("currentPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(column(id, "email")).isEqualTo(fresh);
        assertThat(sessionLogin(session)).isEqualTo(id.toString());
        assertThat(page("/account/profile", session)).contains("value=\"" + fresh + "\"");
        assertThat(page("/account", session)).contains(fresh).doesNotContain(email);
        assertThat(outbox.recentTo(email, 10)).anyMatch(m -> m.subject().contains("diubah"));

        mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        login(fresh);
        mvc.perform(get("/api/me").with(httpBasic(fresh, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(fresh));

        JsonNode after = json.readTree((String) audits(id).getFirst().get("after_data"));
        assertThat(after.get("fields").valueStream().map(JsonNode::asString).toList()).containsExactly("email");
        assertThat(after.get("email").asString()).isEqualTo("b***@test.gerai.local");
        assertThat(audits(id).getFirst().get("after_data").toString()).doesNotContain(fresh);
    }

    @Test
    void guessingTheCurrentPasswordLocksTheLoginLikeFailedLogins() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        String fresh = "tebak." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        Cookie session = login(email);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                            .param("fullName", "Warga Uji").param("email", fresh).param("phone", "081234567890")
                            .param("currentPassword", "tebakan-" + i))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(i < 5 ? "tidak cocok" : "Terlalu banyak percobaan")));
        }
        // locked: even the right password is not looked at, here or at the login
        mvc.perform(post("/account/profile").with(csrf()).cookie(session).locale(ID)
                        .param("fullName", "Warga Uji").param("email", fresh).param("phone", "081234567890")
                        .param("currentPassword", Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Terlalu banyak percobaan")));
        mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(column(id, "email")).isEqualTo(email);
    }

    @Test
    void anAddressOfAnotherAccountIsRefusedOnThePageAndWithA409() throws Exception {
        String email = fixtures.citizen();
        String other = fixtures.citizen();
        UUID id = accountOf(email);
        mvc.perform(post("/account/profile").with(csrf()).cookie(login(email)).locale(ID)
                        .param("fullName", "Warga Uji").param("email", other.toUpperCase(Locale.ROOT))
                        .param("phone", "081234567890").param("currentPassword", Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alamat e-mail ini sudah dipakai akun lain")));
        mvc.perform(patchMe(email, "{\"email\":\"" + other + "\",\"currentPassword\":\"" + Fixtures.PASSWORD + "\"}").header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("email-taken"))
                .andExpect(jsonPath("$.errors.email").value("This e-mail address is used by another account."));
        assertThat(column(id, "email")).isEqualTo(email);
        assertThat(column(accountOf(other), "email")).isEqualTo(other);
        assertThat(audits(id)).isEmpty();
    }

    @Test
    void badInputGetsFieldMessagesOnThePageAndFieldErrorsFromTheApi() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        mvc.perform(post("/account/profile").with(csrf()).cookie(login(email)).locale(ID)
                        .param("fullName", " ").param("email", "bukan-email").param("phone", "12")
                        .param("currentPassword", Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Masukkan alamat e-mail yang benar")))
                .andExpect(content().string(containsString("Masukkan nomor ponsel Indonesia yang benar")))
                .andExpect(content().string(containsString("Wajib diisi")))
                .andExpect(content().string(containsString("value=\"bukan-email\"")))
                .andExpect(content().string(containsString("value=\"12\"")))
                .andExpect(content().string(containsString("aria-describedby=\"phone-hint phone-error\"")))
                .andExpect(content().string(containsString("href=\"#phone\"")));

        mvc.perform(patchMe(email, "{\"phone\":\"12\",\"fullName\":\"" + "A".repeat(151) + "\"}").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.phone").value("Enter a valid Indonesian mobile number, for example: 081234567890"))
                .andExpect(jsonPath("$.errors.fullName").value("This entry is too long."));
        mvc.perform(patchMe(email, "{\"email\":\"x@y\",\"currentPassword\":\"" + Fixtures.PASSWORD + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email").exists());
        mvc.perform(patchMe(email, "{\"email\":\"baru@contoh.id\"}").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currentPassword").value("Enter your current password to change your e-mail address."));
        mvc.perform(patchMe(email, "{\"fullName\":\"Nama\\u0000Aneh\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.fullName").exists());
        mvc.perform(patchMe(email, "{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("bad-request"));
        assertThat(column(id, "phone")).isEqualTo("081234567890");
        assertThat(column(id, "full_name")).isEqualTo("Warga Uji");
        assertThat(column(id, "email")).isEqualTo(email);
        assertThat(audits(id)).isEmpty();
    }

    @Test
    void theApiMergesWhatIsSentAndAnswersTheUpdatedAccount() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        String nik = column(id, "nik");
        mvc.perform(patchMe(email, "{\"fullName\":\"Warga Lewat API\",\"phone\":\"+62 812 0000 1111\"}")
                        .contentType("application/merge-patch+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.fullName").value("Warga Lewat API"))
                .andExpect(jsonPath("$.phone").value("+6281200001111"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.nikMasked").value(nik.substring(0, 4) + "********" + nik.substring(12)))
                .andExpect(jsonPath("$.roles[0]").value("WARGA"));
        mvc.perform(get("/api/me").with(httpBasic(email, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.fullName").value("Warga Lewat API"))
                .andExpect(jsonPath("$.phone").value("+6281200001111"));
        // the change of e-mail through the API, with the password
        String fresh = "api." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        mvc.perform(patchMe(email, "{\"email\":\"" + fresh + "\",\"currentPassword\":\"" + Fixtures.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(fresh));
        mvc.perform(get("/api/me").with(httpBasic(email, Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(audits(id)).hasSize(2);

        // a staff member may have no phone: an empty one clears it
        String officer = fixtures.platformAdmin();
        mvc.perform(patchMe(officer, "{\"phone\":\"081299998888\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("081299998888"));
        mvc.perform(patchMe(officer, "{\"phone\":\"\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").doesNotExist());

        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/me'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/me'].get").exists());
    }

    @Test
    void theNikIsNotChangedByAFormFieldNorThroughTheApi() throws Exception {
        String email = fixtures.citizen();
        UUID id = accountOf(email);
        String nik = column(id, "nik");
        String forged = Fixtures.validNik();
        mvc.perform(post("/account/profile").with(csrf()).cookie(login(email)).locale(ID)
                        .param("fullName", "Warga Uji").param("email", email).param("phone", "081234567891")
                        .param("nik", forged))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(column(id, "nik")).isEqualTo(nik);
        assertThat(column(id, "phone")).isEqualTo("081234567891");
        mvc.perform(patchMe(email, "{\"nik\":\"" + forged + "\",\"fullName\":\"Nama Lain\"}").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.nik").value(containsString("MPP counter")));
        assertThat(column(id, "nik")).isEqualTo(nik);
        assertThat(column(id, "full_name")).isEqualTo("Warga Uji");
    }

    @Test
    void aPersonChangesOnlyTheirOwnAccountAndAnonymousRequestsAreRefused() throws Exception {
        String mine = fixtures.citizen();
        String theirs = fixtures.citizen();
        UUID their = accountOf(theirs);
        // there is no account in the path; an id sent along is not read
        mvc.perform(post("/account/profile").with(csrf()).cookie(login(mine)).locale(ID)
                        .param("id", their.toString()).param("accountId", their.toString())
                        .param("fullName", "Bukan Pemilik").param("email", mine).param("phone", "081234567892"))
                .andExpect(redirectedUrl("/account/profile"));
        mvc.perform(patchMe(mine, "{\"id\":\"" + their + "\",\"fullName\":\"Bukan Pemilik Juga\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(accountOf(mine).toString()));
        assertThat(column(accountOf(mine), "full_name")).isEqualTo("Bukan Pemilik Juga");
        assertThat(column(their, "full_name")).isEqualTo("Warga Uji");
        assertThat(column(their, "phone")).isEqualTo("081234567890");
        mvc.perform(patch("/api/me/" + their).with(httpBasic(mine, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fullName\":\"X\"}"))
                .andExpect(status().is4xxClientError());
        assertThat(column(their, "full_name")).isEqualTo("Warga Uji");

        mvc.perform(get("/account/profile")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/profile").with(csrf()).param("fullName", "Siapa").param("email", theirs))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(patch("/api/me").contentType(MediaType.APPLICATION_JSON).content("{\"fullName\":\"Siapa\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("unauthorized"));
        // a session without its CSRF token cannot post the form for the person
        mvc.perform(post("/account/profile").cookie(login(theirs)).param("fullName", "Lewat Situs Lain")
                        .param("email", theirs).param("phone", "081234567890"))
                .andExpect(status().isForbidden());
        assertThat(column(their, "full_name")).isEqualTo("Warga Uji");
    }

    private MockHttpServletRequestBuilder patchMe(String email, String body) {
        return patch("/api/me").with(httpBasic(email, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session).locale(ID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The principal name Spring Session indexes the session by: the signed-in person's account id. */
    private String sessionLogin(Cookie session) {
        String sessionId = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        return jdbc.sql("select principal_name from spring_session where session_id = ?").param(sessionId)
                .query(String.class).single();
    }

    private UUID accountOf(String email) {
        return staff.findAccountByEmail(email).orElseThrow();
    }

    private String column(UUID account, String column) {
        return jdbc.sql("select " + column + " from account where id = ?").param(account).query(String.class).single();
    }

    private int failures(String login) {
        return jdbc.sql("select failures from login_throttle where login_key = ?").param(login).query(Integer.class).single();
    }

    private List<Map<String, Object>> audits(UUID account) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor, before_data::text as before_data, after_data::text as after_data from audit_record
                        where action = 'identity.profile.corrected' and entity_type = 'account' and entity_id = ?
                          and tenant_id is null order by id""")
                .param(account.toString()).query().listOfRows());
    }
}
