package id.gerai.catalog.web;

import id.gerai.platform.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search index tables. Every statement on {@code service_search} runs inside a tenant scope or an
 * explicit across-tenants scope (row-level security), and names {@code tenant_id} where it writes.
 */
@Repository
class SearchRepository {

    /** A row of the index, texts already normalised. {@code textA}…{@code textD} are the weighted texts. */
    record IndexRow(TenantId tenant, UUID serviceId, int version, UUID agencyId, String agencyCode, String agencyName,
                    String tenantName, String tenantSlug, String slug, String name, String nameEn, String summary,
                    String summaryEn, String category, List<String> lifeEvents, List<String> channels, String kindCode,
                    BigDecimal fee, int timeLimitDays, Instant publishedAt, String searchName,
                    String textA, String textB, String textC, String textD) {
    }

    /** A published service as a search or a list shows it. {@code tier}: 0 exact … 3 full text, 4 some words, 5 similar. */
    record Hit(String tenantSlug, String tenantName, String agencyCode, String agencyName, String slug, String name,
               String nameEn, String summary, String summaryEn, String category, BigDecimal fee, int timeLimitDays,
               List<String> channels, int tier) {
    }

    /** One page of hits and how many there are in all. */
    record Page(List<Hit> hits, long total) {
        static final Page EMPTY = new Page(List.of(), 0);
    }

    /** Conditions besides the text; {@code null} means "any". */
    record Filter(TenantId tenant, String agencyCode, String category, String lifeEvent, String channel) {
        static final Filter NONE = new Filter(null, null, null, null, null);

        boolean isEmpty() {
            return tenant == null && agencyCode == null && category == null && lifeEvent == null && channel == null;
        }
    }

    private static final String UPSERT = """
            insert into service_search (tenant_id, service_id, version, agency_id, agency_code, agency_name, tenant_name,
                tenant_slug, slug, name, name_en, summary, summary_en, category, life_events, channels, kind_code, fee,
                time_limit_days, published_at, search_name, search_text, search_vector)
            values (:tenant, :service, :version, :agencyId, :agencyCode, :agencyName, :tenantName, :tenantSlug, :slug,
                :name, :nameEn, :summary, :summaryEn, :category, string_to_array(:lifeEvents, ','),
                string_to_array(:channels, ','), :kindCode, :fee, :timeLimitDays, :publishedAt, :searchName,
                concat_ws(' ', :a, :b, :c, :d),
                setweight(to_tsvector('simple', :a) || to_tsvector('indonesian', :a), 'A')
                || setweight(to_tsvector('simple', :b) || to_tsvector('indonesian', :b), 'B')
                || setweight(to_tsvector('simple', :c) || to_tsvector('indonesian', :c), 'C')
                || setweight(to_tsvector('simple', :d) || to_tsvector('indonesian', :d), 'D'))
            on conflict (tenant_id, service_id) do update set
                version = excluded.version, agency_id = excluded.agency_id, agency_code = excluded.agency_code,
                agency_name = excluded.agency_name, tenant_name = excluded.tenant_name, tenant_slug = excluded.tenant_slug,
                slug = excluded.slug, name = excluded.name, name_en = excluded.name_en, summary = excluded.summary,
                summary_en = excluded.summary_en, category = excluded.category, life_events = excluded.life_events,
                channels = excluded.channels, kind_code = excluded.kind_code, fee = excluded.fee,
                time_limit_days = excluded.time_limit_days, published_at = excluded.published_at,
                search_name = excluded.search_name, search_text = excluded.search_text, search_vector = excluded.search_vector
            """;

    /**
     * Ranking: tier 0 the name is a searched phrase, 1 it starts with one, 2 it holds one from a word
     * boundary, 3 the words are all found somewhere (name, summary, agency, labels). Within a tier, names
     * holding the words as typed come before those found through a synonym ("nib": the NIB service before
     * another business permit); within the name tiers the shorter name first (it says less besides what was asked: "Akta Kelahiran" before "Akta Kelahiran
     * Pelaporan Terlambat"); then the weighted full-text rank, rounded so that tiny differences (a longer
     * agency name) do not scatter copies of one service among others; then name and region. %s: filters.
     */
    private static final String SEARCH = """
            select s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
                   s.summary_en, s.category, s.fee, s.time_limit_days, s.channels, s.tier, count(*) over () as total
            from (
                select s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
                       s.summary_en, s.category, s.fee, s.time_limit_days, s.channels, s.search_name,
                       case when s.search_name = any (:phrases) then 0
                            when s.search_name like any (:prefixes) then 1
                            when ' ' || s.search_name like any (:infixes) then 2
                            else 3 end as tier,
                       ' ' || s.search_name like :typed as typed,
                       round(ts_rank(s.search_vector, q.tsq)::numeric, 3) as rank
                from service_search s,
                     (select to_tsquery('simple', :tsq) || to_tsquery('indonesian', :tsq) as tsq) q
                where s.search_vector @@ q.tsq %s
            ) s
            order by s.tier, s.typed desc, case when s.tier < 3 then length(s.search_name) end, s.rank desc, s.search_name,
                     s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private static final String SOME_WORDS = """
            select s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
                   s.summary_en, s.category, s.fee, s.time_limit_days, s.channels, 4 as tier, count(*) over () as total
            from service_search s,
                 (select to_tsquery('simple', :tsq) || to_tsquery('indonesian', :tsq) as tsq) q
            where s.search_vector @@ q.tsq %s
            order by ts_rank(s.search_vector, q.tsq) desc, s.search_name, s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private static final String SIMILAR = """
            select s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
                   s.summary_en, s.category, s.fee, s.time_limit_days, s.channels, 5 as tier, count(*) over () as total
            from service_search s
            where :text <%% s.search_name %s
            order by word_similarity(:text, s.search_name) desc, s.search_name, s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private static final String LIST = """
            select s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
                   s.summary_en, s.category, s.fee, s.time_limit_days, s.channels, 3 as tier, count(*) over () as total
            from service_search s
            where true %s
            order by s.search_name, s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SearchRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // --- writing ------------------------------------------------------------------------------------------

    void upsert(IndexRow row) {
        named.update(UPSERT, params(row));
    }

    void upsertAll(List<IndexRow> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(UPSERT, rows.stream().map(SearchRepository::params).toArray(SqlParameterSource[]::new));
        }
    }

    /** Adds the lexemes of one indexed service to the vocabulary, in sorted order so concurrent publications cannot deadlock. */
    void addWords(TenantId tenant, UUID service) {
        jdbc.sql("""
                        insert into service_search_word (word)
                        select distinct w from service_search s, unnest(tsvector_to_array(s.search_vector)) w
                        where s.tenant_id = :tenant and s.service_id = :service
                        order by w
                        on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("service", service)
                .update();
    }

    /** Removes a service from the index unless a newer version than {@code version} is indexed. */
    int delete(TenantId tenant, UUID service, int version) {
        return jdbc.sql("delete from service_search where tenant_id = :tenant and service_id = :service and version <= :version")
                .param("tenant", tenant.value())
                .param("service", service)
                .param("version", version)
                .update();
    }

    int deleteTenant(TenantId tenant) {
        return jdbc.sql("delete from service_search where tenant_id = :tenant").param("tenant", tenant.value()).update();
    }

    /** Rebuilds the vocabulary from the index; needs the across-tenants scope. */
    void rebuildWords() {
        jdbc.sql("delete from service_search_word").update();
        jdbc.sql("""
                insert into service_search_word (word)
                select distinct w from service_search s, unnest(tsvector_to_array(s.search_vector)) w order by w
                """).update();
    }

    /** Fresh planner statistics after a rebuild; a role without MAINTAIN (older servers) leaves it to autovacuum. */
    void analyze() {
        try {
            jdbc.sql("analyze service_search").update();
            jdbc.sql("analyze service_search_word").update();
        } catch (RuntimeException e) {
            // not fatal: autovacuum analyses the tables a little later
        }
    }

    private static MapSqlParameterSource params(IndexRow r) {
        return new MapSqlParameterSource()
                .addValue("tenant", r.tenant().value())
                .addValue("service", r.serviceId())
                .addValue("version", r.version())
                .addValue("agencyId", r.agencyId())
                .addValue("agencyCode", r.agencyCode())
                .addValue("agencyName", r.agencyName())
                .addValue("tenantName", r.tenantName())
                .addValue("tenantSlug", r.tenantSlug())
                .addValue("slug", r.slug())
                .addValue("name", r.name())
                .addValue("nameEn", r.nameEn())
                .addValue("summary", r.summary())
                .addValue("summaryEn", r.summaryEn())
                .addValue("category", r.category())
                .addValue("lifeEvents", String.join(",", r.lifeEvents()))
                .addValue("channels", String.join(",", r.channels()))
                .addValue("kindCode", r.kindCode())
                .addValue("fee", r.fee())
                .addValue("timeLimitDays", r.timeLimitDays())
                .addValue("publishedAt", r.publishedAt() == null ? null : Timestamp.from(r.publishedAt()))
                .addValue("searchName", r.searchName())
                .addValue("a", r.textA())
                .addValue("b", r.textB())
                .addValue("c", r.textC())
                .addValue("d", r.textD());
    }

    // --- the vocabulary -----------------------------------------------------------------------------------

    /** See {@link CatalogQuery.Lexicon#known}. Prefixes use the "C"-collated primary key as a range. */
    Set<String> knownWords(Collection<String> words, Set<String> prefixes) {
        List<String> found = jdbc.sql("""
                        select w.word from unnest(cast(:words as text[])) as w(word)
                        where exists (select 1 from service_search_word x where x.word = w.word)
                           or exists (select 1 from service_search_word x
                                      where x.word = any (tsvector_to_array(to_tsvector('indonesian', w.word))))
                           or (w.word = any (cast(:prefixes as text[]))
                               and exists (select 1 from service_search_word x where x.word > w.word and x.word < w.word || '~'))
                        """)
                .param("words", words.toArray(String[]::new))
                .param("prefixes", prefixes.toArray(String[]::new))
                .query(String.class)
                .list();
        return new HashSet<>(found);
    }

    /** See {@link CatalogQuery.Lexicon#nearest}: the trigram nearest neighbours from the GiST index. */
    Map<String, List<String>> nearestWords(Collection<String> words, int each) {
        record Near(String typed, String word, float distance) {
        }
        List<Near> near = jdbc.sql("""
                        select w.word as typed, n.word, n.distance
                        from unnest(cast(:words as text[])) as w(word)
                        cross join lateral (
                            select x.word, x.word <-> w.word as distance from service_search_word x
                            order by x.word <-> w.word limit :each) n
                        """)
                .param("words", words.toArray(String[]::new))
                .param("each", each)
                .query((rs, i) -> new Near(rs.getString(1), rs.getString(2), rs.getFloat(3)))
                .list();
        Map<String, List<Near>> grouped = new LinkedHashMap<>();
        near.forEach(n -> grouped.computeIfAbsent(n.typed(), k -> new ArrayList<>()).add(n));
        Map<String, List<String>> result = new HashMap<>();
        grouped.forEach((typed, list) -> result.put(typed, list.stream()
                .sorted(java.util.Comparator.comparingDouble(Near::distance).thenComparing(Near::word))
                .map(Near::word).toList()));
        return result;
    }

    // --- searching ----------------------------------------------------------------------------------------

    Page search(CatalogQuery query, Filter filter, int limit, int offset) {
        List<String> phrases = query.phrases();
        MapSqlParameterSource p = filterParams(filter)
                .addValue("tsq", query.allTerms())
                .addValue("phrases", phrases.toArray(String[]::new))
                .addValue("prefixes", phrases.stream().map(s -> s + "%").toArray(String[]::new))
                .addValue("infixes", phrases.stream().map(s -> "% " + s + "%").toArray(String[]::new))
                .addValue("typed", "% " + phrases.getFirst() + "%")
                .addValue("limit", limit)
                .addValue("offset", offset);
        return page(SEARCH.formatted(filterSql(filter)), p);
    }

    /** Services matching any of the query's words, best first: for when none matches them all. */
    Page searchSomeWords(CatalogQuery query, Filter filter, int limit, int offset) {
        MapSqlParameterSource p = filterParams(filter)
                .addValue("tsq", query.anyTerm())
                .addValue("limit", limit)
                .addValue("offset", offset);
        return page(SOME_WORDS.formatted(filterSql(filter)), p);
    }

    /**
     * Names holding a stretch similar to {@code text} (trigram word similarity over the name's index):
     * the last resort when the words themselves found nothing. The planner underestimates how many names
     * share common trigrams and may choose to compute the similarity of every row instead, hence the
     * caller switches sequential scans off for this statement's transaction.
     */
    Page searchSimilar(String text, Filter filter, int limit, int offset) {
        MapSqlParameterSource p = filterParams(filter)
                .addValue("text", text)
                .addValue("limit", limit)
                .addValue("offset", offset);
        return page(SIMILAR.formatted(filterSql(filter)), p);
    }

    /** Services in name order, without a query. */
    Page list(Filter filter, int limit, int offset) {
        MapSqlParameterSource p = filterParams(filter).addValue("limit", limit).addValue("offset", offset);
        return page(LIST.formatted(filterSql(filter)), p);
    }

    /** Whether any service matches all the query's words: tells a page past the end from a query without hits. */
    boolean anyMatch(CatalogQuery query, Filter filter) {
        MapSqlParameterSource p = filterParams(filter).addValue("tsq", query.allTerms());
        return Boolean.TRUE.equals(named.queryForObject("""
                select exists (select 1 from service_search s
                               where s.search_vector @@ (to_tsquery('simple', :tsq) || to_tsquery('indonesian', :tsq)) %s)
                """.formatted(filterSql(filter)), p, Boolean.class));
    }

    // --- counts for browsing --------------------------------------------------------------------------------

    /** Published services per category (of one tenant, or all when {@code tenant} is null). */
    Map<String, Long> countByCategory(TenantId tenant) {
        return counts("select s.category as k, count(*) as n from service_search s where true %s group by s.category", tenant);
    }

    Map<String, Long> countByLifeEvent(TenantId tenant) {
        return counts("select e as k, count(*) as n from service_search s, unnest(s.life_events) e where true %s group by e", tenant);
    }

    Map<String, Long> countByChannel(TenantId tenant) {
        return counts("select c as k, count(*) as n from service_search s, unnest(s.channels) c where true %s group by c", tenant);
    }

    Map<String, Long> countByAgencyCode(TenantId tenant) {
        return counts("select s.agency_code as k, count(*) as n from service_search s where true %s group by s.agency_code", tenant);
    }

    long count(TenantId tenant) {
        return counts("select '' as k, count(*) as n from service_search s where true %s", tenant).getOrDefault("", 0L);
    }

    private Map<String, Long> counts(String sql, TenantId tenant) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql.formatted(tenant == null ? "" : "and s.tenant_id = :tenant"))
                .param("tenant", tenant == null ? null : tenant.value())
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Optional conditions are left out rather than switched off by a parameter, so a plan can use the indexes. */
    private static String filterSql(Filter f) {
        StringBuilder sql = new StringBuilder();
        if (f.tenant() != null) {
            sql.append(" and s.tenant_id = :tenant");
        }
        if (f.agencyCode() != null) {
            sql.append(" and s.agency_code = :agency");
        }
        if (f.category() != null) {
            sql.append(" and s.category = :category");
        }
        if (f.lifeEvent() != null) {
            sql.append(" and s.life_events @> array[cast(:lifeEvent as text)]");
        }
        if (f.channel() != null) {
            sql.append(" and s.channels @> array[cast(:channel as text)]");
        }
        return sql.toString();
    }

    private static MapSqlParameterSource filterParams(Filter f) {
        return new MapSqlParameterSource()
                .addValue("tenant", f.tenant() == null ? null : f.tenant().value())
                .addValue("agency", f.agencyCode())
                .addValue("category", f.category())
                .addValue("lifeEvent", f.lifeEvent())
                .addValue("channel", f.channel());
    }

    private Page page(String sql, MapSqlParameterSource params) {
        long[] total = {0};
        List<Hit> hits = named.query(sql, params, (rs, i) -> {
            total[0] = rs.getLong("total");
            return hit(rs);
        });
        return new Page(hits, total[0]);
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(rs.getString("tenant_slug"), rs.getString("tenant_name"), rs.getString("agency_code"),
                rs.getString("agency_name"), rs.getString("slug"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("summary"), rs.getString("summary_en"), rs.getString("category"), rs.getBigDecimal("fee"),
                rs.getInt("time_limit_days"), strings(rs.getArray("channels")), rs.getInt("tier"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
