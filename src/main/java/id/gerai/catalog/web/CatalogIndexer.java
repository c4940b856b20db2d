package id.gerai.catalog.web;

import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServicePublished;
import id.gerai.catalog.ServiceRetired;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code service_search} in step with what is published. The listeners are plain
 * {@link EventListener}s on purpose: they run in the publisher's thread and transaction, so a publication
 * and its index row commit or roll back together, and a failure here fails the publication loudly rather
 * than leaving a published service nobody can find.
 *
 * <p>Agency and tenant names are copied in when a version is published; a renamed agency shows its new
 * name after the next publication of each of its services or a {@link #reindexAll()}.
 */
@Component
class CatalogIndexer {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    /** A stored version as the indexer reads it. */
    record Stored(UUID serviceId, UUID agencyId, String slug, String kindCode, int version, String status, String design,
                  Instant publishedAt) {
    }

    private static final String STORED = """
            select s.id, s.agency_id, s.slug, s.kind_code, v.version, v.status, v.design::text as design, v.published_at
            from service s join service_version v on v.tenant_id = s.tenant_id and v.service_id = s.id
            """;

    private final SearchRepository index;
    private final JdbcClient jdbc;
    private final TenancyApi tenancy;
    private final SearchVocabulary vocabulary;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final BrowseCounts browseCounts;

    CatalogIndexer(SearchRepository index, JdbcClient jdbc, TenancyApi tenancy, SearchVocabulary vocabulary,
                   MessageSource messages, TransactionTemplate tx, BrowseCounts browseCounts) {
        this.index = index;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.vocabulary = vocabulary;
        this.messages = messages;
        this.tx = tx;
        this.browseCounts = browseCounts;
    }

    @EventListener
    void on(ServicePublished event) {
        TenantContext.run(event.tenant(), () -> {
            Stored stored = jdbc.sql(STORED + " where s.tenant_id = :tenant and s.id = :service and v.version = :version")
                    .param("tenant", event.tenant().value())
                    .param("service", event.serviceId())
                    .param("version", event.version())
                    .query(CatalogIndexer::stored)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("ServicePublished for " + event.serviceId() + " v" + event.version()
                            + " of tenant " + event.tenant() + ", but that version does not exist"));
            if (!"PUBLISHED".equals(stored.status())) {
                throw new IllegalStateException("ServicePublished for " + event.serviceId() + " v" + event.version()
                        + ", but that version is " + stored.status() + ": publish the event after the version is written as PUBLISHED");
            }
            Tenant tenant = tenancy.byId(event.tenant()).orElseThrow(() -> new IllegalStateException("Unknown tenant " + event.tenant()));
            Agency agency = tenancy.agencies(event.tenant()).stream().filter(a -> a.id().equals(stored.agencyId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown agency " + stored.agencyId() + " of tenant " + event.tenant()));
            SearchRepository.Doc doc = index.upsert(row(tenant, agency, stored));
            if (doc.inserted()) {
                index.addWords(doc.id());
            }
        });
        browseCounts.forget();
    }

    @EventListener
    void on(ServiceRetired event) {
        TenantContext.run(event.tenant(), () -> index.delete(event.tenant(), event.serviceId(), event.version()));
        browseCounts.forget();
    }

    /**
     * Rebuilds the whole index from the published versions, one tenant per transaction, then the
     * vocabulary. Safe while the application serves: each tenant's rows are swapped in one transaction.
     *
     * @return how many services are indexed
     */
    int reindexAll() {
        long started = System.nanoTime();
        int total = 0;
        for (Tenant tenant : tenancy.tenants()) {
            total += reindex(tenant);
        }
        TenantContext.runAcrossTenants(() -> {
            tx.executeWithoutResult(s -> index.pruneDocsAndRebuildWords());
            index.tidyUp();
        });
        browseCounts.forget();
        log.info("Catalogue search index rebuilt: {} services in {} ms", total, (System.nanoTime() - started) / 1_000_000);
        return total;
    }

    /** Rebuilds one tenant's rows; returns how many services it has published. */
    int reindex(Tenant tenant) {
        TenantId id = tenant.id();
        Map<UUID, Agency> agencies = tenancy.agencies(id).stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        Integer count = TenantContext.call(id, () -> tx.execute(s -> {
            List<Stored> published = jdbc.sql(STORED + """
                             where s.tenant_id = :tenant and v.version = s.current_version and v.status = 'PUBLISHED'
                            """)
                    .param("tenant", id.value())
                    .query(CatalogIndexer::stored)
                    .list();
            List<SearchRepository.IndexRow> rows = new ArrayList<>(published.size());
            for (Stored stored : published) {
                Agency agency = agencies.get(stored.agencyId());
                if (agency == null) {
                    throw new IllegalStateException("Unknown agency " + stored.agencyId() + " of tenant " + id);
                }
                rows.add(row(tenant, agency, stored));
            }
            index.deleteTenant(id);
            index.upsertAll(rows);
            return rows.size();
        }));
        return count == null ? 0 : count;
    }

    /**
     * On start: when the index does not hold as many services as are published (the index is new, or
     * was changed by hand), rebuild it. Comparing two counts costs milliseconds even for every region of
     * the country.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        long[] counts = TenantContext.callAcrossTenants(() -> tx.execute(s -> new long[]{
                jdbc.sql("""
                        select count(*) from service s join service_version v
                            on v.tenant_id = s.tenant_id and v.service_id = s.id and v.version = s.current_version
                        where v.status = 'PUBLISHED'
                        """).query(Long.class).single(),
                jdbc.sql("select count(*) from service_search").query(Long.class).single()}));
        if (counts != null && counts[0] != counts[1]) {
            log.info("Catalogue search index holds {} services, {} are published: rebuilding it", counts[1], counts[0]);
            reindexAll();
        }
    }

    SearchRepository.IndexRow row(Tenant tenant, Agency agency, Stored stored) {
        ServiceDesign d = Designs.read(stored.design());
        String category = d.category() == null ? "LAINNYA" : d.category();
        List<String> lifeEvents = d.lifeEvents() == null ? List.of() : d.lifeEvents();
        List<String> channels = d.channels() == null ? List.of() : d.channels();
        String kind = stored.kindCode() != null ? stored.kindCode() : Objects.requireNonNullElse(d.kindCode(), "");
        String labels = Stream.concat(Stream.of("catalog.category." + category),
                        lifeEvents.stream().map(e -> "catalog.life-event." + e))
                .flatMap(key -> Stream.of(label(key, INDONESIAN), label(key, Locale.ENGLISH)))
                .collect(Collectors.joining(" "));
        return new SearchRepository.IndexRow(tenant.id(), stored.serviceId(), stored.version(), agency.id(), agency.code(),
                agency.name(), tenant.name(), tenant.slug(), stored.slug(), d.name(), d.nameEn(), d.summary(), d.summaryEn(),
                category, lifeEvents, channels, kind, d.fee() == null ? BigDecimal.ZERO : d.fee(), d.timeLimitDays(),
                stored.publishedAt(),
                vocabulary.normalize(d.name()),
                vocabulary.normalize(d.name()),
                vocabulary.normalize(join(d.nameEn(), kind.replace('_', ' '))),
                vocabulary.normalize(join(d.summary(), d.summaryEn())),
                vocabulary.normalize(join(agency.name(), labels)));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, "", locale);
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class), rs.getString("slug"),
                rs.getString("kind_code"), rs.getInt("version"), rs.getString("status"), rs.getString("design"),
                published == null ? null : published.toInstant());
    }
}
