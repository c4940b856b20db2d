package id.gerai.region.internal;

import id.gerai.platform.InvalidInput;
import id.gerai.region.RegionLevel;
import java.util.Locale;

/**
 * A region search as the API and the page receive it, checked once for both.
 *
 * @param q     what was typed, stripped; empty when nothing was
 * @param level only this level, or {@code null}
 * @param limit how many results at most
 */
record SearchRequest(String q, RegionLevel level, int limit) {

    static final int DEFAULT_LIMIT = 20;

    /**
     * Parses raw request parameters; blanks mean "not given".
     *
     * @throws InvalidInput naming each bad parameter with a message key
     */
    static SearchRequest parse(String q, String level, String limit) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String text = q == null ? "" : q.strip();
        if (text.length() > RegionService.MAX_QUERY_LENGTH) {
            errors.add("q", "region.search.error.q");
        }
        RegionLevel parsedLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                parsedLevel = RegionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("level", "region.search.error.level");
            }
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > RegionService.MAX_LIMIT) {
                errors.add("limit", "region.search.error.limit");
            }
        }
        errors.throwIfAny();
        return new SearchRequest(text, parsedLevel, parsedLimit);
    }
}
