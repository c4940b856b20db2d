package id.gerai.survey.internal;

import id.gerai.survey.Element;
import id.gerai.survey.Grade;
import id.gerai.survey.Ikm;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult;
import id.gerai.survey.SkmResult.Figure;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A result as pages, the PDF and the CSV show it: element rows with the lowest marked and bar lengths for the chart,
 * breakdown rows with names in the page's language, the profile as rows, the period and dates as text.
 */
record ReportView(String periodLabel, SkmResult result, Figure total, List<ElementRow> elements, List<Element> lowest,
                  List<ScopeRow> services, List<ScopeRow> agencies, List<ScopeRow> points, List<ProfileBlock> profile,
                  String publishedAt) {

    /** One element: its averages, whether it is among the lowest, its bar's length in percent of 100. */
    record ElementRow(Element element, String nameKey, BigDecimal average, BigDecimal converted, boolean lowest, BigDecimal barPercent,
                      int y) {

        /** The bar's length in the chart (100 is 480 units). */
        public String barWidth() {
            return barPercent.multiply(BigDecimal.valueOf(48, 1)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }

        /** Where the value is written, after the bar. */
        public String valueX() {
            return barPercent.multiply(BigDecimal.valueOf(48, 1)).add(BigDecimal.valueOf(46)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** One line of a breakdown; {@code name} null means {@code unnamedKey}. */
    record ScopeRow(String name, String unnamedKey, long respondents, BigDecimal ikm, BigDecimal converted, Grade grade,
                    boolean provisional, long population, int minimumSample) {
    }

    record ProfileBlock(String dimension, List<ProfileRow> rows) {
    }

    record ProfileRow(String key, long count) {
    }

    /** Builds views; knows the bundle for the period's name. */
    @Component
    static class Builder {

        private final MessageSource messages;
        private final SurveyProperties properties;

        Builder(MessageSource messages, SurveyProperties properties) {
            this.messages = messages;
            this.properties = properties;
        }

        String period(Period p, Locale locale) {
            return messages.getMessage(p.key(), new Object[]{String.valueOf(p.year()), String.valueOf(p.part())}, locale);
        }

        String text(String key, Locale locale, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        ReportView of(SkmResult r, Locale locale, ZoneId zone) {
            boolean english = "en".equals(locale.getLanguage());
            Ikm ikm = r.total().ikm();
            List<Element> lowest = ikm.lowest(properties.lowestElements());
            List<ElementRow> elements = new ArrayList<>();
            int y = 0;
            for (Element e : Element.values()) {
                BigDecimal converted = ikm.convertedAverage(e);
                elements.add(new ElementRow(e, e.key() + ".name", ikm.average(e), converted, lowest.contains(e),
                        converted == null ? BigDecimal.ZERO : converted, y));
                y += 28;
            }
            String published = r.publication() == null ? null
                    : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(r.publication().publishedAt().atZone(zone));
            List<ProfileBlock> profile = new ArrayList<>();
            for (Map.Entry<String, Map<String, Long>> d : r.profile().entrySet()) {
                List<ProfileRow> rows = new ArrayList<>();
                d.getValue().forEach((category, count) -> rows.add(new ProfileRow("survey." + d.getKey() + "." + category, count)));
                profile.add(new ProfileBlock(d.getKey(), rows));
            }
            return new ReportView(period(r.period(), locale), r, r.total(), elements, lowest,
                    rows(r.services(), english, "survey.report.unnamed.service"),
                    rows(r.agencies(), english, "survey.report.unnamed.agency"),
                    rows(r.servicePoints(), english, "survey.report.unnamed.point"), profile, published);
        }

        private static List<ScopeRow> rows(List<Figure> figures, boolean english, String unnamed) {
            return figures.stream().map(f -> new ScopeRow(
                    english && f.nameEn() != null && !f.nameEn().isBlank() ? f.nameEn() : f.name(), unnamed,
                    f.ikm().respondents(), f.ikm().ikm(), f.ikm().converted(), f.ikm().grade(), f.provisional(),
                    f.population(), f.minimumSample())).toList();
        }
    }
}
