package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which Gerai account an OpenID Connect identity signs in as, and how an identity comes to be linked (ADR 0010).
 *
 * <ul>
 *   <li>A linked identity signs in as its account, as the password login would: same {@link GeraiUser}, same roles.
 *       A disabled, closed or unclaimed account, or one the provider's audience does not admit (a staff account through
 *       a citizens' provider), is refused.</li>
 *   <li>An unknown identity links to an existing account only after that account's Gerai password is typed once: the
 *       provider proves who holds the identity, not who holds the Gerai account. When the provider is trusted for e-mail
 *       and says the address is verified, the citizen account with that address is offered; otherwise the person names
 *       the account (e-mail or NIK) themselves.</li>
 *   <li>Otherwise a citizen completes a registration (the NIK is checked by the usual rules) and the new account is
 *       created linked. Staff accounts are never created here: administrators create them.</li>
 * </ul>
 */
@Service
class OidcAccounts {

    /** How long a person has to finish linking or registering after the provider let them in. */
    static final Duration PENDING_FOR = Duration.ofMinutes(15);

    /**
     * An identity the provider vouched for that has no Gerai account yet; kept in the session until it is linked or
     * registered. {@code matchedCitizen} is the citizen account its verified e-mail leads to, if the provider is trusted.
     */
    record PendingIdentity(String providerId, String issuer, String subject, String fullName, String email,
                           UUID matchedCitizen, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        boolean expired() {
            return at.plus(PENDING_FOR).isBefore(Instant.now());
        }
    }

    /** What the provider said, as {@link OidcSignInHandler} read it from the verified ID token. */
    record Identity(String providerId, String issuer, String subject, String fullName, String email, boolean emailVerified) {
    }

    sealed interface Outcome {
        record SignedIn(GeraiUser user) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        record Unknown(PendingIdentity pending) implements Outcome {
        }
    }

    /** A link as the account page shows it. */
    record LinkView(String issuer, String providerName, Instant linkedAt, Instant lastUsedAt) {
    }

    private final OidcProviders providers;
    private final OidcLinkRepository links;
    private final AccountRepository accounts;
    private final Registration registration;
    private final ProfileCorrection passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    OidcAccounts(OidcProviders providers, OidcLinkRepository links, AccountRepository accounts, Registration registration,
                 ProfileCorrection passwords, LoginThrottle throttle, AuditLog audit, TransactionTemplate tx) {
        this.tx = tx;
        this.providers = providers;
        this.links = links;
        this.accounts = accounts;
        this.registration = registration;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    /*
     * The GeraiUser is built outside any transaction: its memberships are read across tenants, which a connection already
     * bound to a transaction (and so to its tenant scope) would not see.
     */

    Outcome signIn(Identity id) {
        OidcProperties.Provider provider = providers.require(id.providerId());
        Optional<OidcLinkRepository.Link> link = links.find(id.issuer(), id.subject());
        if (link.isPresent()) {
            AccountRepository.AccountRow account = accounts.findById(link.get().accountId()).orElseThrow();
            if (!account.claimed() || !account.enabled()) {
                return new Outcome.Refused("disabled");
            }
            if (!provider.audience().admits(account.citizen())) {
                return new Outcome.Refused("audience");
            }
            links.touch(id.issuer(), id.subject());
            return new Outcome.SignedIn(accounts.toUser(account));
        }
        UUID matched = null;
        if (provider.trustEmail() && id.emailVerified() && id.email() != null && provider.audience().admits(true)) {
            matched = accounts.findByLogin(Registration.email(id.email()))
                    .filter(a -> a.citizen() && a.enabled())
                    .map(AccountRepository.AccountRow::id).orElse(null);
        }
        return new Outcome.Unknown(new PendingIdentity(id.providerId(), id.issuer(), id.subject(),
                id.fullName() == null ? "" : Registration.cleanName(id.fullName()),
                id.email() == null ? "" : Registration.email(id.email()), matched, Instant.now()));
    }

    /**
     * Links the pending identity to the account named by {@code login} (or, when empty, the account its verified e-mail
     * matched) once that account's password is confirmed. A wrong password, or a login that names no account the
     * provider may serve, is one and the same answer, and counts as a failed login of that name.
     *
     * @throws InvalidInput naming {@code login} or {@code currentPassword}
     */
    GeraiUser linkWithPassword(PendingIdentity pending, String login, String password) {
        OidcProperties.Provider provider = providers.require(pending.providerId());
        String name = login == null ? "" : login.strip();
        Optional<AccountRepository.AccountRow> account;
        if (name.isEmpty() && pending.matchedCitizen() != null) {
            account = accounts.findById(pending.matchedCitizen());
        } else if (name.isEmpty()) {
            throw InvalidInput.of("login", "validation.required");
        } else {
            account = accounts.findByLogin(name.matches("\\d{16}") ? name : Registration.email(name));
        }
        Optional<AccountRepository.AccountRow> usable = account
                .filter(a -> a.claimed() && a.enabled() && provider.audience().admits(a.citizen()));
        var errors = new InvalidInput.Collector();
        if (usable.isEmpty()) {
            // the same answer as a wrong password, so the form tells nobody which accounts exist
            String key = name.isEmpty() ? "-" : name;
            if (throttle.lockedUntil(key).isPresent()) {
                throw InvalidInput.of("currentPassword", "oidc.link.password-locked");
            }
            boolean locked = throttle.countFailure(key);
            throw InvalidInput.of("currentPassword", locked ? "oidc.link.password-locked" : "oidc.link.password-wrong");
        }
        passwords.checkPassword(usable.get(), password, errors, "oidc.link");
        errors.throwIfAny();
        AccountRepository.AccountRow target = usable.get();
        tx.executeWithoutResult(s -> link(pending, target.id(), "password"));
        return accounts.toUser(accounts.findById(target.id()).orElseThrow());
    }

    /** Creates the citizen's account from the pending identity and what they typed, already linked. */
    GeraiUser register(PendingIdentity pending, Registration.RegisterCitizen typed) {
        OidcProperties.Provider provider = providers.require(pending.providerId());
        if (!provider.audience().admits(true)) {
            throw GeraiException.forbidden("forbidden");
        }
        UUID id = tx.execute(s -> {
            UUID created = registration.registerWithoutPassword(typed);
            link(pending, created, "registration");
            return created;
        });
        return accounts.toUser(accounts.findById(id).orElseThrow());
    }

    List<LinkView> linksOf(UUID accountId) {
        return links.of(accountId).stream()
                .map(l -> new LinkView(l.issuer(), providers.nameOfIssuer(l.issuer()).orElse(l.issuer()), l.linkedAt(), l.lastUsedAt()))
                .toList();
    }

    /**
     * Removes the account's link to {@code issuer}; refused (422, {@code issuer}) when it is the account's only way in:
     * no password and no other link.
     */
    @Transactional
    void unlink(UUID accountId, String issuer) {
        AccountRepository.AccountRow account = accounts.findById(accountId).orElseThrow(() -> GeraiException.forbidden("forbidden"));
        List<OidcLinkRepository.Link> all = links.of(accountId);
        if (all.stream().noneMatch(l -> l.issuer().equals(issuer))) {
            throw GeraiException.notFound("not-found");
        }
        if (account.passwordHash() == null && all.size() == 1) {
            throw InvalidInput.of("issuer", "oidc.unlink.last-way-in");
        }
        OidcLinkRepository.Link removed = links.delete(accountId, issuer).orElseThrow();
        audit.record(AuditEvent.of(null, "identity.oidc.unlinked", "account", accountId,
                        Map.of("issuer", removed.issuer(), "subject", maskSubject(removed.subject())), null)
                .byActor(accountId.toString()));
    }

    /** The provider's subject is a stable identifier of a person: the audit keeps enough to tell two apart, not all of it. */
    static String maskSubject(String subject) {
        return subject.length() <= 4 ? "****" : subject.substring(0, 4) + "****";
    }

    private void link(PendingIdentity pending, UUID accountId, String how) {
        if (!links.insert(pending.issuer(), pending.subject(), accountId)) {
            // linked meanwhile (another tab), or the account has an identity at this issuer already
            throw InvalidInput.of("currentPassword", "oidc.link.already");
        }
        audit.record(AuditEvent.of(null, "identity.oidc.linked", "account", accountId, null,
                        Map.of("provider", pending.providerId(), "issuer", pending.issuer(),
                                "subject", maskSubject(pending.subject()), "confirmedBy", how))
                .byActor(accountId.toString()));
    }
}
