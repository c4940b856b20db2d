package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;

/** Password login (page and API alike) behind the {@link LoginThrottle}. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit, TransactionTemplate tx) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName();
        if (throttle.lockedUntil(login).isPresent()) {
            throw new LockedException("locked");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(login);
            return result;
        } catch (BadCredentialsException e) {
            boolean locked = Boolean.TRUE.equals(tx.execute(s -> {
                boolean nowLocked = throttle.failed(login);
                if (nowLocked) {
                    audit.record(AuditEvent.of(null, "identity.login.locked", "login", login.strip().toLowerCase(java.util.Locale.ROOT),
                            null, Map.of("minutes", LoginThrottle.LOCK.toMinutes())).byActor("system"));
                }
                return nowLocked;
            }));
            if (locked) {
                throw new LockedException("locked");
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
