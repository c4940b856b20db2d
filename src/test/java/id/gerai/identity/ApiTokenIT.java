package id.gerai.identity;

import id.gerai.identity.ApiTokens.IssuedToken;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
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

/** Personal API tokens: issued once, stored as a hash, accepted as their owner, refused once revoked or expired. */
@GeraiIntegrationTest
class ApiTokenIT {

    private static final Pattern TOKEN = Pattern.compile("gerai_[0-9A-Za-z]{40}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens apiTokens;
    @Autowired
    StaffAccounts staff;

    @Test
    void aTokenAuthenticatesApiCallsAsItsOwnerWithTheOwnersRoles() throws Exception {
        Tenant tenant = fixtures.newTenant();
        String manager = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        IssuedToken token = apiTokens.issue(accountOf(manager), "laporan harian", null);

        bearer(get("/api/me"), token.token())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(manager))
                .andExpect(jsonPath("$.kind").value("STAFF"))
                .andExpect(jsonPath("$.roles", hasItem("PENGELOLA_MPP")));
        // tenant-scoped checks see the membership, as after a password login
        bearer(post("/api/tenants/" + tenant.slug() + "/agencies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"DUKCAPIL\",\"name\":\"Dinas Dukcapil\",\"kind\":\"REGIONAL\"}"), token.token())
                .andExpect(status().isCreated());
        Tenant other = fixtures.newTenant();
        bearer(post("/api/tenants/" + other.slug() + "/agencies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"SUSUP\",\"name\":\"Susupan\",\"kind\":\"REGIONAL\"}"), token.token())
                .andExpect(status().isForbidden());

        assertThat(token.token()).matches(TOKEN);
        assertThat(token.prefix()).isEqualTo(token.token().substring(6, 14));
        assertThat(token.toString()).doesNotContain(token.token());
        assertThat(Duration.between(Instant.now(), token.expiresAt())).isBetween(Duration.ofDays(89), Duration.ofDays(90));
        // HTTP Basic keeps working next to tokens
        mvc.perform(get("/api/me").with(httpBasic(manager, Fixtures.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void createdThroughTheApiShownOnceAndStoredOnlyAsItsHash() throws Exception {
        String citizen = fixtures.citizen();
        String body = mvc.perform(post("/api/account/tokens").with(httpBasic(citizen, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  integrasi   SIAK \",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.name").value("integrasi SIAK"))
                .andReturn().getResponse().getContentAsString();
        JsonNode created = JSON.readTree(body);
        String token = created.get("token").asString();
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(token).matches(TOKEN);
        assertThat(created.get("prefix").asString()).isEqualTo(token.substring(6, 14));
        assertThat(Duration.between(Instant.now(), Instant.parse(created.get("expiresAt").asString())))
                .isBetween(Duration.ofDays(29), Duration.ofDays(30));

        Map<String, Object> row = jdbc.sql("select token_hash, prefix, name, account_id from api_token where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(sha256(token));
        assertThat(row.get("account_id")).isEqualTo(accountOf(citizen));
        String wholeRow = jdbc.sql("select t::text from api_token t where id = :id").param("id", id).query(String.class).single();
        assertThat(wholeRow).doesNotContain(token).doesNotContain(token.substring(6));

        // the token itself may manage tokens
        bearer(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"kedua\"}"), token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresAt").exists());
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothingNotEvenItsOwnTokens() throws Exception {
        Tenant tenant = fixtures.newTenant();
        String manager = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        String body = mvc.perform(post("/api/account/tokens").with(httpBasic(manager, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"dasbor kinerja\",\"access\":\"read\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.access").value("READ"))
                .andReturn().getResponse().getContentAsString();
        String token = JSON.readTree(body).get("token").asString();
        UUID id = UUID.fromString(JSON.readTree(body).get("id").asString());

        bearer(get("/api/me"), token).andExpect(status().isOk()).andExpect(jsonPath("$.email").value(manager));
        bearer(get("/api/tenants/" + tenant.slug() + "/agencies"), token).andExpect(status().isOk());
        long agencies = TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from agency where tenant_id = :t")
                .param("t", tenant.id().value()).query(Long.class).single());
        String agency = "{\"code\":\"DUKCAPIL\",\"name\":\"Dinas Dukcapil\",\"kind\":\"REGIONAL\"}";
        bearer(post("/api/tenants/" + tenant.slug() + "/agencies").contentType(MediaType.APPLICATION_JSON).content(agency), token)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("api-token-read-only"));
        assertThat(TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from agency where tenant_id = :t")
                .param("t", tenant.id().value()).query(Long.class).single())).isEqualTo(agencies);
        // it cannot make itself a stronger token, nor revoke one
        bearer(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"lebih kuat\",\"access\":\"FULL\"}"), token)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("api-token-read-only"));
        bearer(delete("/api/account/tokens/" + id), token)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("api-token-read-only"));
        // the same person with a full token, or with the password, may
        IssuedToken full = apiTokens.issue(accountOf(manager), "skrip", null, ApiTokens.Access.FULL);
        bearer(post("/api/tenants/" + tenant.slug() + "/agencies").contentType(MediaType.APPLICATION_JSON).content(agency), full.token())
                .andExpect(status().isCreated());

        mvc.perform(get("/api/account/tokens").with(httpBasic(manager, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].access").value(hasItem("READ")))
                .andExpect(jsonPath("$[?(@.id == '" + full.id() + "')].access").value(hasItem("FULL")));
        assertThat(jdbc.sql("select access from api_token where id = :id").param("id", id).query(String.class).single()).isEqualTo("READ");
        assertThat((String) audit("identity.api-token.created", id).getFirst().get("data")).contains("\"access\": \"READ\"");
        // the Java default stays what it was before tokens had an access: FULL
        assertThat(apiTokens.issue(accountOf(manager), "bawaan", null).access()).isEqualTo(ApiTokens.Access.FULL);
        // an access that does not exist is refused by name, and nothing is made
        long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        mvc.perform(post("/api/account/tokens").with(httpBasic(manager, Fixtures.PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"aneh\",\"access\":\"ADMIN\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.access").value("Choose the token's access: read only or full."));
        // ... together with every other field's problem, not on its own
        mvc.perform(post("/api/account/tokens").with(httpBasic(manager, Fixtures.PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \",\"expiresInDays\":0,\"access\":\"ADMIN\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.access").exists())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.expiresInDays").exists());
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void listingNeverReturnsSecrets() throws Exception {
        String citizen = fixtures.citizen();
        UUID account = accountOf(citizen);
        IssuedToken first = apiTokens.issue(account, "pertama", Duration.ofDays(7));
        IssuedToken second = apiTokens.issue(account, "kedua", null);
        apiTokens.issue(accountOf(fixtures.citizen()), "milik orang lain", null);

        String list = bearer(get("/api/account/tokens"), first.token())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(second.id().toString()))
                .andExpect(jsonPath("$[0].name").value("kedua"))
                .andExpect(jsonPath("$[0].prefix").value(second.prefix()))
                .andExpect(jsonPath("$[0].expired").value(false))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[1].name").value("pertama"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(first.token()).doesNotContain(second.token()).doesNotContain("milik orang lain")
                .doesNotContain(sha256(first.token()));
    }

    @Test
    void wrongMalformedAndUnknownTokensAreRefusedWithAProblem() throws Exception {
        IssuedToken real = apiTokens.issue(accountOf(fixtures.citizen()), "asli", null);
        String lastCharChanged = real.token().substring(0, 45) + (real.token().endsWith("a") ? "b" : "a");
        for (String wrong : List.of(lastCharChanged, "gerai_" + "A".repeat(40), "bukan-token", "", real.token() + "x")) {
            refused(bearer(get("/api/me"), wrong));
        }
        // a dead token is refused even where no login is needed, so a caller notices it
        refused(bearer(get("/api/tenants"), lastCharChanged));
        // without any credentials the old answer stands
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));
        bearer(get("/api/me"), real.token()).andExpect(status().isOk());
    }

    @Test
    void revokingTakesEffectAtOnceAndIsAudited() throws Exception {
        String citizen = fixtures.citizen();
        IssuedToken token = apiTokens.issue(accountOf(citizen), "sementara", null);
        bearer(get("/api/me"), token.token()).andExpect(status().isOk()); // now held in memory

        bearer(delete("/api/account/tokens/" + token.id()), token.token()).andExpect(status().isNoContent());

        refused(bearer(get("/api/me"), token.token()));
        bearer(get("/api/account/tokens"), apiTokens.issue(accountOf(citizen), "lain", null).token())
                .andExpect(jsonPath("$[?(@.id == '" + token.id() + "')]").isEmpty());
        assertThat(jdbc.sql("select revoked_at is not null from api_token where id = :id").param("id", token.id())
                .query(Boolean.class).single()).isTrue();
        // revoking again changes nothing
        mvc.perform(delete("/api/account/tokens/" + token.id()).with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(audit("identity.api-token.revoked", token.id())).hasSize(1);
    }

    @Test
    void nobodyRevokesAnotherPersonsToken() throws Exception {
        IssuedToken victim = apiTokens.issue(accountOf(fixtures.citizen()), "korban", null);
        String attacker = fixtures.citizen();
        mvc.perform(delete("/api/account/tokens/" + victim.id()).with(httpBasic(attacker, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("api-token-not-found"));
        assertThatThrownBy(() -> apiTokens.revoke(accountOf(attacker), victim.id())).isInstanceOf(GeraiException.class);
        bearer(get("/api/me"), victim.token()).andExpect(status().isOk());
    }

    @Test
    void aRevocationThroughTheJavaApiEndsAVerifiedTokenAtOnceThoughTheDatabaseAloneDoesNotWithinTheCacheTime() throws Exception {
        UUID account = accountOf(fixtures.citizen());
        IssuedToken token = apiTokens.issue(account, "beban", null);
        bearer(get("/api/me"), token.token()).andExpect(status().isOk());
        // what another node's revocation looks like here: only the row changes; this node trusts its copy for a while
        jdbc.sql("update api_token set revoked_at = now() where id = :id").param("id", token.id()).update();
        bearer(get("/api/me"), token.token()).andExpect(status().isOk());
        // a revocation made on this node drops the copy at once
        jdbc.sql("update api_token set revoked_at = null where id = :id").param("id", token.id()).update();
        apiTokens.revoke(account, token.id());
        refused(bearer(get("/api/me"), token.token()));
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenItWasVerifiedBefore() throws Exception {
        UUID account = accountOf(fixtures.citizen());
        IssuedToken stale = apiTokens.issue(account, "lama", null);
        jdbc.sql("update api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = :id")
                .param("id", stale.id()).update();
        refused(bearer(get("/api/me"), stale.token()));

        IssuedToken brief = apiTokens.issue(account, "singkat", Duration.ofSeconds(2));
        bearer(get("/api/me"), brief.token()).andExpect(status().isOk()); // held in memory from here on
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), brief.expiresAt()).toMillis()) + 100);
        refused(bearer(get("/api/me"), brief.token()));
        bearer(get("/api/account/tokens"), apiTokens.issue(account, "baru", null).token())
                .andExpect(jsonPath("$[?(@.name == 'lama')].expired").value(true));
    }

    @Test
    void aTokenOfADisabledAccountFails() throws Exception {
        String citizen = fixtures.citizen();
        UUID account = accountOf(citizen);
        IssuedToken token = apiTokens.issue(account, "akun dinonaktifkan", null);
        jdbc.sql("update account set enabled = false where id = :id").param("id", account).update();
        refused(bearer(get("/api/me"), token.token()));
        assertThatThrownBy(() -> apiTokens.issue(account, "baru", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsKey("account"));
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() throws Exception {
        IssuedToken token = apiTokens.issue(accountOf(fixtures.citizen()), "dipakai", null);
        assertThat(lastUsed(token.id())).isNull();
        bearer(get("/api/me"), token.token()).andExpect(status().isOk());
        Instant first = lastUsed(token.id());
        assertThat(first).isNotNull();
        for (int i = 0; i < 5; i++) {
            bearer(get("/api/me"), token.token()).andExpect(status().isOk());
        }
        assertThat(lastUsed(token.id())).isEqualTo(first);
    }

    @Test
    void creatingAndRevokingAreAuditedWithoutTheSecret() throws Exception {
        String citizen = fixtures.citizen();
        UUID account = accountOf(citizen);
        String body = mvc.perform(post("/api/account/tokens").with(httpBasic(citizen, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"diaudit\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JSON.readTree(body).get("token").asString();
        UUID id = UUID.fromString(JSON.readTree(body).get("id").asString());
        mvc.perform(delete("/api/account/tokens/" + id).with(httpBasic(citizen, Fixtures.PASSWORD))).andExpect(status().isNoContent());

        List<Map<String, Object>> created = audit("identity.api-token.created", id);
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().get("actor")).isEqualTo(account.toString());
        assertThat((String) created.getFirst().get("data")).contains("diaudit").contains(token.substring(6, 14));
        List<Map<String, Object>> revoked = audit("identity.api-token.revoked", id);
        assertThat(revoked).hasSize(1);
        assertThat(revoked.getFirst().get("actor")).isEqualTo(account.toString());
        String everything = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select coalesce(string_agg(r::text, ' '), '') from audit_record r where entity_id = :id").param("id", id.toString())
                .query(String.class).single());
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(6)).doesNotContain(sha256(token));
    }

    @Test
    void badRequestsAreRefusedFieldByField() throws Exception {
        String citizen = fixtures.citizen();
        long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        mvc.perform(post("/api/account/tokens").with(httpBasic(citizen, Fixtures.PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"expiresInDays\":366}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.name").value("This field is required."))
                .andExpect(jsonPath("$.errors.expiresInDays").value("The validity must be 1 to 365 days."));
        mvc.perform(post("/api/account/tokens").with(httpBasic(citizen, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "x".repeat(101) + "\",\"expiresInDays\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.expiresInDays").exists());
        mvc.perform(post("/api/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"tanpa login\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theAccountPageCreatesShowsTheSecretOnceAndRevokes() throws Exception {
        String citizen = fixtures.citizen();
        Cookie session = login(citizen);
        mvc.perform(get("/account").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Token API")))
                .andExpect(content().string(containsString("Anda belum punya token API.")))
                .andExpect(content().string(containsString("<option value=\"90\" selected=\"selected\">90 hari</option>")))
                // the form suggests the least a token needs
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input type=\"radio\" name=\"access\" id=\"token-access-READ\" value=\"READ\" checked=\"checked\">.*")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input type=\"radio\" name=\"access\" id=\"token-access-FULL\" value=\"FULL\">.*")));
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "dasbor").param("expiresInDays", "30")
                        .param("access", "READ"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Token &quot;dasbor&quot; sudah dibuat.")));
        // a tampered form: every problem is named beside its field, the access among them
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", " ").param("expiresInDays", "30")
                        .param("access", "ADMIN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pilih akses token: hanya membaca atau penuh.")))
                .andExpect(content().string(containsString("Wajib diisi.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("sudah dibuat"))));
        mvc.perform(get("/account").cookie(session))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*dasbor</th>\\s*<td class=\"code\">[^<]*</td>\\s*<td>Hanya membaca</td>.*")));

        String page = mvc.perform(post("/account/tokens").cookie(session).with(csrf())
                        .param("name", "skrip laporan").param("expiresInDays", "30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("hanya ditampilkan sekali")))
                .andExpect(content().string(containsString("Token &quot;skrip laporan&quot; sudah dibuat.")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the new token on the page").isTrue();
        String token = m.group();
        assertThat(page).contains("<label for=\"new-token\"");
        bearer(get("/api/me"), token).andExpect(status().isOk()).andExpect(jsonPath("$.email").value(citizen));
        UUID id = jdbc.sql("select id from api_token where token_hash = :h").param("h", sha256(token)).query(UUID.class).single();
        assertThat(jdbc.sql("select extract(day from expires_at - created_at) from api_token where id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(30);

        mvc.perform(get("/account").cookie(session))
                .andExpect(content().string(containsString("skrip laporan")))
                .andExpect(content().string(containsString("gerai_" + token.substring(6, 14))))
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(not(containsString("new-token"))));

        mvc.perform(post("/account/tokens/" + id + "/revoke").cookie(session))
                .andExpect(status().isForbidden()); // no CSRF token
        bearer(get("/api/me"), token).andExpect(status().isOk());
        mvc.perform(post("/account/tokens/" + id + "/revoke").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/account#api-tokens"));
        refused(bearer(get("/api/me"), token));
        mvc.perform(get("/account").cookie(session))
                .andExpect(content().string(not(containsString("skrip laporan"))));
        assertThat(audit("identity.api-token.created", id)).hasSize(1);
        assertThat(audit("identity.api-token.revoked", id)).hasSize(1);
    }

    @Test
    void theAccountPageExplainsWhatIsWrongAndCreatesNothing() throws Exception {
        String citizen = fixtures.citizen();
        Cookie session = login(citizen);
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("lang", "en")
                        .param("name", "").param("expiresInDays", "tiga"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This field is required.")))
                .andExpect(content().string(containsString("The validity must be 1 to 365 days.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(not(containsString("gerai_"))));
        assertThat(jdbc.sql("select count(*) from api_token where account_id = :a").param("a", accountOf(citizen))
                .query(Long.class).single()).isZero();
        mvc.perform(post("/account/tokens").with(csrf()).param("name", "tanpa sesi"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theOpenApiDocumentDescribesTokens() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/account/tokens'].post").exists())
                .andExpect(jsonPath("$.paths['/api/account/tokens'].get").exists())
                .andExpect(jsonPath("$.paths['/api/account/tokens/{id}'].delete").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.description").value(containsString("api-token-read-only")))
                .andExpect(jsonPath("$.components.schemas.NewToken.properties.access.enum", hasItem("READ")))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
    }

    private ResultActions bearer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private static void refused(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.code").value("unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }

    private UUID accountOf(String email) {
        return staff.findAccountByEmail(email).orElseThrow();
    }

    private Instant lastUsed(UUID id) {
        return jdbc.sql("select last_used_at from api_token where id = :id").param("id", id)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    private List<Map<String, Object>> audit(String action, UUID id) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor, coalesce(before_data::text, '') || coalesce(after_data::text, '') as data
                        from audit_record where action = :action and entity_type = 'api_token' and entity_id = :id and tenant_id is null
                        """)
                .param("action", action).param("id", id.toString()).query().listOfRows());
    }

    private Cookie login(String email) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie cookie = result.getResponse().getCookie("GERAI_SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
