package id.gerai.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The outcome of validating form data: no problems means valid. At most one problem per path, first found first. */
public record FormValidation(List<FormProblem> problems) {

    public FormValidation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Path to its problem. */
    public Map<String, FormProblem> byPath() {
        Map<String, FormProblem> m = new LinkedHashMap<>();
        problems.forEach(p -> m.putIfAbsent(p.path(), p));
        return m;
    }

    /** Path to its message in {@code locale}, for a page or a problem's {@code errors} member. */
    public Map<String, String> messages(MessageSource messages, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(p -> m.putIfAbsent(p.path(), messages.getMessage(p, locale)));
        return m;
    }
}
