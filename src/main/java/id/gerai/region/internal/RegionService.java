package id.gerai.region.internal;

import id.gerai.platform.GeraiException;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.region.RegionLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link RegionApi} on the imported table. */
@Service
class RegionService implements RegionApi {

    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_LENGTH = 100;
    /** More than every code there is (about 92,000), so only a flood of made-up codes ever empties it. */
    static final int MAX_CACHED = 200_000;
    /** How long another node's import may go unnoticed here (this node's own imports clear the cache at once). */
    static final long CACHE_NANOS = java.time.Duration.ofMinutes(10).toNanos();

    /**
     * Lookups by code, found or not: every NIK and every region field of a submitted form asks several, and the
     * codes change only when {@link RegionImporter} imports a new list.
     */
    private final Map<String, Optional<Region>> byCode = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long cacheStarted = System.nanoTime();

    private final RegionRepository regions;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    RegionService(RegionRepository regions, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public Optional<Region> find(String code) {
        return RegionCode.normalize(code).flatMap(this::cached);
    }

    private Optional<Region> cached(String code) {
        if (System.nanoTime() - cacheStarted > CACHE_NANOS || byCode.size() >= MAX_CACHED) {
            forget();
        }
        Optional<Region> found = byCode.get(code);
        if (found == null) {
            found = regions.find(code);
            byCode.put(code, found);
        }
        return found;
    }

    /** Drops the cached lookups: the importer calls it after every import. */
    void forget() {
        byCode.clear();
        cacheStarted = System.nanoTime();
    }

    @Override
    public boolean provinceExists(String code) {
        return find(code).filter(r -> r.level() == RegionLevel.PROVINCE).isPresent();
    }

    @Override
    public List<Region> children(String code) {
        if (code == null || code.isBlank()) {
            return regions.provinces();
        }
        return RegionCode.normalize(code).map(regions::children).orElse(List.of());
    }

    @Override
    public List<Region> ancestors(String code) {
        return RegionCode.normalize(code).map(c -> regions.findAll(RegionCode.ancestors(c))).orElse(List.of());
    }

    /** The failure for an unknown code; the code is echoed to the caller, so only a bounded piece of it. */
    static GeraiException notFound(String code) {
        String shown = code == null ? "" : code.strip();
        return GeraiException.notFound("region-not-found", shown.length() > 20 ? shown.substring(0, 20) + "…" : shown);
    }

    /** How many current regions are one level below {@code code} (a dotted, existing code). */
    int countChildren(String code) {
        return regions.countChildren(code);
    }

    /**
     * Where each region lies, nearest first ("Karawaci, Kota Tangerang, Banten"): tells apart the many
     * villages that share a name. One query for the whole list.
     */
    Map<String, List<String>> locations(List<Region> found) {
        Set<String> codes = new LinkedHashSet<>();
        found.forEach(r -> codes.addAll(RegionCode.ancestors(r.code())));
        Map<String, String> names = new HashMap<>();
        regions.findAll(List.copyOf(codes)).forEach(r -> names.put(r.code(), r.name()));
        Map<String, List<String>> locations = new HashMap<>();
        for (Region r : found) {
            List<String> above = new ArrayList<>(RegionCode.ancestors(r.code()));
            Collections.reverse(above);
            locations.put(r.code(), above.stream().map(names::get).filter(Objects::nonNull).toList());
        }
        return locations;
    }

    @Override
    public List<Region> search(String query, RegionLevel level, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String text = query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return readOnly.execute(status -> {
            // Search patterns decide whether an index applies; a generic plan, which the driver and the
            // server switch to after a few executions of the same statement, cannot know them.
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            if (RegionCode.looksLikeCode(text)) {
                return regions.searchCode(RegionCode.prefix(text), level, limit);
            }
            NameQuery name = NameQuery.parse(text);
            if (name.isEmpty()) {
                return List.of();
            }
            // Exact names and prefixes outrank everything similar, so when they fill the page the trigram
            // search (the expensive part) cannot change the answer. Below three letters trigrams say
            // little and match much of the table: prefixes only.
            List<Region> found = regions.searchName(name, level, limit, false);
            if (found.size() == limit || name.name().length() < 3) {
                return found;
            }
            // The planner underestimates how many names share common trigrams and may pick a
            // sequential scan that computes the similarity of every row (a second instead of milliseconds).
            jdbc.sql("set local enable_seqscan = off").update();
            return regions.searchName(name, level, limit, true);
        });
    }
}
