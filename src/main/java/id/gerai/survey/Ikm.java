package id.gerai.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Indeks Kepuasan Masyarakat of a set of questionnaires (PermenPAN-RB 14/2017, DOMAIN.md): per element the
 * average score (sum / number of questionnaires), the IKM = sum over the nine elements of average x 1/9 on the 1-4
 * scale, converted x 25 to 25-100, and its grade.
 *
 * <p>The weight is the exact 1/9; the regulation prints it as 0.111, which gives a slightly lower value
 * ({@link #converted0111()}), shown beside it where a report must match the printed method. Everything is computed
 * in exact decimal arithmetic from the integer sums and rounded only for showing: averages to 3 decimals, the IKM
 * to 4, converted values to 2 (half up). The grade follows the converted value as shown.
 *
 * @param respondents number of completed questionnaires
 * @param sums        per element U1..U9 the sum of its scores
 * @param averages    per element the average score, 3 decimals ({@code null} without respondents)
 * @param ikm         on 1-4, 4 decimals ({@code null} without respondents)
 * @param converted   ikm x 25 on 25-100 with the exact 1/9 weight, 2 decimals
 * @param converted0111 the same with the printed weight 0.111
 * @param grade       of {@code converted}
 */
public record Ikm(long respondents, List<Long> sums, List<BigDecimal> averages, BigDecimal ikm, BigDecimal converted,
                  BigDecimal converted0111, Grade grade) {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal NINE = BigDecimal.valueOf(9);
    private static final BigDecimal TWENTY_FIVE = BigDecimal.valueOf(25);
    private static final BigDecimal PRINTED_WEIGHT = new BigDecimal("0.111");

    /** The IKM of {@code respondents} questionnaires whose scores per element U1..U9 sum to {@code sums}. */
    public static Ikm of(long respondents, long[] sums) {
        if (sums.length != 9) {
            throw new IllegalArgumentException("nine sums expected");
        }
        List<Long> sumList = new ArrayList<>(9);
        for (long s : sums) {
            sumList.add(s);
        }
        if (respondents <= 0) {
            return new Ikm(0, List.copyOf(sumList), null, null, null, null, null);
        }
        BigDecimal n = BigDecimal.valueOf(respondents);
        List<BigDecimal> exact = new ArrayList<>(9);
        for (long s : sums) {
            exact.add(BigDecimal.valueOf(s).divide(n, EXACT));
        }
        return compute(respondents, List.copyOf(sumList), exact);
    }

    /**
     * The IKM from nine element averages as a report prints them (the regulation's worked examples start there).
     * {@link #respondents()} is {@code respondents}; the sums are not known and left empty.
     */
    public static Ikm fromAverages(long respondents, List<BigDecimal> averages) {
        if (averages.size() != 9) {
            throw new IllegalArgumentException("nine averages expected");
        }
        return compute(respondents, List.of(), averages);
    }

    private static Ikm compute(long respondents, List<Long> sums, List<BigDecimal> exactAverages) {
        BigDecimal total = BigDecimal.ZERO;
        List<BigDecimal> shown = new ArrayList<>(9);
        for (BigDecimal a : exactAverages) {
            total = total.add(a, EXACT);
            shown.add(a.setScale(3, RoundingMode.HALF_UP));
        }
        BigDecimal ikmExact = total.divide(NINE, EXACT);
        BigDecimal converted = ikmExact.multiply(TWENTY_FIVE, EXACT).setScale(2, RoundingMode.HALF_UP);
        BigDecimal converted0111 = total.multiply(PRINTED_WEIGHT, EXACT).multiply(TWENTY_FIVE, EXACT).setScale(2, RoundingMode.HALF_UP);
        return new Ikm(respondents, sums, List.copyOf(shown), ikmExact.setScale(4, RoundingMode.HALF_UP), converted,
                converted0111, Grade.of(converted));
    }

    /** No questionnaire yet: nothing to compute. */
    public boolean empty() {
        return ikm == null;
    }

    /** The average of {@code element}, 3 decimals. */
    public BigDecimal average(Element element) {
        return averages == null ? null : averages.get(element.ordinal());
    }

    /** The average converted to 25-100 (x 25), 2 decimals, as reports show each element. */
    public BigDecimal convertedAverage(Element element) {
        if (sums.isEmpty() || respondents == 0) {
            BigDecimal a = average(element);
            return a == null ? null : a.multiply(TWENTY_FIVE).setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(sums.get(element.ordinal())).multiply(TWENTY_FIVE)
                .divide(BigDecimal.valueOf(respondents), 2, RoundingMode.HALF_UP);
    }

    /** The elements with the lowest average, lowest first (ties keep the element order), at most {@code count}. */
    public List<Element> lowest(int count) {
        if (averages == null) {
            return List.of();
        }
        List<Element> order = new ArrayList<>(List.of(Element.values()));
        order.sort((a, b) -> exactAverage(a).compareTo(exactAverage(b)));
        return List.copyOf(order.subList(0, Math.min(count, order.size())));
    }

    private BigDecimal exactAverage(Element e) {
        return sums.isEmpty() ? averages.get(e.ordinal())
                : BigDecimal.valueOf(sums.get(e.ordinal())).divide(BigDecimal.valueOf(respondents), EXACT);
    }
}
