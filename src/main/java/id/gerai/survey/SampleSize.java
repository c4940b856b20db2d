package id.gerai.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The minimum number of respondents for a period (Krejcie &amp; Morgan, 1970, the table PermenPAN-RB 14/2017 refers
 * to): s = X&sup2; N P (1 - P) / (d&sup2; (N - 1) + X&sup2; P (1 - P)), X&sup2; = 3.841 (one degree of freedom, 95%),
 * P = 0.5, d = 0.05, N the population (applications served in the period), rounded to the nearest whole number.
 *
 * <p>This reproduces the published table (100 &rarr; 80, 500 &rarr; 217, 1,000 &rarr; 278, 10,000 &rarr; 370) except at
 * its large end: the table prints 384 for 100,000 and more (the formula's limit, 384.1), where the formula itself
 * gives 383 at 100,000. DOMAIN.md follows the table, so from 100,000 the minimum is 384.
 */
public final class SampleSize {

    private static final BigDecimal CHI_SQUARE = new BigDecimal("3.841");
    private static final BigDecimal P_Q = new BigDecimal("0.25");
    private static final BigDecimal D_SQUARED = new BigDecimal("0.0025");
    /** From this population on the table's last value applies. */
    public static final long TABLE_LIMIT = 100_000;
    public static final int TABLE_MAXIMUM = 384;

    private SampleSize() {
    }

    /** The minimum sample for a population of {@code population} served applications. */
    public static int minimum(long population) {
        if (population <= 0) {
            return 0;
        }
        if (population >= TABLE_LIMIT) {
            return TABLE_MAXIMUM;
        }
        BigDecimal n = BigDecimal.valueOf(population);
        BigDecimal numerator = CHI_SQUARE.multiply(n).multiply(P_Q);
        BigDecimal denominator = D_SQUARED.multiply(n.subtract(BigDecimal.ONE)).add(CHI_SQUARE.multiply(P_Q));
        return numerator.divide(denominator, MathContext.DECIMAL128).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
