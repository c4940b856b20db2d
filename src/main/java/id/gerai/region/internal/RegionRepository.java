package id.gerai.region.internal;

import id.gerai.region.Region;
import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads current (not retired) regions. The table is reference data: no tenant scope applies. */
@Repository
class RegionRepository {

    private static final String COLUMNS = "code, name, level, kind, parent_code";

    /**
     * Name search. Candidates come from the indexes only: the trigram index for {@code <%} (word
     * similarity above {@code pg_trgm.word_similarity_threshold}, 0.6 by default) and the btree for prefix
     * LIKE. Ranking is computed on those few candidates.
     *
     * <p>tier: 0 exact, 1 prefix, 2 a later word starts with it, 3 similar. A row whose kind differs from
     * the hint ("kota" in "kota tangerang") drops half a tier, so it follows matching rows of the same
     * tier; the whole text ({@code :full}) is tried too, for villages really named "Kota Baru". Among
     * equals: similarity rounded to a tenth (tiny differences should not beat level), then higher levels
     * (shorter codes), then closeness of the whole name, then code.
     */
    private static final String SEARCH_NAME = """
            select code, name, level, kind, parent_code
            from (
                select r.code, r.name, r.level, r.kind, r.parent_code,
                       least(case when r.search_name = :name then 0
                                  when r.search_name like :namePrefix then 1
                                  when r.search_name like :nameWord then 2
                                  else 3 end
                             + case when :hint = '' or r.kind = :hint then 0 else 0.5 end,
                             case when r.search_name = :full then 0
                                  when r.search_name like :fullPrefix then 1
                                  when r.search_name like :fullWord then 2
                                  else 3 end) as tier,
                       round(greatest(word_similarity(:name, r.search_name),
                                      word_similarity(:full, r.search_name))::numeric, 1) as closeness,
                       similarity(:name, r.search_name) as likeness
                from region r
                where r.retired_at is null %s
                  and (r.search_name like :namePrefix %s)
            ) c
            order by tier, closeness desc, length(code), likeness desc, code
            limit :limit
            """;

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Region> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = :code and retired_at is null")
                .param("code", code)
                .query(RegionRepository::map)
                .optional();
    }

    List<Region> findAll(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from region where code in (:codes) and retired_at is null order by code")
                .param("codes", codes)
                .query(RegionRepository::map)
                .list();
    }

    List<Region> provinces() {
        return jdbc.sql("select " + COLUMNS + " from region where level = 'PROVINCE' and retired_at is null order by code")
                .query(RegionRepository::map)
                .list();
    }

    List<Region> children(String code) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_code = :code and retired_at is null order by code")
                .param("code", code)
                .query(RegionRepository::map)
                .list();
    }

    int countChildren(String code) {
        return jdbc.sql("select count(*) from region where parent_code = :code and retired_at is null")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    /** Codes starting with {@code prefix}, higher levels first, so "35.10" lists the kabupaten before its kecamatan. */
    List<Region> searchCode(String prefix, RegionLevel level, int limit) {
        return jdbc.sql("""
                        select code, name, level, kind, parent_code from region
                        where code like :prefix and retired_at is null %s
                        order by length(code), code
                        limit :limit
                        """.formatted(level == null ? "" : "and level = :level"))
                .param("prefix", prefix + "%")
                .param("level", level == null ? "" : level.name())
                .param("limit", limit)
                .query(RegionRepository::map)
                .list();
    }

    /**
     * Names matching {@code query}: with {@code fuzzy} also similar ones and later words (trigram index),
     * otherwise only exact names and prefixes (btree), which is enough when those already fill the limit.
     */
    List<Region> searchName(NameQuery query, RegionLevel level, int limit, boolean fuzzy) {
        return jdbc.sql(nameSearchSql(query, level, fuzzy))
                .params(nameSearchParams(query, level, limit))
                .query(RegionRepository::map)
                .list();
    }

    static String nameSearchSql(NameQuery query, RegionLevel level, boolean fuzzy) {
        boolean hinted = !query.name().equals(query.full());
        // Optional conditions are left out rather than switched off by a parameter, so that even a cached
        // generic plan can use the indexes.
        return SEARCH_NAME.formatted(
                level == null ? "" : "and r.level = :level",
                (hinted ? "or r.search_name like :fullPrefix " : "")
                        + (fuzzy ? "or :name <% r.search_name " : "")
                        + (fuzzy && hinted ? "or :full <% r.search_name" : ""));
    }

    static Map<String, Object> nameSearchParams(NameQuery query, RegionLevel level, int limit) {
        return Map.of(
                "name", query.name(),
                "namePrefix", query.name() + "%",
                "nameWord", "% " + query.name() + "%",
                "full", query.full(),
                "fullPrefix", query.full() + "%",
                "fullWord", "% " + query.full() + "%",
                "hint", query.hint() == null ? "" : query.hint().name(),
                "level", level == null ? "" : level.name(),
                "limit", limit);
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                RegionKind.valueOf(rs.getString("kind")), rs.getString("parent_code"));
    }
}
