package id.gerai.survey.internal;

import id.gerai.survey.SkmResult.Figure;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The report's data as CSV (RFC 4180, comma-separated, UTF-8, decimal point): one row per element, then the tenant
 * and every service, agency and service point, then the profile. Plain numbers, so a spreadsheet reads them.
 */
final class SkmCsv {

    private SkmCsv() {
    }

    static String write(ReportView v, ReportView.Builder text, Locale locale) {
        StringBuilder out = new StringBuilder();
        line(out, "section", "name", "respondents", "average_1_4", "score_25_100", "ikm_1_4", "ikm_25_100", "ikm_25_100_weight_0111",
                "grade", "population", "minimum_sample", "provisional");
        Figure t = v.total();
        for (ReportView.ElementRow e : v.elements()) {
            line(out, "element", e.element().name() + " " + text.text(e.nameKey(), locale), String.valueOf(t.ikm().respondents()),
                    num(e.average()), num(e.converted()), "", "", "", "", "", "", "");
        }
        line(out, "tenant", v.periodLabel(), String.valueOf(t.ikm().respondents()), "", "", num(t.ikm().ikm()), num(t.ikm().converted()),
                num(t.ikm().converted0111()), t.ikm().grade() == null ? "" : t.ikm().grade().name(), String.valueOf(t.population()),
                String.valueOf(t.minimumSample()), String.valueOf(t.provisional()));
        scope(out, "service", v.services(), text, locale);
        scope(out, "agency", v.agencies(), text, locale);
        scope(out, "service_point", v.points(), text, locale);
        for (ReportView.ProfileBlock b : v.profile()) {
            for (ReportView.ProfileRow r : b.rows()) {
                line(out, "profile_" + b.dimension(), text.text(r.key(), locale), String.valueOf(r.count()), "", "", "", "", "", "", "", "", "");
            }
        }
        return out.toString();
    }

    private static void scope(StringBuilder out, String section, java.util.List<ReportView.ScopeRow> rows, ReportView.Builder text, Locale locale) {
        for (ReportView.ScopeRow r : rows) {
            line(out, section, r.name() == null ? text.text(r.unnamedKey(), locale) : r.name(), String.valueOf(r.respondents()), "", "",
                    num(r.ikm()), num(r.converted()), "", r.grade() == null ? "" : r.grade().name(), String.valueOf(r.population()),
                    String.valueOf(r.minimumSample()), String.valueOf(r.provisional()));
        }
    }

    private static String num(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            // a leading =, +, - or @ would be a formula in a spreadsheet
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.append(c);
        }
        out.append("\r\n");
    }
}
