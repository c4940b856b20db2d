package id.gerai.audit;

/**
 * Implemented by a security principal that has a stable id to record as the actor of its changes (an
 * account id rather than an e-mail address, which may change and is personal data). Principals that do
 * not implement it are recorded by {@code Authentication.getName()}.
 */
public interface AuditActor {

    /** The id recorded as {@code actor} for changes this principal makes. */
    String auditActorId();
}
