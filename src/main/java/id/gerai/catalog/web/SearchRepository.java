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

        /** Identifies the searchable text: services with the same texts share one {@code service_search_doc} row. */
        String hash() {
            try {
                java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
                for (String part : new String[]{searchName, textA, textB, textC, textD}) {
                    md5.update((part == null ? "" : part).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md5.update((byte) 0);
                }
                return java.util.HexFormat.of().formatHex(md5.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
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

    private static final String UPSERT_DOCS = """
            insert into service_search_doc (hash, search_name, search_text, search_vector)
            select t.hash, t.name, concat_ws(' ', t.a, t.b, t.c, t.d),
                   setweight(to_tsvector('simple', t.a) || to_tsvector('indonesian', t.a), 'A')
                   || setweight(to_tsvector('simple', t.b) || to_tsvector('indonesian', t.b), 'B')
                   || setweight(to_tsvector('simple', t.c) || to_tsvector('indonesian', t.c), 'C')
                   || setweight(to_tsvector('simple', t.d) || to_tsvector('indonesian', t.d), 'D')
            from unnest(cast(:hashes as text[]), cast(:names as text[]), cast(:a as text[]), cast(:b as text[]),
                        cast(:c as text[]), cast(:d as text[])) as t(hash, name, a, b, c, d)
            order by t.hash
            on conflict (hash) do update set hash = excluded.hash
            returning id, hash, xmax = 0 as inserted
            """;

    private static final String UPSERT = """
            insert into service_search (tenant_id, service_id, version, agency_id, agency_code, agency_name, tenant_name,
                tenant_slug, slug, name, name_en, summary, summary_en, category, life_events, channels, kind_code, fee,
                time_limit_days, published_at, search_name, doc_id)
            values (:tenant, :service, :version, :agencyId, :agencyCode, :agencyName, :tenantName, :tenantSlug, :slug,
                :name, :nameEn, :summary, :summaryEn, :category, string_to_array(:lifeEvents, ','),
                string_to_array(:channels, ','), :kindCode, :fee, :timeLimitDays, :publishedAt, :searchName, :doc)
            on conflict (tenant_id, service_id) do update set
                version = excluded.version, agency_id = excluded.agency_id, agency_code = excluded.agency_code,
                agency_name = excluded.agency_name, tenant_name = excluded.tenant_name, tenant_slug = excluded.tenant_slug,
                slug = excluded.slug, name = excluded.name, name_en = excluded.name_en, summary = excluded.summary,
                summary_en = excluded.summary_en, category = excluded.category, life_events = excluded.life_events,
                channels = excluded.channels, kind_code = excluded.kind_code, fee = excluded.fee,
                time_limit_days = excluded.time_limit_days, published_at = excluded.published_at,
                search_name = excluded.search_name, doc_id = excluded.doc_id
            """;

    private static final String COLUMNS = """
            s.tenant_slug, s.tenant_name, s.agency_code, s.agency_name, s.slug, s.name, s.name_en, s.summary,
            s.summary_en, s.category, s.fee, s.time_limit_days, s.channels""";

    /**
     * Across all tenants: the matching texts are ranked first (however many regions publish each); then,
     * text by text in that order, its services' keys are read from {@code service_search_doc_idx} alone,
     * already in region order, at most one page's worth each; the scan stops after one page, and only that
     * page's rows are read from the table. The lateral join fixes that plan: row-level security makes the
     * planner guess badly how many rows it will see.
     * %1$s: the texts' rank columns, %2$s: their condition, %3$s: the query term table, %4$s: filters,
     * %5$s: result columns, %6$s: the texts' order, %7$s: the texts' table.
     */
    private static final String ACROSS = """
            select %5$s, k.tier
            from (
                select r.tier, r.pos, k.tenant_id, k.service_id, k.tenant_name, k.slug
                from (
                    select d.id, d.tier, row_number() over (order by %6$s) as pos
                    from (select d.id, d.search_name, %1$s from %7$s %3$s where %2$s) d
                    order by pos
                ) r
                cross join lateral (
                    select s.tenant_id, s.service_id, s.tenant_name, s.slug from service_search s
                    where s.doc_id = r.id %4$s
                    order by s.tenant_name, s.slug
                    limit :window
                ) k
                order by r.pos, k.tenant_name, k.slug
                limit :limit offset :offset
            ) k
            join service_search s on s.tenant_id = k.tenant_id and s.service_id = k.service_id
            order by k.pos, k.tenant_name, k.slug
            """;

    /** How many services match, counting no further than {@code :cap}. */
    private static final String ACROSS_COUNT = """
            select count(*) from (
                select 1
                from (select d.id from %5$s %3$s where %2$s) r
                cross join lateral (select 1 from service_search s where s.doc_id = r.id %4$s limit :cap) s
                limit :cap
            ) c
            """;

    /**
     * In one tenant: its ~150 rows first, each text looked up by its key, never every matching text of
     * the country (which may be most of them where regions word their services differently).
     */
    private static final String WITHIN = """
            select %5$s, d.tier, count(*) over () as total
            from %3$s service_search s
            cross join lateral (
                select d.id, d.search_name, %1$s from service_search_doc d where d.id = s.doc_id and %2$s
            ) d
            where true %4$s
            order by %6$s, s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private static final String LIST = """
            select %2$s, 3 as tier
            from service_search s
            where true %1$s
            order by s.search_name, s.tenant_name, s.slug
            limit :limit offset :offset
            """;

    private static final String LIST_COUNT = "select count(*) from (select 1 from service_search s where true %1$s limit :cap) c";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SearchRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // --- writing ------------------------------------------------------------------------------------------

    /** Indexes one service; returns the id of its text, and whether that text is new to the index. */
    Doc upsert(IndexRow row) {
        Doc doc = docs(List.of(row)).get(row.hash());
        named.update(UPSERT, params(row, doc.id()));
        return doc;
    }

    /** Indexes many services (a tenant's, in a rebuild) with two statements and a batch. */
    void upsertAll(List<IndexRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Doc> docs = docs(rows);
        named.batchUpdate(UPSERT, rows.stream().map(r -> params(r, docs.get(r.hash()).id())).toArray(SqlParameterSource[]::new));
    }

    /** A searchable text's row; {@code inserted} when this statement created it. */
    record Doc(long id, boolean inserted) {
    }

    /** The text rows of {@code rows}, created where missing; in hash order, so concurrent writers cannot deadlock. */
    private Map<String, Doc> docs(List<IndexRow> rows) {
        Map<String, IndexRow> distinct = new java.util.TreeMap<>();
        rows.forEach(r -> distinct.putIfAbsent(r.hash(), r));
        List<IndexRow> texts = List.copyOf(distinct.values());
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("hashes", texts.stream().map(IndexRow::hash).toArray(String[]::new))
                .addValue("names", texts.stream().map(IndexRow::searchName).toArray(String[]::new))
                .addValue("a", texts.stream().map(IndexRow::textA).toArray(String[]::new))
                .addValue("b", texts.stream().map(IndexRow::textB).toArray(String[]::new))
                .addValue("c", texts.stream().map(IndexRow::textC).toArray(String[]::new))
                .addValue("d", texts.stream().map(IndexRow::textD).toArray(String[]::new));
        Map<String, Doc> docs = new HashMap<>();
        named.query(UPSERT_DOCS, p, rs -> {
            docs.put(rs.getString("hash"), new Doc(rs.getLong("id"), rs.getBoolean("inserted")));
        });
        return docs;
    }

    /** Adds the lexemes of a text to the vocabulary, in sorted order so concurrent publications cannot deadlock. */
    void addWords(long doc) {
        jdbc.sql("""
                        insert into service_search_word (word)
                        select distinct w from service_search_doc d, unnest(tsvector_to_array(d.search_vector)) w
                        where d.id = :doc
                        order by w
                        on conflict do nothing
                        """)
                .param("doc", doc)
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

    /**
     * Drops texts no service uses any more and rebuilds the vocabulary from the rest. Needs the
     * across-tenants scope: a text may be used by any tenant's service.
     */
    void pruneDocsAndRebuildWords() {
        jdbc.sql("""
                delete from service_search_doc d
                where not exists (select 1 from service_search s where s.doc_id = d.id)
                """).update();
        jdbc.sql("delete from service_search_word").update();
        jdbc.sql("""
                insert into service_search_word (word)
                select distinct w from service_search_doc d, unnest(tsvector_to_array(d.search_vector)) w order by w
                """).update();
    }

    /**
     * After a rebuild: dead rows cleared and fresh planner statistics. Outside any transaction (VACUUM
     * cannot run in one). A role without MAINTAIN (servers before PostgreSQL 17) leaves it to autovacuum.
     */
    void tidyUp() {
        for (String table : List.of("service_search", "service_search_doc", "service_search_word")) {
            try {
                jdbc.sql("vacuum (analyze) " + table).update();
            } catch (RuntimeException e) {
                // not fatal: autovacuum gets there a little later
            }
        }
    }

    private static MapSqlParameterSource params(IndexRow r, long doc) {
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
                .addValue("doc", doc);
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

    /**
     * Which texts match and how they rank. {@code columns} yields {@code tier, typed, rank} of a text
     * {@code d}, {@code condition} says whether it matches, {@code order} ranks matching texts; all may use
     * the query terms {@code q.tsq} when {@code terms} is set. {@code source} is where the texts come from:
     * the table, or a narrower set of candidates.
     */
    record Match(String columns, String condition, String order, boolean terms, MapSqlParameterSource params, String source) {

        Match(String columns, String condition, String order, boolean terms, MapSqlParameterSource params) {
            this(columns, condition, order, terms, params, "service_search_doc d");
        }

        private static final String TERMS = "(select to_tsquery('simple', :tsq) || to_tsquery('indonesian', :tsq) as tsq) q";
        private static final String TIER = """
                case when d.search_name = any (:phrases) then 0
                     when d.search_name like any (:prefixes) then 1
                     when ' ' || d.search_name like any (:infixes) then 2
                     else 3 end""";
        private static final String NAME_TIER = """
                (d.search_name = any (:phrases) or d.search_name like any (:prefixes) or ' ' || d.search_name like any (:infixes))""";
        private static final String BY_RANK = "d.rank desc, d.search_name, d.id";

        /**
         * All words, ranked. Tier 0: the name is a searched phrase, 1: it starts with one, 2: it holds one
         * from a word boundary; within these name tiers, names holding the words as typed come before those
         * found through a synonym ("nib": the NIB service before another business permit), then the shorter
         * name (it says less besides what was asked: "Akta Kelahiran" before "Akta Kelahiran Pelaporan
         * Terlambat"). Tier 3: the words are all found somewhere (name, summary, agency, labels), by the
         * weighted full-text rank, rounded so that tiny differences do not scatter similar services.
         * A name holding a phrase is a match even where the words differ in form ("izin" in "izinkan").
         */
        static Match allWords(CatalogQuery query) {
            return new Match(TIER + " as tier, ' ' || d.search_name like :typed as typed,"
                    + " round(ts_rank(d.search_vector, q.tsq)::numeric, 3) as rank",
                    "(d.search_vector @@ q.tsq or " + NAME_TIER + ")",
                    "d.tier, d.typed desc, case when d.tier < 3 then length(d.search_name) end,"
                            + " case when d.tier = 3 then d.rank end desc nulls last, d.search_name, d.id",
                    true, phraseParams(query));
        }

        /**
         * The name tiers (0 to 2) of {@link #allWords}: texts whose name holds a searched phrase, found
         * through the names' trigram index; never needs a full-text rank.
         */
        static Match nameTiers(CatalogQuery query) {
            List<String> phrases = query.phrases();
            StringBuilder candidates = new StringBuilder("(");
            MapSqlParameterSource params = phraseParams(query);
            for (int i = 0; i < phrases.size(); i++) {
                String phrase = phrases.get(i);
                candidates.append(i == 0 ? "" : " or ");
                if (Arrays.stream(phrase.split(" ")).anyMatch(w -> w.length() >= 3)) {
                    // the names' trigram index
                    candidates.append("d.search_name like :contains").append(i);
                    params.addValue("contains" + i, "%" + phrase + "%");
                } else {
                    // too short for trigrams ("kk"): the words in the name (weight A), from the full-text index
                    candidates.append("d.search_vector @@ to_tsquery('simple', :contains").append(i).append(")");
                    params.addValue("contains" + i, Arrays.stream(phrase.split(" ")).map(w -> "'" + w + "':A")
                            .collect(java.util.stream.Collectors.joining(" & ")));
                }
            }
            candidates.append(")");
            // The candidates by name are few; OFFSET 0 keeps the full-text condition out of their index scan,
            // for the words alone ("izin", "usaha") may be in thousands of texts.
            return new Match(TIER + " as tier, ' ' || d.search_name like :typed as typed, null::numeric as rank",
                    NAME_TIER,
                    "d.tier, d.typed desc, length(d.search_name), d.search_name, d.id", false, params,
                    "(select d.id, d.search_name from service_search_doc d where " + candidates + " offset 0) d");
        }

        /** Tier 3 of {@link #allWords}: texts holding all the words, but not a phrase in their name. */
        static Match otherTexts(CatalogQuery query) {
            return new Match("3 as tier, false as typed, round(ts_rank(d.search_vector, q.tsq)::numeric, 3) as rank",
                    "d.search_vector @@ q.tsq and not " + NAME_TIER, BY_RANK, true, phraseParams(query));
        }

        /** Any of the words, best full-text rank first: for when no service matches them all. */
        static Match someWords(CatalogQuery query) {
            return new Match("4 as tier, false as typed, round(ts_rank(d.search_vector, q.tsq)::numeric, 3) as rank",
                    "d.search_vector @@ q.tsq", BY_RANK, true, new MapSqlParameterSource().addValue("tsq", query.anyTerm()));
        }

        /**
         * Names holding a stretch similar to {@code text} (trigram word similarity, from the names' trigram
         * index): the last resort when the words themselves found nothing.
         */
        static Match similarName(String text) {
            return new Match("5 as tier, false as typed, round(word_similarity(:text, d.search_name)::numeric, 3) as rank",
                    ":text <% d.search_name", BY_RANK, false, new MapSqlParameterSource().addValue("text", text));
        }

        private static MapSqlParameterSource phraseParams(CatalogQuery query) {
            List<String> phrases = query.phrases();
            return new MapSqlParameterSource()
                    .addValue("tsq", query.allTerms())
                    .addValue("phrases", phrases.toArray(String[]::new))
                    .addValue("prefixes", phrases.stream().map(s -> s + "%").toArray(String[]::new))
                    .addValue("infixes", phrases.stream().map(s -> "% " + s + "%").toArray(String[]::new))
                    .addValue("typed", "% " + phrases.getFirst() + "%");
        }
    }

    /**
     * Services holding all the query's words, best first. In one tenant ranked in one statement. Across
     * tenants in two steps, because ranking thousands of texts by full-text rank is what costs: first the
     * texts with a searched phrase in their name (the name tiers, which need no full-text rank and come
     * first anyway), and only when they do not fill the page, the other texts after them.
     */
    Page searchAllWords(CatalogQuery query, Filter filter, int limit, int offset, int cap) {
        if (filter.tenant() != null) {
            return search(Match.allWords(query), filter, limit, offset, cap);
        }
        List<Hit> byName = across(Match.nameTiers(query), filter, limit, offset);
        List<Hit> hits = new ArrayList<>(byName);
        if (byName.size() < limit) {
            // how many name-tier services precede the other texts: known, unless this page starts past them all
            long named = byName.isEmpty() && offset > 0 ? count(Match.nameTiers(query), filter, cap) : offset + byName.size();
            hits.addAll(across(Match.otherTexts(query), filter, limit - byName.size(), (int) Math.max(0, offset - named)));
        }
        if (offset == 0 && hits.size() < limit) {
            return new Page(hits, hits.size());
        }
        long total = count(Match.nameTiers(query), filter, cap);
        if (total < cap) {
            total += count(Match.otherTexts(query), filter, (int) (cap - total));
        }
        return new Page(hits, total);
    }

    /**
     * One page of the services whose texts match, best first, and how many match in all (across tenants
     * counted up to {@code cap}: past it the page says "more than").
     */
    Page search(Match match, Filter filter, int limit, int offset, int cap) {
        if (filter.tenant() != null) {
            // a tenant's matches are few (it has ~150 services): counted by the same statement
            long[] total = {0};
            List<Hit> hits = named.query(within(match, filter), params(match, filter, limit, offset, cap), (rs, i) -> {
                total[0] = rs.getLong("total");
                return hit(rs);
            });
            if (hits.isEmpty() && offset > 0) {
                // past the last page: how many there are comes from the first
                named.query(within(match, filter), params(match, filter, 1, 0, cap), (rs, i) -> total[0] = rs.getLong("total"));
            }
            return new Page(hits, total[0]);
        }
        List<Hit> hits = across(match, filter, limit, offset);
        if (offset == 0 && hits.size() < limit) {
            return new Page(hits, hits.size());
        }
        return new Page(hits, count(match, filter, cap));
    }

    private List<Hit> across(Match match, Filter filter, int limit, int offset) {
        String sql = ACROSS.formatted(match.columns(), match.condition(), match.terms() ? "," + Match.TERMS : "",
                filterSql(filter), COLUMNS, match.order(), match.source());
        return named.query(sql, params(match, filter, limit, offset, 0), (rs, i) -> hit(rs));
    }

    private long count(Match match, Filter filter, int cap) {
        String sql = ACROSS_COUNT.formatted("", match.condition(), match.terms() ? "," + Match.TERMS : "", filterSql(filter),
                match.source());
        Long total = named.queryForObject(sql, params(match, filter, 0, 0, cap), Long.class);
        return total == null ? 0 : total;
    }

    private static String within(Match match, Filter filter) {
        return WITHIN.formatted(match.columns(), match.condition(), match.terms() ? Match.TERMS + "," : "", filterSql(filter),
                COLUMNS, match.order());
    }

    private static MapSqlParameterSource params(Match match, Filter filter, int limit, int offset, int cap) {
        return filterParams(filter).addValues(match.params().getValues())
                .addValue("limit", limit).addValue("offset", offset).addValue("window", limit + offset).addValue("cap", cap);
    }

    /** Services in name order, without a query; counted up to {@code cap}. */
    Page list(Filter filter, int limit, int offset, int cap) {
        MapSqlParameterSource p = filterParams(filter).addValue("limit", limit).addValue("offset", offset).addValue("cap", cap);
        List<Hit> hits = named.query(LIST.formatted(filterSql(filter), COLUMNS), p, (rs, i) -> hit(rs));
        if (offset == 0 && hits.size() < limit) {
            return new Page(hits, hits.size());
        }
        Long total = named.queryForObject(LIST_COUNT.formatted(filterSql(filter)), p, Long.class);
        return new Page(hits, total == null ? 0 : total);
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
