package id.gerai.audit;

import id.gerai.platform.TenantId;

/**
 * Checks that the audit log is still what was recorded: every chain is walked in order, every hash is
 * recomputed from the stored row and the previous hash, and the end is compared with the chain head.
 * A row altered directly in the database (hash mismatch), a deleted row (a seal without its row, or a gap in
 * {@code chain_seq}), or rows cut off the end (head mismatch) are reported with the first place the chain breaks.
 *
 * <p>Pending rows are sealed first, waiting for a sealer that is already running. Rows of transactions
 * still in progress stay unsealed and are only counted ({@link VerificationResult#pendingRows()}).
 * Works across tenants by itself; the caller must be allowed to (the platform admin).
 *
 * <p>Cost: reads every sealed row of the chains it checks, in one read-only snapshot.
 */
public interface AuditVerifier {

    /** The chain of installation-wide events (tenant {@code null}); tenant chains are named by the tenant id. */
    String PLATFORM_CHAIN = "platform";

    /**
     * @param tenantOrNullForAll the tenant whose chain to check; {@code null} checks every chain,
     *                           including {@value #PLATFORM_CHAIN}
     */
    VerificationResult verify(TenantId tenantOrNullForAll);

    /** Checks only the chain of installation-wide events ({@value #PLATFORM_CHAIN}). */
    VerificationResult verifyPlatform();
}
