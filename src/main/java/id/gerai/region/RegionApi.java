package id.gerai.region;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the imported region list for other modules.
 *
 * <p>The list is imported before the application takes requests or runs other start-up work (an
 * {@code ApplicationRunner} with the highest precedence), so callers may use it from their own runners.
 *
 * <p>Codes are accepted dotted ({@code 36.71}) or as bare digits ({@code 3671}, e.g. the first digits
 * of a NIK); surrounding blanks are ignored. Only current regions are returned: a code the latest dataset
 * no longer contains (regions split and merge) is kept in the database as retired but is not served.
 */
public interface RegionApi {

    /** The current region with this code, or empty when the code is unknown, retired or malformed. */
    Optional<Region> find(String code);

    /** Whether {@code code} (two digits, e.g. {@code 36}) is a known province. */
    boolean provinceExists(String code);

    /**
     * The regions one level below {@code code}, ordered by code; the provinces when {@code code} is
     * {@code null} or blank; empty when the code is unknown or a village.
     */
    List<Region> children(String code);

    /** The 38 provinces, ordered by code. */
    default List<Region> provinces() {
        return children(null);
    }

    /**
     * The regions above {@code code}, province first, for a breadcrumb: {@code 36.71.01} gives
     * {@code [36, 36.71]}. Empty for a province or an unknown code.
     */
    List<Region> ancestors(String code);

    /**
     * Finds regions for what a person typed.
     *
     * <p>Digits and dots search by code prefix ({@code 35.10} or {@code 3510}: the kabupaten and everything
     * in it, higher levels first). Anything else searches names, ignoring case and punctuation, tolerating
     * typos ({@code Tanggerang}) and unfinished words ({@code Tange}); the words {@code kab(upaten)},
     * {@code kota}, {@code kec(amatan)}, {@code desa}, {@code kel(urahan)} and {@code prov(insi)} next to a
     * name prefer regions of that kind. Ranking: exact name, then prefix, then similarity; higher levels
     * first among equals.
     *
     * @param query what was typed, at most 100 characters; blank gives an empty list
     * @param level only this level, or {@code null} for all
     * @param limit at most this many results, 1 to 100
     * @throws IllegalArgumentException when {@code limit} is out of range or {@code query} too long
     */
    List<Region> search(String query, RegionLevel level, int limit);
}
