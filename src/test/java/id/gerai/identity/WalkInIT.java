package id.gerai.identity;

import id.gerai.identity.CitizenAccounts.Citizen;
import id.gerai.notification.NotificationQueries;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A counter officer records a walk-in citizen by NIK; the citizen later claims the record by registering. */
@GeraiIntegrationTest
class WalkInIT {

    private static final String NEW_PASSWORD = "KataSandiKuat1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CitizenAccounts citizens;
    @Autowired
    StaffAccounts staff;
    @Autowired
    UserDetailsService users;
    @Autowired
    NotificationQueries mails;

    @Test
    void walkInMakesAnUnclaimedRecordAuditedWithTheOfficer() {
        String nik = Fixtures.validNik();
        GeraiUser officer = officer();
        String spaced = nik.substring(0, 4) + " " + nik.substring(4, 8) + " " + nik.substring(8, 12) + " " + nik.substring(12);

        Citizen c = as(officer, () -> citizens.walkIn(spaced, "  Siti   Aminah ", "0812-3456-7890", ""));

        assertThat(c.claimed()).isFalse();
        assertThat(c.nik()).isEqualTo(nik);
        assertThat(c.fullName()).isEqualTo("Siti Aminah");
        assertThat(c.phone()).isEqualTo("081234567890");
        assertThat(c.email()).isNull();
        Map<String, Object> row = jdbc.sql("select password_hash, claimed_at, created_by, kind from account where id = :id")
                .param("id", c.accountId()).query().singleRow();
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("claimed_at")).isNull();
        assertThat(row.get("created_by")).isEqualTo(officer.accountId());
        assertThat(row.get("kind")).isEqualTo("CITIZEN");
        assertThat(auditActors("identity.account.walk-in-recorded", c.accountId())).containsExactly(officer.accountId().toString());
        assertThat(citizens.byNik(spaced)).contains(c);
        assertThat(citizens.byId(c.accountId())).contains(c);
    }

    @Test
    void secondWalkInReturnsTheRecordAsItIsAndOnlyFillsMissingContact() {
        String nik = Fixtures.validNik();
        GeraiUser officer = officer();
        Citizen first = as(officer, () -> citizens.walkIn(nik, "Budi Santoso", "081234567890", null));
        long before = accounts();

        Citizen second = as(officer, () -> citizens.walkIn(nik, "Budi Lain", "089999999999", "Budi@Contoh.id"));

        assertThat(accounts()).isEqualTo(before);
        assertThat(second.accountId()).isEqualTo(first.accountId());
        assertThat(second.fullName()).isEqualTo("Budi Santoso");
        assertThat(second.phone()).isEqualTo("081234567890");
        assertThat(second.email()).isEqualTo("budi@contoh.id");
        assertThat(second.claimed()).isFalse();
        assertThat(auditActors("identity.account.contact-added", first.accountId())).containsExactly(officer.accountId().toString());

        Citizen third = as(officer, () -> citizens.walkIn(nik, "Budi Santoso", null, "lain@contoh.id"));
        assertThat(third).isEqualTo(second);
        assertThat(auditActors("identity.account.contact-added", first.accountId())).hasSize(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        GeraiUser officer = officer();
        long before = accounts();
        assertThatThrownBy(() -> as(officer, () -> citizens.walkIn("9971014501900001", " ", "12345", "bukan-email")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "nik", "nik.province", "fullName", "validation.required",
                        "phone", "validation.phone", "email", "validation.email")));
        assertThatThrownBy(() -> as(officer, () -> citizens.walkIn("3671013202900001", "Ani", null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsExactlyEntriesOf(Map.of("nik", "nik.birth-date")));
        assertThatThrownBy(() -> as(officer, () -> citizens.walkIn(null, "Ani", null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsExactlyEntriesOf(Map.of("nik", "nik.format")));
        assertThat(accounts()).isEqualTo(before);
        assertThat(citizens.byNik("not a nik")).isEmpty();
    }

    @Test
    void anUnclaimedRecordCannotLogInNorGetAResetMail() throws Exception {
        String nik = Fixtures.validNik();
        String email = "walkin." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        as(officer(), () -> citizens.walkIn(nik, "Dewi Lestari", null, email));

        assertThatThrownBy(() -> users.loadUserByUsername(nik)).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);
        mvc.perform(post("/login").with(csrf()).param("login", nik).param("password", "apa-saja-12345"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/me").with(httpBasic(nik, ""))).andExpect(status().isUnauthorized());
        mvc.perform(post("/forgot-password").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jika alamat itu terdaftar")));
        assertThat(mails.recentTo(email, 5)).isEmpty();
    }

    @Test
    void registeringWithTheNikAndTheSameNameClaimsTheRecord() throws Exception {
        String nik = Fixtures.validNik();
        Citizen walkIn = as(officer(), () -> citizens.walkIn(nik, "Budi Santoso", "081234567890", "keluarga@contoh.id"));
        String email = "budi." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        long before = accounts();

        mvc.perform(post("/register").with(csrf())
                        .param("fullName", "  budi   SANTOSO ").param("nik", nik).param("email", email)
                        .param("phone", "085712345678").param("password", NEW_PASSWORD).param("passwordConfirm", NEW_PASSWORD)
                        .param("consent", "true"))
                .andExpect(redirectedUrl("/login?registered="));

        assertThat(accounts()).isEqualTo(before);
        Citizen claimed = citizens.byNik(nik).orElseThrow();
        assertThat(claimed).isEqualTo(new Citizen(walkIn.accountId(), "Budi Santoso", nik, email, "085712345678", true));
        assertThat(users.loadUserByUsername(nik)).isInstanceOfSatisfying(GeraiUser.class,
                u -> assertThat(u.accountId()).isEqualTo(walkIn.accountId()));
        mvc.perform(get("/api/me").with(httpBasic(nik, NEW_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(walkIn.accountId().toString()))
                .andExpect(jsonPath("$.email").value(email));
        assertThat(jdbc.sql("select consent_at is not null from account where id = :id").param("id", walkIn.accountId())
                .query(Boolean.class).single()).isTrue();
        assertThat(auditActors("identity.account.claimed", walkIn.accountId())).containsExactly(walkIn.accountId().toString());
        assertThat(auditActors("identity.account.registered", walkIn.accountId())).isEmpty();
    }

    @Test
    void theApiAndTheModuleApiClaimToo() throws Exception {
        String nik = Fixtures.validNik();
        Citizen viaApi = as(officer(), () -> citizens.walkIn(nik, "Rina Wati", null, null));
        String email = "rina." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"RINA WATI\",\"nik\":\"" + nik + "\",\"email\":\"" + email
                                + "\",\"phone\":\"081234567890\",\"password\":\"" + NEW_PASSWORD + "\",\"consent\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(viaApi.accountId().toString()));

        String nik2 = Fixtures.validNik();
        Citizen viaModule = as(officer(), () -> citizens.walkIn(nik2, "Agus Salim", null, null));
        UUID id = citizens.register("agus salim", nik2, "agus." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id",
                "081234567890", NEW_PASSWORD);
        assertThat(id).isEqualTo(viaModule.accountId());
        assertThat(citizens.byId(id).orElseThrow().claimed()).isTrue();
    }

    @Test
    void aWrongNameIsRefusedExactlyLikeATakenNik() throws Exception {
        String nik = Fixtures.validNik();
        Citizen walkIn = as(officer(), () -> citizens.walkIn(nik, "Budi Santoso", null, null));
        String claimedNik = Fixtures.validNik();
        citizens.register("Warga Terdaftar", claimedNik, "terdaftar." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id",
                "081234567890", NEW_PASSWORD);
        String taken = "This NIK is already registered. If you were served at a counter, write your full name exactly as on your ID card; "
                + "if that fails, bring your ID card to a counter.";

        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content(registration("Budi Santosa", nik)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.nik").value(taken));
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content(registration("Warga Terdaftar", claimedNik)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.nik").value(taken));

        Citizen after = citizens.byId(walkIn.accountId()).orElseThrow();
        assertThat(after).isEqualTo(walkIn);
        assertThat(auditActors("identity.account.claimed", walkIn.accountId())).isEmpty();
    }

    @Test
    void aWalkInWithTheNikOfAnAccountReturnsItUnchanged() {
        String nik = Fixtures.validNik();
        String email = "akun." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        UUID id = citizens.register("Putri Ayu", nik, email, "081234567890", NEW_PASSWORD);

        Citizen c = as(officer(), () -> citizens.walkIn(nik, "Nama Lain", "089876543210", "lain@contoh.id"));

        assertThat(c).isEqualTo(new Citizen(id, "Putri Ayu", nik, email, "081234567890", true));
    }

    @Test
    void anAddressTypedAtTheCounterReservesNothing() {
        String email = "bersama." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        as(officer(), () -> citizens.walkIn(Fixtures.validNik(), "Ibu Sari", null, email));
        as(officer(), () -> citizens.walkIn(Fixtures.validNik(), "Pak Joko", null, email));

        UUID id = citizens.register("Anak Sari", Fixtures.validNik(), email, "081234567890", NEW_PASSWORD);

        assertThat(users.loadUserByUsername(email)).isInstanceOfSatisfying(GeraiUser.class, u -> assertThat(u.accountId()).isEqualTo(id));
    }

    @Test
    void theDatabaseLetsOnlyACitizenWithANikGoWithoutCredentials() {
        String unclaimed = "insert into account (id, kind, email, full_name, nik, password_hash, claimed_at) values (:id, :kind, null, 'X', :nik, null, null)";
        assertThatThrownBy(() -> jdbc.sql(unclaimed).param("id", UUID.randomUUID()).param("kind", "STAFF").param("nik", Fixtures.validNik()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(unclaimed).param("id", UUID.randomUUID()).param("kind", "CITIZEN").param("nik", null).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // claimed by default, so a forgotten claimed_at needs a password, except for a citizen, who may sign in through an
        // OpenID Connect provider alone (ADR 0010); without a password nobody logs in with one
        assertThatThrownBy(() -> jdbc.sql("insert into account (id, kind, email, full_name) values (:id, 'STAFF', :email, 'X')")
                .param("id", UUID.randomUUID()).param("email", UUID.randomUUID() + "@b.id").update())
                .as("staff always have a password").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into account (id, kind, email, full_name, nik) values (:id, 'CITIZEN', null, 'X', :nik)")
                .param("id", UUID.randomUUID()).param("nik", Fixtures.validNik()).update())
                .as("a claimed citizen has an e-mail address").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void staffAccountsAreNotCitizens() {
        assertThat(citizens.byId(officer().accountId())).isEmpty();
        assertThat(citizens.byId(UUID.randomUUID())).isEmpty();
    }

    private GeraiUser officer() {
        String email = "loket." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        staff.createStaff(new StaffAccounts.NewStaff(email, "Petugas Loket", null, Fixtures.PASSWORD));
        return (GeraiUser) users.loadUserByUsername(email);
    }

    /** Runs {@code action} signed in as {@code user}, as a counter page would. */
    private static <T> T as(GeraiUser user, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String registration(String fullName, String nik) {
        return "{\"fullName\":\"" + fullName + "\",\"nik\":\"" + nik + "\",\"email\":\"x." + UUID.randomUUID().toString().substring(0, 8)
                + "@contoh.id\",\"phone\":\"081234567890\",\"password\":\"" + NEW_PASSWORD + "\",\"consent\":true}";
    }

    private java.util.List<String> auditActors(String action, UUID accountId) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql(
                        "select actor from audit_record where action = :a and entity_type = 'account' and entity_id = :id order by id")
                .param("a", action).param("id", accountId.toString()).query(String.class).list());
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }
}
