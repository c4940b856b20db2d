package id.gerai.region.internal;

import id.gerai.region.RegionKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A name search as typed, split into the name and a kind hint: {@code "Kota Tangerang"} is the name
 * {@code tangerang} with a preference for {@link RegionKind#KOTA}. The full text is kept as well, because
 * villages are really called "Kota Baru" or "Desa Baru" and must still be found by their whole name.
 *
 * @param full the whole query, normalised like {@code region.search_name}
 * @param name the query without hint words; equals {@code full} when there is no hint
 * @param hint the kind the hint words ask for, or {@code null}
 */
record NameQuery(String full, String name, RegionKind hint) {

    private static final Pattern APOSTROPHES = Pattern.compile("['’`ʼ]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /** Words that say what kind of region is meant; "kab." and "kec." lose their dot in normalising. */
    private static final Map<String, RegionKind> HINTS = Map.ofEntries(
            Map.entry("prov", RegionKind.PROVINSI), Map.entry("provinsi", RegionKind.PROVINSI),
            Map.entry("kab", RegionKind.KABUPATEN), Map.entry("kabupaten", RegionKind.KABUPATEN),
            Map.entry("kota", RegionKind.KOTA),
            Map.entry("kec", RegionKind.KECAMATAN), Map.entry("kecamatan", RegionKind.KECAMATAN),
            Map.entry("kel", RegionKind.KELURAHAN), Map.entry("kelurahan", RegionKind.KELURAHAN),
            Map.entry("desa", RegionKind.DESA));

    static NameQuery parse(String typed) {
        String full = normalize(typed);
        List<String> words = full.isEmpty() ? List.of() : Arrays.asList(full.split(" "));
        RegionKind hint = null;
        List<String> rest = new ArrayList<>(words.size());
        for (String word : words) {
            RegionKind kind = HINTS.get(word);
            // Only the first hint word counts, and a hint alone ("kota") is a name, not a filter.
            if (kind != null && hint == null && words.size() > 1) {
                hint = kind;
            } else {
                rest.add(word);
            }
        }
        return new NameQuery(full, String.join(" ", rest), hint);
    }

    /**
     * Lower case, accents and apostrophes dropped, any other punctuation as one space. Must match the
     * {@code search_name} expression in {@code V3__region.sql}.
     */
    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String s = typed.toLowerCase(Locale.ROOT);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }

    boolean isEmpty() {
        return name.isEmpty();
    }
}
