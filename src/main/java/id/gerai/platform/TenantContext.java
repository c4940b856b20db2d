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
