package id.gerai.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditVerifier#verify} found.
 *
 * @param ok           whether every chain checked is intact
 * @param verifiedAt   when the check ran
 * @param pendingRows  records not sealed yet (their transaction, or an older one, was still running)
 * @param chains       one result per chain, in chain order
 * @param firstProblem the first problem of the first broken chain; {@code null} when {@code ok}
 */
public record VerificationResult(boolean ok, Instant verifiedAt, long pendingRows, List<Chain> chains,
                                 Problem firstProblem) {

    public VerificationResult {
        chains = List.copyOf(chains);
    }

    public static VerificationResult of(Instant verifiedAt, long pendingRows, List<Chain> chains) {
        Problem first = chains.stream().map(Chain::problem).filter(Objects::nonNull).findFirst().orElse(null);
        return new VerificationResult(first == null, verifiedAt, pendingRows, chains, first);
    }

    /** Rows found intact, over all chains checked. */
    public long rowsChecked() {
        return chains.stream().mapToLong(Chain::rowsChecked).sum();
    }

    /** The chain named {@code name}, if it was checked. */
    public java.util.Optional<Chain> chain(String name) {
        return chains.stream().filter(c -> c.chain().equals(name)).findFirst();
    }

    /**
     * One chain's result.
     *
     * @param chain       the tenant id, or {@value AuditVerifier#PLATFORM_CHAIN}
     * @param ok          whether the chain is intact
     * @param rowsChecked rows found intact, from the start up to the first problem
     * @param headSeq     the last {@code chain_seq} according to the chain head; 0 when there is no head
     * @param problem     where and why the chain breaks first; {@code null} when {@code ok}
     */
    public record Chain(String chain, boolean ok, long rowsChecked, long headSeq, Problem problem) {

        public static Chain intact(String chain, long rowsChecked, long headSeq) {
            return new Chain(chain, true, rowsChecked, headSeq, null);
        }

        public static Chain broken(String chain, long rowsChecked, long headSeq, Problem problem) {
            return new Chain(chain, false, rowsChecked, headSeq, problem);
        }
    }

    /**
     * Where a chain breaks first.
     *
     * @param chain    the chain
     * @param kind     why
     * @param chainSeq the position in the chain where it breaks
     * @param recordId the record found there; {@code null} when the row is missing
     */
    public record Problem(String chain, Kind kind, long chainSeq, Long recordId) {
    }

    /** Why a chain is broken. */
    public enum Kind {
        /** The row's stored hash does not match its content: the row (or its seal) was changed. */
        ALTERED,
        /** The row does not point to the previous row's hash: the previous row was replaced or the seal edited. */
        LINK_BROKEN,
        /**
         * The position {@code chainSeq} is empty, or its seal names a row that is gone ({@code recordId} then says
         * which): the row there was deleted.
         */
        MISSING,
        /** The chain ends before (or differently from) its head: rows at the end were deleted, or the head edited. */
        HEAD_MISMATCH
    }
}
