package id.gerai.catalog.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the catalogue search knows about Indonesian service names: spelling variants ("akte" is "akta"),
 * words that name no service ("cara bikin ktp"), and phrases that mean the same ("ktp", "kartu tanda
 * penduduk", "ktp el"). Read once from {@code catalog/search/vocabulary.txt}.
 *
 * <p>{@link #normalize(String)} is the one normalisation of both the indexed text and the query: a
 * change to it or to the spelling list needs {@code CatalogIndexer.reindexAll()}.
 */
final class SearchVocabulary {

    static final String RESOURCE = "catalog/search/vocabulary.txt";

    private static final Pattern APOSTROPHES = Pattern.compile("['’`ʼ]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private final Map<String, String> spelling;
    private final Set<String> stopWords;
    private final Map<String, List<String>> same;
    private final Set<String> phraseWords;
    private final List<String> sortedPhraseWords;
    private final int longestPhrase;

    private SearchVocabulary(Map<String, String> spelling, Set<String> stopWords, Map<String, List<String>> same) {
        this.spelling = Map.copyOf(spelling);
        this.stopWords = Set.copyOf(stopWords);
        this.same = Map.copyOf(same);
        Set<String> words = new HashSet<>();
        int longest = 1;
        for (String phrase : same.keySet()) {
            String[] parts = phrase.split(" ");
            words.addAll(Arrays.asList(parts));
            longest = Math.max(longest, parts.length);
        }
        this.phraseWords = Set.copyOf(words);
        this.sortedPhraseWords = words.stream().sorted().toList();
        this.longestPhrase = longest;
    }

    /** The vocabulary shipped with Gerai. */
    static SearchVocabulary standard() {
        try (InputStream in = SearchVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the format described at the top of {@code vocabulary.txt}; a line it does not understand is an error. */
    static SearchVocabulary parse(String text) {
        Map<String, String> spelling = new HashMap<>();
        Set<String> stop = new HashSet<>();
        List<List<String>> sets = new ArrayList<>();
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                String kind = colon < 0 ? "" : l.substring(0, colon).strip();
                String rest = colon < 0 ? "" : l.substring(colon + 1);
                switch (kind) {
                    case "spelling" -> {
                        String[] pair = rest.split("=", -1);
                        String variant = basic(pair[0]);
                        if (pair.length != 2 || variant.isEmpty() || variant.contains(" ") || basic(pair[1]).isEmpty()) {
                            throw bad(number, line);
                        }
                        spelling.put(variant, basic(pair[1]));
                    }
                    case "stop" -> stop.addAll(Arrays.asList(basic(rest).split(" ")));
                    case "same" -> sets.add(Arrays.stream(rest.split("\\|")).map(SearchVocabulary::basic)
                            .filter(p -> !p.isEmpty()).toList());
                    default -> throw bad(number, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stop.remove("");
        // phrases are stored the way a normalised query spells them (spelling variants applied)
        Map<String, Set<String>> same = new HashMap<>();
        for (List<String> set : sets) {
            List<String> phrases = set.stream().map(p -> respell(p, spelling)).distinct().toList();
            for (String phrase : phrases) {
                same.computeIfAbsent(phrase, k -> new LinkedHashSet<>()).addAll(phrases);
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        same.forEach((k, v) -> {
            List<String> alternatives = new ArrayList<>();
            alternatives.add(k);
            v.stream().filter(p -> !p.equals(k)).forEach(alternatives::add);
            frozen.put(k, Collections.unmodifiableList(alternatives));
        });
        return new SearchVocabulary(spelling, stop, frozen);
    }

    private static IllegalStateException bad(int number, String line) {
        return new IllegalStateException(RESOURCE + " line " + number + " is not understood: " + line);
    }

    /** Lower case, accents and apostrophes dropped, any other punctuation as one space; no spelling rules. */
    static String basic(String text) {
        if (text == null) {
            return "";
        }
        String s = text.toLowerCase(Locale.ROOT);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        return SEPARATORS.matcher(s).replaceAll(" ").strip();
    }

    /** {@link #basic(String)} with spelling variants replaced by their canonical form ("Akte-Lahir" is "akta lahir"). */
    String normalize(String text) {
        return respell(basic(text), spelling);
    }

    private static String respell(String normalized, Map<String, String> spelling) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        String[] words = normalized.split(" ");
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            String canonical = spelling.get(words[i]);
            if (canonical != null) {
                words[i] = canonical;
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : normalized;
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /** The phrases meaning the same as {@code phrase} (itself first), or an empty list when it is not a known phrase. */
    List<String> sameAs(String phrase) {
        return same.getOrDefault(phrase, List.of());
    }

    /** Whether {@code word} is part of a known phrase: such a word is never "corrected". */
    boolean knows(String word) {
        return phraseWords.contains(word);
    }

    /** Every word of the known phrases, sorted: candidates when a typed word is misspelt ("skkc" is "skck"). */
    List<String> phraseWords() {
        return sortedPhraseWords;
    }

    int longestPhrase() {
        return longestPhrase;
    }
}
