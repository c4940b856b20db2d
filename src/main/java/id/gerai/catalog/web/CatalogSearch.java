package id.gerai.catalog.web;

import id.gerai.catalog.web.SearchRepository.Filter;
import id.gerai.catalog.web.SearchRepository.Hit;
import id.gerai.catalog.web.SearchRepository.Page;
import id.gerai.platform.TenantContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches the published catalogue: of one tenant, or of every tenant (entering the across-tenants
 * scope itself, before its transaction starts, as {@link TenantContext} requires).
 *
 * <p>A query is tried in widening steps, each only when the one before found nothing: all words (with
 * synonyms and corrected spellings), then any of the words, then trigram similarity of the whole text to
 * the names. Within the first step the ranking is exact name, name prefix, phrase in the name, full text.
 */
@Service
class CatalogSearch {

    static final int PAGE_SIZE = 20;
    /**
     * Pages a search offers at most: 200 services. Across all regions a broad word matches thousands;
     * choosing a region or a category helps more than page 57.
     */
    static final int MAX_PAGE = 10;
    static final int MAX_QUERY_LENGTH = 100;
    /** Matches are counted up to the last reachable page and one more: "more than 200". */
    static final int COUNT_CAP = MAX_PAGE * PAGE_SIZE + 1;
    /** Trigram neighbours fetched per unknown word; the edit distance then picks among them. */
    static final int NEIGHBOURS = 8;

    /** How the hits were found: the page says so when the search had to widen. */
    enum Mode { LIST, ALL_WORDS, SOME_WORDS, SIMILAR, NOTHING }

    /**
     * @param query how the text was understood ({@code null} for a list without text)
     * @param page  1-based
     */
    record Result(List<Hit> hits, long total, int page, Mode mode, CatalogQuery query) {

        int pages() {
            return (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        /** Whether more services match than were counted ({@link #COUNT_CAP}): "more than 200". */
        boolean more() {
            return total >= COUNT_CAP;
        }

        /** The number to show: the count, or the cap's round figure when there are more. */
        long shownTotal() {
            return more() ? COUNT_CAP - 1 : total;
        }
    }

    private final SearchRepository index;
    private final SearchVocabulary vocabulary;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    CatalogSearch(SearchRepository index, SearchVocabulary vocabulary, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * @param text   what was typed; blank lists the filtered services by name
     * @param filter {@code filter.tenant()} null searches every tenant
     * @param page   1-based, at most {@link #MAX_PAGE}
     */
    Result search(String text, Filter filter, int page) {
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query longer than " + MAX_QUERY_LENGTH + " characters");
        }
        int p = Math.max(1, Math.min(MAX_PAGE, page));
        if (filter.tenant() == null) {
            return TenantContext.callAcrossTenants(() -> inTransaction(text, filter, p));
        }
        return TenantContext.call(filter.tenant(), () -> inTransaction(text, filter, p));
    }

    private Result inTransaction(String text, Filter filter, int page) {
        return readOnly.execute(status -> {
            // Which index serves a search depends on its values (a pattern's trigrams, how common a word is);
            // a generic plan, which the driver and the server switch to after a few executions of the same
            // statement, cannot know them and may scan instead.
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return find(text, filter, page);
        });
    }

    private Result find(String text, Filter filter, int page) {
        int offset = (page - 1) * PAGE_SIZE;
        if (text == null || text.isBlank()) {
            Page list = index.list(filter, PAGE_SIZE, offset, COUNT_CAP);
            return new Result(list.hits(), list.total(), page, Mode.LIST, null);
        }
        CatalogQuery query = CatalogQuery.analyze(text, vocabulary, lexicon());
        if (query.isEmpty()) {
            return new Result(List.of(), 0, page, Mode.NOTHING, query);
        }
        Page all = index.searchAllWords(query, filter, PAGE_SIZE, offset, COUNT_CAP);
        if (all.total() > 0) {
            return new Result(all.hits(), all.total(), page, Mode.ALL_WORDS, query);
        }
        if (query.groups().size() > 1) {
            Page some = index.search(SearchRepository.Match.someWords(query), filter, PAGE_SIZE, offset, COUNT_CAP);
            if (some.total() > 0) {
                return new Result(some.hits(), some.total(), page, Mode.SOME_WORDS, query);
            }
        }
        String normalized = vocabulary.normalize(text);
        if (normalized.length() >= 3) {
            // The planner underestimates how many names share common trigrams and may choose to compute the
            // similarity of every text instead of asking the trigram index.
            jdbc.sql("set local enable_seqscan = off").update();
            Page similar = index.search(SearchRepository.Match.similarName(normalized), filter, PAGE_SIZE, offset, COUNT_CAP);
            if (similar.total() > 0) {
                return new Result(similar.hits(), similar.total(), page, Mode.SIMILAR, query);
            }
        }
        return new Result(List.of(), 0, page, Mode.NOTHING, query);
    }

    private CatalogQuery.Lexicon lexicon() {
        return new CatalogQuery.Lexicon() {
            @Override
            public Set<String> known(Collection<String> words, Set<String> prefixes) {
                return index.knownWords(words, prefixes);
            }

            @Override
            public Map<String, List<String>> nearest(Collection<String> words) {
                return index.nearestWords(words, NEIGHBOURS);
            }
        };
    }
}
