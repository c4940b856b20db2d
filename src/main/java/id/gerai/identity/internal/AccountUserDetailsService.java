package id.gerai.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks a person up by e-mail, or by NIK for citizens who prefer it. A citizen record made at a counter and
 * not yet claimed is "unknown" here, so it cannot log in and is answered like a name that does not exist.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        String value = login == null ? "" : login.strip();
        return accounts.findByLogin(value).filter(AccountRepository.AccountRow::claimed).map(accounts::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
