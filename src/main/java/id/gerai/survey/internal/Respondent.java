package id.gerai.survey.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The respondent profile the SKM questionnaire asks (PermenPAN-RB 14/2017): sex, age, education and occupation, as
 * categories. Age is asked and kept as a band, never as a birth date or number of years. Labels are in the bundle:
 * {@code survey.sex.L}, {@code survey.age.A_20_29}, {@code survey.education.S1}, {@code survey.occupation.PNS}.
 */
final class Respondent {

    private Respondent() {
    }

    enum Sex { L, P }

    enum AgeBand { A_UNDER_20, A_20_29, A_30_39, A_40_49, A_50_59, A_60_PLUS }

    /** SD, SMP, SMA, D1-D4, S1, S2, S3. */
    enum Education { SD, SMP, SMA, DIPLOMA, S1, S2, S3 }

    enum Occupation { PNS, TNI, POLRI, SWASTA, WIRAUSAHA, LAINNYA }

    /** The dimensions in the order reports show them, with their categories. */
    static final Map<String, List<String>> DIMENSIONS = Stream.of(
                    Map.entry("sex", names(Sex.values())),
                    Map.entry("age", names(AgeBand.values())),
                    Map.entry("education", names(Education.values())),
                    Map.entry("occupation", names(Occupation.values())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Function<String, String> key(String dimension) {
        return category -> "survey." + dimension + "." + category;
    }
}
