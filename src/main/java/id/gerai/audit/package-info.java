/**
 * The append-only, hash-chained record of every change made by a person or the system.
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li><b>Recording</b> ({@link id.gerai.audit.AuditLog}): one {@code INSERT} in the caller's transaction, so
 *       the record commits or rolls back with the change it describes. Writers take no lock and read no
 *       chain head, so recording never serializes concurrent transactions, not even within one tenant.</li>
 *   <li><b>Sealing in blocks</b>: a background sealer (every second, one node at a time through a
 *       PostgreSQL advisory lock) links the committed rows into chains, one per tenant plus
 *       {@value id.gerai.audit.AuditVerifier#PLATFORM_CHAIN} for installation-wide events. It takes only rows
 *       whose transaction id lies below the oldest transaction still running: no row can appear before them
 *       any more, so a chain's order is ({@code txid}, {@code id}), a property of the rows themselves
 *       (sealing the same rows again gives the same chains), and a change committed before another began
 *       always comes first. Each row is sealed exactly once, so chains have no holes.
 *       Each row gets a seal, a narrow row of its own in {@code audit_seal}: {@code chain_seq}, the previous
 *       row's hash, and {@code hash = sha256(prev_hash | chain | chain_seq | canonical row)}, where the canonical
 *       text is computed by PostgreSQL from the stored columns, so sealing and verification cannot disagree on
 *       formatting. The audit rows themselves are never updated; the sealer's place is the last row it sealed
 *       ({@code audit_seal_mark}).</li>
 *   <li><b>Append-only</b>: the application's database role may not update or delete records or seals
 *       (only insert them), and a trigger refuses updates and deletes of both even for the tables' owner.</li>
 *   <li><b>Verification</b> ({@link id.gerai.audit.AuditVerifier}): recomputes every chain and reports the
 *       first altered, unlinked or missing row.</li>
 * </ul>
 *
 * <h2>Hazards</h2>
 * <ul>
 *   <li>A record is unsealed for about a second after its transaction commits, and for as long as any
 *       older writing transaction (of any module, on the whole server) stays open. A change made to an unsealed row directly in the
 *       database is sealed as if genuine; the trigger and the missing privileges are the only guard then.</li>
 *   <li>The chain proves that nothing was changed <em>after sealing</em> by someone who could not also
 *       rewrite every later hash and the chain head. Someone with superuser rights can do that; against
 *       them the chain heads must be copied somewhere they cannot reach (not done yet).</li>
 * </ul>
 */
package id.gerai.audit;
