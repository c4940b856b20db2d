package id.gerai.identity.internal;

import id.gerai.identity.AccountClosure;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import java.util.List;
import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * {@link AccountClosure}. Sign-in stops at once everywhere: the login data is gone, so no password or reset link
 * leads in; API tokens are revoked and dropped from this node's cache (other nodes drop theirs within the token cache's
 * time to live, as for any revocation, and refuse them sooner because the account is disabled once their cached copy
 * expires); and the account's sessions are deleted from the session store.
 *
 * <p>Sessions are found by the principal name Spring Session indexes them under. {@link SessionPrincipalIndex} makes
 * that the account id, which an e-mail change does not alter; sessions saved before it indexed by id carry the login
 * e-mail, so those are looked up by the current address as well. The session store deletes in transactions of its own:
 * if the closing then fails, the person is signed out and nothing else has changed.
 */
@Service
class AccountClosing implements AccountClosure {

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final ApiTokenAuthenticator authenticator;
    private final ProfileCorrection profiles;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountClosing(AccountRepository accounts, ApiTokenRepository tokens, ApiTokenAuthenticator authenticator,
                   ProfileCorrection profiles, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    @Override
    public void check(UUID accountId, String currentPassword, boolean confirm) {
        AccountRepository.AccountRow account = closable(accountId);
        var errors = new InvalidInput.Collector();
        profiles.checkPassword(account, currentPassword, errors, "account.close");
        if (!confirm) {
            errors.add("confirm", "account.close.confirm-required");
        }
        errors.throwIfAny();
    }

    @Override
    public int close(UUID accountId) {
        AccountRepository.AccountRow account = closable(accountId);
        if (!accounts.close(accountId)) {
            throw GeraiException.forbidden("forbidden");
        }
        List<UUID> revoked = tokens.revokeAll(accountId);
        revoked.forEach(authenticator::forgetAfterCommit);
        for (String principal : List.of(accountId.toString(), account.email())) {
            sessions.findByPrincipalName(principal).keySet().forEach(sessions::deleteById);
        }
        return revoked.size();
    }

    private AccountRepository.AccountRow closable(UUID accountId) {
        AccountRepository.AccountRow account = accounts.findById(accountId)
                .orElseThrow(() -> GeraiException.forbidden("forbidden"));
        if (!account.citizen()) {
            throw GeraiException.forbidden("account-close-staff");
        }
        if (!account.claimed() || !account.enabled() || account.email() == null) {
            throw GeraiException.forbidden("forbidden");
        }
        return account;
    }
}
