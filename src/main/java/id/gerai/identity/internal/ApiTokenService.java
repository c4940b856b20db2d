package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.ApiTokens;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, listing and revoking personal API tokens (see {@link ApiTokens}); checking them is
 * {@link ApiTokenAuthenticator}'s job. The audit records name the token and its prefix, never the secret.
 */
@Service
class ApiTokenService implements ApiTokens {

    static final int NAME_MAX = 100;

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final ApiTokenAuthenticator authenticator;
    private final AuditLog audit;
    private final ApiTokenProperties properties;

    ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, ApiTokenAuthenticator authenticator, AuditLog audit,
                    ApiTokenProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.audit = audit;
        this.properties = properties;
    }

    Duration defaultValidity() {
        return properties.defaultValidity();
    }

    Duration maxValidity() {
        return properties.maxValidity();
    }

    /**
     * {@link #issue(UUID, String, Duration, Access)} with the access as the form or the request gave it: {@code READ} or
     * {@code FULL} in any case, {@code FULL} when left out or blank. Any other value is refused on field {@code access}
     * together with every other field's problem, not on its own.
     */
    @Transactional
    public IssuedToken issue(UUID accountId, String name, Duration validity, String access) {
        if (access == null || access.isBlank()) {
            return issue(accountId, name, validity, null, false);
        }
        Access asked;
        try {
            asked = Access.valueOf(access.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return issue(accountId, name, validity, null, true);
        }
        return issue(accountId, name, validity, asked, false);
    }

    /** The name as stored: trimmed, runs of white space made one space. */
    static String cleanName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    @Override
    @Transactional
    public IssuedToken issue(UUID accountId, String name, Duration validity, Access access) {
        return issue(accountId, name, validity, access, false);
    }

    private IssuedToken issue(UUID accountId, String name, Duration validity, Access access, boolean accessInvalid) {
        Access granted = access == null ? Access.FULL : access;
        String cleanName = cleanName(name);
        Duration valid = validity == null ? properties.defaultValidity() : validity;
        var errors = new InvalidInput.Collector();
        if (cleanName.isEmpty()) {
            errors.add("name", "validation.required");
        } else if (cleanName.length() > NAME_MAX) {
            errors.add("name", "validation.too-long");
        }
        if (valid.isNegative() || valid.isZero() || valid.compareTo(properties.maxValidity()) > 0) {
            errors.add("expiresInDays", "api-token.validity");
        }
        if (accessInvalid) {
            errors.add("access", "api-token.access-invalid");
        }
        if (accountId == null || accounts.findById(accountId).filter(a -> a.claimed() && a.enabled()).isEmpty()) {
            errors.add("account", "api-token.account-unusable");
        } else if (tokens.countActive(accountId) >= properties.maxActivePerAccount()) {
            errors.add("account", "api-token.too-many");
        }
        errors.throwIfAny();

        UUID id = UUID.randomUUID();
        String token = ApiTokenSecret.generate();
        String prefix = ApiTokenSecret.prefix(token);
        Instant expiresAt = Instant.now().plus(valid).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        tokens.insert(id, accountId, cleanName, ApiTokenSecret.hash(token), prefix, expiresAt, granted);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account", accountId.toString());
        after.put("name", cleanName);
        after.put("prefix", prefix);
        after.put("expiresAt", expiresAt.toString());
        after.put("access", granted.name());
        audit.record(AuditEvent.of(null, "identity.api-token.created", "api_token", id, null, after));
        return new IssuedToken(id, token, prefix, expiresAt, granted);
    }

    @Override
    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        ApiTokenRepository.TokenRow token = tokens.find(accountId, tokenId)
                .orElseThrow(() -> GeraiException.notFound("api-token-not-found"));
        if (!tokens.revoke(accountId, tokenId)) {
            return; // revoked already (perhaps a moment ago, by a second click)
        }
        authenticator.forgetAfterCommit(tokenId);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("account", accountId.toString());
        before.put("name", token.name());
        before.put("prefix", token.prefix());
        before.put("expiresAt", token.expiresAt().toString());
        before.put("access", token.access().name());
        audit.record(AuditEvent.of(null, "identity.api-token.revoked", "api_token", tokenId, before, Map.of("revoked", true)));
    }

    /** The account's tokens that are not revoked (expired ones too), newest first; no secrets. */
    List<ApiTokenRepository.TokenRow> list(UUID accountId) {
        return tokens.unrevoked(accountId);
    }
}
