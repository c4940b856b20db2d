package id.gerai.identity;

import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.support.TestOidcProvider;
import id.gerai.support.TestOidcProvider.Mode;
import id.gerai.support.TestOidcProvider.User;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in with OpenID Connect against a real provider ({@link TestOidcProvider}: discovery, JWKS, RS256 ID tokens, PKCE
 * checked at its token endpoint): linked sign-in, first sign-in with registration, the e-mail match that needs the
 * password, staff linking and the provider's audience, forged tokens, disabled accounts, unlinking, closing, and the
 * audit records.
 */
@GeraiIntegrationTest
@ContextConfiguration(initializers = TestOidcProvider.Configured.class)
class OidcLoginIT {

    static final Locale ID = Locale.forLanguageTag("id");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    StaffAccounts staff;
    @Autowired
    AccountClosure closure;
    @Autowired
    TransactionTemplate tx;

    final TestOidcProvider provider = TestOidcProvider.shared();

    @AfterEach
    void honestProvider() {
        provider.mode(Mode.SIGNED);
    }

    @Test
    void theLoginPageOffersEveryProviderAsAPlainLink() throws Exception {
        mvc.perform(get("/login").locale(ID))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/testsso\"")))
                .andExpect(content().string(containsString("Masuk dengan SSO Uji")))
                .andExpect(content().string(containsString("Masuk dengan Identitas Nasional Uji")));
    }

    @Test
    void aProviderThatCannotBeReachedSendsThePersonBackToTheLoginPageWithAMessage() throws Exception {
        mvc.perform(get("/oauth2/authorization/mati").locale(ID))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?oidcUnavailable"));
        mvc.perform(get("/login").param("oidcUnavailable", "").locale(ID))
                .andExpect(content().string(containsString("Penyedia identitas sedang tidak dapat dihubungi")));
        // a provider that answers still starts its sign-in
        mvc.perform(get("/oauth2/authorization/testsso").locale(ID))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString(provider.issuer())));
    }

    @Test
    void aFirstSignInCompletesARegistrationAndThenSignsInAsThatAccount() throws Exception {
        String email = "oidc." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        User user = provider.newUser("Sari Oidc", email, true);

        MockHttpServletResponse back = signIn("testsso", user);
        assertThat(back.getRedirectedUrl()).isEqualTo("/login/oidc");
        Cookie session = back.getCookie("GERAI_SESSION");
        // nobody is signed in yet
        mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login/oidc").cookie(session).locale(ID))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Sari Oidc\"")))
                .andExpect(content().string(containsString("value=\"" + email + "\"")))
                .andExpect(content().string(containsString("Buat akun warga")));

        // a NIK the usual rules refuse: the form comes back with the message, nothing is created
        long before = count("select count(*) from account");
        mvc.perform(post("/login/oidc/register").cookie(session).with(csrf()).locale(ID)
                        .param("fullName", "Sari Oidc").param("nik", "9971014501900001").param("email", email)
                        .param("consent", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dua angka pertama NIK bukan kode provinsi")))
                .andExpect(content().string(containsString("value=\"Sari Oidc\"")));
        assertThat(count("select count(*) from account")).isEqualTo(before);

        MockHttpServletResponse done = mvc.perform(post("/login/oidc/register").cookie(session).with(csrf()).locale(ID)
                        .param("fullName", "Sari Oidc").param("nik", Fixtures.validNik()).param("email", email)
                        .param("consent", "true"))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse();
        Cookie signedIn = done.getCookie("GERAI_SESSION") == null ? session : done.getCookie("GERAI_SESSION");
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        assertThat(jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional()).isEmpty();
        assertThat(linkCount(id)).isEqualTo(1);
        assertThat(sessionPrincipal(signedIn)).isEqualTo(id.toString());
        mvc.perform(get("/account").cookie(signedIn).locale(ID))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sari Oidc")))
                .andExpect(content().string(containsString("Lepas tautan")));
        // no Gerai password: a password login is refused like any wrong password
        mvc.perform(post("/login").with(csrf()).param("login", email).param("password", "apa-saja-12345"))
                .andExpect(redirectedUrl("/login?error"));
        // closing the account asks for a password it does not have: told how to set one, and no guess is counted
        Integer failures = jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).optional().orElse(0);
        mvc.perform(post("/account/close").cookie(signedIn).with(csrf()).locale(ID)
                        .param("currentPassword", "apa-saja-12345").param("confirm", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("belum punya kata sandi karena dibuat melalui penyedia identitas")));
        assertThat(jdbc.sql("select closed_at from account where id = ?").param(id).query(java.time.OffsetDateTime.class)
                .optional()).isEmpty();
        assertThat(jdbc.sql("select failures from login_throttle where login_key = ?").param(email)
                .query(Integer.class).optional().orElse(0)).isEqualTo(failures);
        assertThat(actions(id)).containsExactly("identity.oidc.linked");
        assertThat(afterData(id, "identity.account.registered")).contains("\"via\": \"oidc\"");
        assertThat(afterData(id, "identity.oidc.linked")).contains("\"confirmedBy\": \"registration\"")
                .doesNotContain(user.subject());

        // the next time the provider signs them in, they are that account at once: same principal, same session index
        MockHttpServletResponse again = signIn("testsso", user);
        assertThat(again.getRedirectedUrl()).isEqualTo("/account");
        assertThat(sessionPrincipal(again.getCookie("GERAI_SESSION"))).isEqualTo(id.toString());
        mvc.perform(get("/account").cookie(again.getCookie("GERAI_SESSION"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select last_used_at is not null from account_oidc_link where account_id = ?").param(id)
                .query(Boolean.class).single()).isTrue();

        // the personal-data copy lists the link
        mvc.perform(get("/account/data").cookie(again.getCookie("GERAI_SESSION")).locale(ID))
                .andExpect(status().isOk()).andExpect(content().string(containsString(user.subject())));

        // the provider is this account's only way in: unlinking it is refused, on the page and in the API
        Cookie tokenSession = again.getCookie("GERAI_SESSION");
        mvc.perform(delete("/api/me/oidc-links").param("issuer", provider.issuer())
                        .header("Authorization", "Bearer " + token(tokenSession)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.issuer").exists());
        mvc.perform(post("/account/oidc/unlink").cookie(again.getCookie("GERAI_SESSION")).with(csrf())
                        .param("issuer", provider.issuer()))
                .andExpect(redirectedUrl("/account#oidc-links"));
        assertThat(linkCount(id)).isEqualTo(1);
        assertThat(actions(id)).doesNotContain("identity.oidc.unlinked");
        // an issuer the account is not linked to: a message on the account page, not an error page
        mvc.perform(post("/account/oidc/unlink").cookie(again.getCookie("GERAI_SESSION")).with(csrf())
                        .param("issuer", "https://tidak-tertaut.example.go.id"))
                .andExpect(redirectedUrl("/account#oidc-links"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("oidcUnlinkError", "oidc.unlink.not-linked"));
    }

    @Test
    void aVerifiedEmailOfACitizenLinksOnlyWithThatAccountsPassword() throws Exception {
        String email = fixtures.citizen();
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        User user = provider.newUser("Warga Uji", email, true);

        // the provider not trusted for e-mail does not lead to the account
        Cookie untrusted = signIn("nasional", user).getCookie("GERAI_SESSION");
        mvc.perform(get("/login/oidc").cookie(untrusted).locale(ID))
                .andExpect(content().string(not(containsString("Akun Anda sudah ada"))))
                .andExpect(content().string(containsString("Sudah punya akun Gerai?")));

        MockHttpServletResponse back = signIn("testsso", user);
        assertThat(back.getRedirectedUrl()).isEqualTo("/login/oidc");
        Cookie session = back.getCookie("GERAI_SESSION");
        mvc.perform(get("/login/oidc").cookie(session).locale(ID))
                .andExpect(content().string(containsString("Akun Anda sudah ada")))
                .andExpect(content().string(not(containsString("Buat akun warga"))));

        mvc.perform(post("/login/oidc/link").cookie(session).with(csrf()).locale(ID).param("currentPassword", "salah-sekali-123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Akun atau kata sandi salah.")));
        assertThat(linkCount(id)).isZero();
        mvc.perform(get("/account").cookie(session)).andExpect(status().is3xxRedirection());

        MockHttpServletResponse done = mvc.perform(post("/login/oidc/link").cookie(session).with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse();
        assertThat(linkCount(id)).isEqualTo(1);
        assertThat(sessionPrincipal(done.getCookie("GERAI_SESSION"))).isEqualTo(id.toString());
        assertThat(actions(id)).containsExactly("identity.oidc.linked");
        assertThat(afterData(id, "identity.oidc.linked")).contains("\"confirmedBy\": \"password\"");

        // with a password as well, the link may go; audited. Another person cannot remove it.
        String other = fixtures.citizen();
        Cookie otherSession = login(other);
        mvc.perform(post("/account/oidc/unlink").cookie(otherSession).with(csrf()).param("issuer", provider.issuer()))
                .andExpect(redirectedUrl("/account#oidc-links"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("oidcUnlinkError", "oidc.unlink.not-linked"));
        assertThat(linkCount(id)).isEqualTo(1);
        mvc.perform(get("/api/me/oidc-links").with(httpBasic(email, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].issuer").value(provider.issuer()))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(delete("/api/me/oidc-links").param("issuer", provider.issuer()).with(httpBasic(other, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(post("/account/oidc/unlink").cookie(login(email)).with(csrf()).param("issuer", provider.issuer()))
                .andExpect(redirectedUrl("/account#oidc-links"));
        assertThat(linkCount(id)).isZero();
        assertThat(actions(id)).containsExactly("identity.oidc.linked", "identity.oidc.unlinked");
    }

    @Test
    void staffLinkWithTheirPasswordAndAProviderForCitizensOnlyRefusesThem() throws Exception {
        Tenant tenant = fixtures.newTenant();
        fixtures.newAgency(tenant, "DPMPTSP");
        String email = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        User user = provider.newUser("Petugas Oidc", email, true);

        // a staff address is no citizen account: nothing is matched, the person names their account and its password
        Cookie session = signIn("testsso", user).getCookie("GERAI_SESSION");
        mvc.perform(get("/login/oidc").cookie(session).locale(ID))
                .andExpect(content().string(not(containsString("Akun Anda sudah ada"))));
        MockHttpServletResponse done = mvc.perform(post("/login/oidc/link").cookie(session).with(csrf())
                        .param("login", email).param("currentPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse();
        // the same roles as a password login: the tenant's management pages open
        mvc.perform(get("/manage/" + tenant.slug() + "/services").cookie(done.getCookie("GERAI_SESSION")))
                .andExpect(status().isOk());
        assertThat(linkCount(id)).isEqualTo(1);

        MockHttpServletResponse linked = signIn("testsso", user);
        assertThat(linked.getRedirectedUrl()).isEqualTo("/account");
        mvc.perform(get("/manage/" + tenant.slug() + "/services").cookie(linked.getCookie("GERAI_SESSION")))
                .andExpect(status().isOk());

        // the citizens' provider does not sign staff in, even with the same identity
        MockHttpServletResponse refused = signIn("nasional", user);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?oidcRefused");
        mvc.perform(get("/account").cookie(refused.getCookie("GERAI_SESSION"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void forgedIdTokensAndDisabledAccountsAreRefused() throws Exception {
        String email = fixtures.citizen();
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        User user = provider.newUser("Warga Uji", email, true);
        Cookie session = signIn("testsso", user).getCookie("GERAI_SESSION");
        mvc.perform(post("/login/oidc/link").cookie(session).with(csrf()).param("currentPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account"));

        for (Mode forged : List.of(Mode.UNSIGNED, Mode.TAMPERED, Mode.FOREIGN_KEY)) {
            provider.mode(forged);
            MockHttpServletResponse back = signIn("testsso", user);
            assertThat(back.getRedirectedUrl()).as(forged.name()).isEqualTo("/login?oidcFailed");
            mvc.perform(get("/account").cookie(back.getCookie("GERAI_SESSION"))).andExpect(status().is3xxRedirection());
        }
        provider.mode(Mode.SIGNED);
        assertThat(signIn("testsso", user).getRedirectedUrl()).isEqualTo("/account");

        jdbc.sql("update account set enabled = false where id = ?").param(id).update();
        MockHttpServletResponse disabled = signIn("testsso", user);
        assertThat(disabled.getRedirectedUrl()).isEqualTo("/login?oidcRefused");
        mvc.perform(get("/account").cookie(disabled.getCookie("GERAI_SESSION"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void closingTheAccountDeletesItsLinks() throws Exception {
        String email = fixtures.citizen();
        UUID id = staff.findAccountByEmail(email).orElseThrow();
        User user = provider.newUser("Warga Uji", email, true);
        Cookie session = signIn("testsso", user).getCookie("GERAI_SESSION");
        mvc.perform(post("/login/oidc/link").cookie(session).with(csrf()).param("currentPassword", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/me/personal-data").with(httpBasic(email, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.oidcLinks[0].subject").value(user.subject()));

        tx.executeWithoutResult(s -> closure.close(id));
        assertThat(linkCount(id)).isZero();
        // the identity is unknown again: it leads to registration, not into the closed account
        assertThat(signIn("testsso", user).getRedirectedUrl()).isEqualTo("/login/oidc");
    }

    /**
     * The authorization code flow as a browser runs it: Gerai's redirect to the provider (state, nonce and PKCE checked by
     * the provider), the person signing in there, and the provider's redirect back to Gerai, which redeems the code.
     */
    private MockHttpServletResponse signIn(String providerId, User user) throws Exception {
        MockHttpServletResponse start = mvc.perform(get("/oauth2/authorization/" + providerId))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        assertThat(start.getRedirectedUrl()).startsWith(provider.issuer() + "/authorize?");
        Cookie session = start.getCookie("GERAI_SESSION");
        URI back = URI.create(provider.signIn(user, start.getRedirectedUrl()));
        MockHttpServletResponse response = mvc.perform(get(back).cookie(session)).andReturn().getResponse();
        if (response.getCookie("GERAI_SESSION") == null) {
            response.addCookie(session);
        }
        return response;
    }

    /** A personal API token made on the account page: the way an account without a password uses the API. */
    private String token(Cookie session) throws Exception {
        String page = mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "uji").param("expiresInDays", "7")
                .param("access", "FULL")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("gerai_[0-9A-Za-z]{40}").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account")).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private String sessionPrincipal(Cookie session) {
        String sessionId = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        return jdbc.sql("select principal_name from spring_session where session_id = ?").param(sessionId)
                .query(String.class).single();
    }

    private long linkCount(UUID account) {
        return jdbc.sql("select count(*) from account_oidc_link where account_id = ?").param(account).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> actions(UUID account) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select action from audit_record where entity_type = 'account' and entity_id = ? and tenant_id is null
                          and action like 'identity.oidc.%' order by id""")
                .param(account.toString()).query(String.class).list());
    }

    private String afterData(UUID account, String action) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select after_data::text from audit_record where entity_type = 'account' and entity_id = ?
                          and tenant_id is null and action = ? order by id desc limit 1""")
                .param(account.toString()).param(action).query(String.class).single());
    }
}
