package id.gerai.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. The database layer copies it into the PostgreSQL session
 * ({@code gerai.tenant_id}) whenever a connection is taken from the pool, where row-level security
 * policies read it: a statement that forgets its {@code tenant_id} filter still sees only this tenant.
 *
 * <p>Hazard: the scope must be entered <em>before</em> a transaction starts, because the value is
 * applied when the connection is checked out. Code that needs rows of several tenants (the platform
 * admin, the monitor, background jobs) says so explicitly with {@link #callAcrossTenants(Supplier)}.
 */
public final class TenantContext {

    /** What the current thread may see. */
    public record Scope(TenantId tenant, boolean acrossTenants) {
    }

    private static final Scope NONE = new Scope(null, false);
    private static final ThreadLocal<Scope> CURRENT = ThreadLocal.withInitial(() -> NONE);

    /** The scope the current transaction's connection was taken with, when the database layer can tell. */
    private static volatile Supplier<Optional<Scope>> transactionScope = Optional::empty;

    private TenantContext() {
    }

    public static Scope scope() {
        return CURRENT.get();
    }

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get().tenant());
    }

    public static TenantId require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant in context"));
    }

    public static <T> T call(TenantId tenant, Supplier<T> work) {
        return within(new Scope(tenant, false), work);
    }

    public static void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAcrossTenants(Supplier<T> work) {
        return within(new Scope(null, true), work);
    }

    public static void runAcrossTenants(Runnable work) {
        callAcrossTenants(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Throws when the current transaction's connection was taken in a scope that cannot see {@code wanted}'s rows, so
     * that a read which would silently find nothing (row-level security keeps the scope the connection was taken with,
     * whatever scope is entered later) fails loudly instead. Call it where a lookup enters another scope and may be
     * called from inside a transaction; outside one, or when the database layer cannot tell, it does nothing.
     *
     * @param what the lookup, for the message
     */
    public static void requireVisibleInTransaction(Scope wanted, String what) {
        Optional<Scope> taken = transactionScope.get();
        if (taken.isEmpty() || covers(taken.get(), wanted)) {
            return;
        }
        throw new IllegalStateException(what + " inside a transaction begun " + describe(taken.get()) + " would not see the rows of "
                + describe(wanted) + ": read them before the transaction begins, or begin it in a scope that covers them");
    }

    /** Installed by the database layer: how to find the scope of the current transaction's connection. */
    public static void transactionScopeFrom(Supplier<Optional<Scope>> probe) {
        transactionScope = probe;
    }

    private static boolean covers(Scope taken, Scope wanted) {
        return taken.acrossTenants() || (!wanted.acrossTenants() && wanted.tenant() != null && wanted.tenant().equals(taken.tenant()));
    }

    private static String describe(Scope s) {
        return s.acrossTenants() ? "across tenants" : s.tenant() == null ? "outside any tenant" : "for tenant " + s.tenant();
    }

    /** Enters a scope for the rest of a request; the caller must {@link #clear()} it. */
    public static void enter(TenantId tenant) {
        CURRENT.set(new Scope(tenant, false));
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static <T> T within(Scope scope, Supplier<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }
}
