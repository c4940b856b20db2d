package id.gerai.identity.internal;

import id.gerai.identity.GeraiUser;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Indexes each stored session under its person's account id rather than the login name Spring Session uses by default
 * (the e-mail address). A person may change their address ({@link ProfileCorrection}) while signed in on several
 * devices, and only the device they changed it on gets the new one; the account id never changes, so
 * {@link AccountClosing} finds every session of an account by it.
 */
@Configuration(proxyBeanMethods = false)
class SessionPrincipalIndex {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsIndexedByAccountId() {
        return repository -> repository.setIndexResolver(new ByAccountId());
    }

    /** The account id of the session's signed-in person; nothing for an anonymous session. */
    static final class ByAccountId implements IndexResolver<Session> {

        @Override
        public Map<String, String> resolveIndexesFor(Session session) {
            String explicit = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
            if (explicit != null) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, explicit);
            }
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            Authentication auth = context instanceof SecurityContext c ? c.getAuthentication() : null;
            if (auth == null) {
                return Map.of();
            }
            String name = auth.getPrincipal() instanceof GeraiUser user ? user.accountId().toString() : auth.getName();
            return name == null ? Map.of() : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name);
        }
    }
}
