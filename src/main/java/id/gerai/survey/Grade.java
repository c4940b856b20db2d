package id.gerai.survey;

import java.math.BigDecimal;

/**
 * The service quality grade (mutu pelayanan) of a converted IKM (25-100), PermenPAN-RB 14/2017, with the
 * thresholds of DOMAIN.md: A "Sangat Baik" from 88.31, B "Baik" from 76.61, C "Kurang Baik" from 65.00, D "Tidak
 * Baik" below. The printed intervals of the regulation have small gaps (88.30-88.31, 76.60-76.61); a value is
 * graded as rounded to two decimals, as it is shown, so nothing falls into a gap.
 */
public enum Grade {
    A("88.31"), B("76.61"), C("65.00"), D("25.00");

    private final BigDecimal from;

    Grade(String from) {
        this.from = new BigDecimal(from);
    }

    /** The lowest converted value of this grade. */
    public BigDecimal from() {
        return from;
    }

    /** The message key of its label, e.g. {@code survey.grade.A} ("Sangat Baik"). */
    public String key() {
        return "survey.grade." + name();
    }

    /** The grade of {@code converted}, taken as rounded to two decimals (half up). */
    public static Grade of(BigDecimal converted) {
        BigDecimal shown = converted.setScale(2, java.math.RoundingMode.HALF_UP);
        for (Grade g : new Grade[]{A, B, C}) {
            if (shown.compareTo(g.from) >= 0) {
                return g;
            }
        }
        return D;
    }
}
