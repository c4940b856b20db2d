package id.gerai.catalog.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A catalogue search as typed, turned into what the index is asked: words normalised, filler words
 * dropped, misspelt words corrected against the words the index holds, and known phrases widened to
 * everything that means the same ("ktp" also asks for "kartu tanda penduduk").
 *
 * @param typed       what was typed, stripped
 * @param groups      every group must match; a group matches when one of its alternatives does
 * @param corrections typed word to the word searched instead ("kelahran" to "kelahiran")
 * @param ignored     typed words neither known nor correctable, left out of the search
 */
record CatalogQuery(String typed, List<Group> groups, Map<String, String> corrections, List<String> ignored) {

    /** Phrases tried for the exact, prefix and phrase tiers at most; more would only slow the ranking. */
    static final int MAX_PHRASES = 16;
    /** Words of a query that count; a longer query is cut (it is a sentence, not a service name). */
    static final int MAX_WORDS = 12;

    /**
     * One thing the citizen asked for, with the phrases that name it. {@code prefix}: the first
     * alternative's last word is still being typed, so it matches words that start with it.
     */
    record Group(List<String> alternatives, boolean prefix) {
    }

    /** What the index knows, asked once per query for all its words. */
    interface Lexicon {

        /**
         * The words of {@code words} that occur in the index, as written or by their stem; a word in
         * {@code prefixes} also counts when an indexed word starts with it.
         */
        Set<String> known(Collection<String> words, Set<String> prefixes);

        /** For each word, indexed words that look like it (trigram neighbours), nearest first. */
        Map<String, List<String>> nearest(Collection<String> words);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The query as searched, e.g. "akta kelahiran" for "akte kelahran"; shown when it differs from what was typed. */
    String searched() {
        return groups.stream().map(g -> g.alternatives().getFirst()).collect(Collectors.joining(" "));
    }

    /** A {@code tsquery} text in which every group must match. */
    String allTerms() {
        return groups.stream().map(CatalogQuery::group).collect(Collectors.joining(" & "));
    }

    /** A {@code tsquery} text in which any group may match: the fallback when no service matches all. */
    String anyTerm() {
        return groups.stream().map(CatalogQuery::group).collect(Collectors.joining(" | "));
    }

    /**
     * Whole phrases the name may equal or start with, for the ranking tiers: every combination of the
     * groups' alternatives, the typed one first, at most {@link #MAX_PHRASES}.
     */
    List<String> phrases() {
        List<String> phrases = List.of("");
        for (Group g : groups) {
            List<String> next = new ArrayList<>();
            for (String head : phrases) {
                for (String alternative : g.alternatives()) {
                    if (next.size() < MAX_PHRASES) {
                        next.add(head.isEmpty() ? alternative : head + " " + alternative);
                    }
                }
            }
            phrases = next;
        }
        return phrases.equals(List.of("")) ? List.of() : phrases;
    }

    private static String group(Group g) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < g.alternatives().size(); i++) {
            String[] words = g.alternatives().get(i).split(" ");
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    b.append(" & ");
                }
                // normalised words hold only a-z and 0-9: nothing to escape
                b.append('\'').append(words[w]).append('\'');
                if (i == 0 && g.prefix() && w == words.length - 1) {
                    b.append(":*");
                }
            }
            alternatives.add(words.length > 1 ? "(" + b + ")" : b.toString());
        }
        return alternatives.size() > 1 ? "(" + String.join(" | ", alternatives) + ")" : alternatives.getFirst();
    }

    /** Analyses what was typed; asks {@code lexicon} at most twice. */
    static CatalogQuery analyze(String typed, SearchVocabulary vocabulary, Lexicon lexicon) {
        String text = typed == null ? "" : typed.strip();
        String normalized = vocabulary.normalize(text);
        List<String> words = normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        List<String> content = words.stream().filter(w -> !vocabulary.isStopWord(w)).toList();
        if (content.isEmpty()) {
            content = words; // "layanan" alone: search for it rather than for nothing
        }
        if (content.isEmpty()) {
            return new CatalogQuery(text, List.of(), Map.of(), List.of());
        }
        // The last word may be half typed ("akta kel"), unless a space or punctuation says it is finished.
        String last = content.getLast();
        String raw = typed == null ? "" : typed;
        boolean typing = !raw.isEmpty() && Character.isLetterOrDigit(raw.charAt(raw.length() - 1)) && last.length() >= 3
                && words.getLast().equals(last);

        Set<String> toCheck = new LinkedHashSet<>();
        content.stream().filter(w -> !vocabulary.knows(w)).forEach(toCheck::add);
        Set<String> known = toCheck.isEmpty() ? Set.of() : lexicon.known(toCheck, typing ? Set.of(last) : Set.of());
        List<String> unknown = toCheck.stream().filter(w -> !known.contains(w)).toList();
        Map<String, List<String>> nearest = unknown.isEmpty() ? Map.of() : lexicon.nearest(unknown);

        record Token(String word, List<String> alternatives, boolean prefix) {
        }
        List<Token> tokens = new ArrayList<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            String w = content.get(i);
            boolean prefix = typing && i == content.size() - 1;
            if (vocabulary.knows(w) || known.contains(w)) {
                tokens.add(new Token(w, List.of(w), prefix));
                continue;
            }
            List<String> best = corrections(w, nearest.getOrDefault(w, List.of()), vocabulary.phraseWords());
            if (best.isEmpty()) {
                ignored.add(w);
            } else {
                corrections.put(w, best.getFirst());
                tokens.add(new Token(best.getFirst(), best, false));
            }
        }

        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int matched = 0;
            for (int n = Math.min(vocabulary.longestPhrase(), tokens.size() - i); n >= 1 && matched == 0; n--) {
                String phrase = tokens.subList(i, i + n).stream().map(Token::word).collect(Collectors.joining(" "));
                List<String> same = vocabulary.sameAs(phrase);
                if (!same.isEmpty()) {
                    groups.add(new Group(same, tokens.get(i + n - 1).prefix()));
                    matched = n;
                }
            }
            if (matched == 0) {
                Token t = tokens.get(i);
                groups.add(new Group(t.alternatives(), t.prefix()));
                matched = 1;
            }
            i += matched;
        }
        return new CatalogQuery(text, List.copyOf(groups), Map.copyOf(corrections), List.copyOf(ignored));
    }

    /**
     * The indexed or known words {@code word} is most likely a slip for: those within the edit distance
     * its length allows, fewest edits first; at most two, both with the fewest edits.
     */
    static List<String> corrections(String word, List<String> nearest, List<String> phraseWords) {
        int allowed = EditDistance.allowedFor(word);
        if (allowed == 0) {
            return List.of();
        }
        record Candidate(String word, int distance, int order) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (String c : nearest) {
            if (seen.add(c)) {
                int d = EditDistance.between(word, c, allowed);
                if (d <= allowed) {
                    candidates.add(new Candidate(c, d, order));
                }
            }
            order++;
        }
        for (String c : phraseWords) {
            if (seen.add(c)) {
                int d = EditDistance.between(word, c, allowed);
                if (d <= allowed) {
                    candidates.add(new Candidate(c, d, order++));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::order));
        int fewest = candidates.getFirst().distance();
        return candidates.stream().filter(c -> c.distance() == fewest).limit(2).map(Candidate::word).toList();
    }
}
