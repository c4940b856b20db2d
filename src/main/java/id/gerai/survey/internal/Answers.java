package id.gerai.survey.internal;

import id.gerai.platform.InvalidInput;
import id.gerai.survey.Element;
import id.gerai.survey.internal.Respondent.AgeBand;
import id.gerai.survey.internal.Respondent.Education;
import id.gerai.survey.internal.Respondent.Occupation;
import id.gerai.survey.internal.Respondent.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One filled-in questionnaire, checked: nine scores 1-4, the profile, an optional suggestion.
 */
record Answers(List<Integer> scores, Sex sex, AgeBand age, Education education, Occupation occupation, String suggestion) {

    static final int SUGGESTION_MAX = 2000;

    /**
     * Reads a submitted form ({@code u1}..{@code u9}, {@code sex}, {@code age}, {@code education}, {@code occupation},
     * {@code suggestion}); every missing or wrong field is named in the {@link InvalidInput}.
     */
    static Answers parse(Map<String, String> form) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<Integer> scores = new ArrayList<>(9);
        for (Element e : Element.values()) {
            String field = e.name().toLowerCase();
            Integer score = score(form.get(field));
            if (score == null) {
                errors.add(field, "survey.error.answer-required");
            }
            scores.add(score);
        }
        Sex sex = Respondent.parse(Sex.class, form.get("sex"));
        AgeBand age = Respondent.parse(AgeBand.class, form.get("age"));
        Education education = Respondent.parse(Education.class, form.get("education"));
        Occupation occupation = Respondent.parse(Occupation.class, form.get("occupation"));
        if (sex == null) {
            errors.add("sex", "survey.error.choice-required");
        }
        if (age == null) {
            errors.add("age", "survey.error.choice-required");
        }
        if (education == null) {
            errors.add("education", "survey.error.choice-required");
        }
        if (occupation == null) {
            errors.add("occupation", "survey.error.choice-required");
        }
        String suggestion = form.get("suggestion");
        suggestion = suggestion == null || suggestion.isBlank() ? null : suggestion.strip();
        if (suggestion != null && suggestion.length() > SUGGESTION_MAX) {
            errors.add("suggestion", "survey.error.suggestion-too-long");
        }
        errors.throwIfAny();
        return new Answers(List.copyOf(scores), sex, age, education, occupation, suggestion);
    }

    private static Integer score(String value) {
        if (value == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(value.strip());
            return v >= 1 && v <= 4 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
