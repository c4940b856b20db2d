package id.gerai.demo;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenantKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Gives the demo tenants published services, from the design files under {@code catalog/demo/} (the
 * catalogue's import format): population services for the Dukcapil office, permits for DPMPTSP, letters
 * for the village offices (a village-government agency {@code PEMDES} is added where missing) and the SKCK
 * for the police. Some regions copy a design from another region and adapt it (amati, tiru, modifikasi),
 * so the replication lineage has something to show.
 *
 * <p>Everything goes through {@link CatalogApi}, so it is checked and audited like an editor's work. A
 * tenant that already has a service of a kind keeps it: a second start changes nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 50)
class DemoServices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServices.class);

    /** Which agency of a tenant serves a design folder: the first code the tenant has. */
    static final Map<String, List<String>> AGENCIES = Map.of(
            "dukcapil", List.of("DUKCAPIL", "DISPENDUKCAPIL", "DISDUKCAPIL"),
            "dpmptsp", List.of("DPMPTSP"),
            "desa", List.of("PEMDES"),
            "polres", List.of("POLRES", "POLRESTA"));

    /** The design files, by folder. */
    static final Map<String, List<String>> FILES = orderedMap(
            "dukcapil", List.of("akta-kelahiran", "ktp-el-rusak-hilang", "kartu-identitas-anak", "pindah-datang"),
            "dpmptsp", List.of("persetujuan-bangunan-gedung", "izin-reklame", "surat-izin-praktik-tenaga-kesehatan"),
            "desa", List.of("surat-keterangan-domisili", "surat-keterangan-tidak-mampu", "surat-pengantar"),
            "polres", List.of("skck"));

    /** A design one demo region copies from another, then adapts. */
    record Replication(String target, String source, String kindCode, String note, UnaryOperator<ServiceDesign> change) {
    }

    static final String TANGERANG = "36.71";
    static final String BANYUWANGI = "35.10";
    static final String TAPSEL = "12.03";
    static final String MINAHASA = "71.02";
    static final String KAPUAS_HULU = "61.06";

    /** The demo regions in the order they are loaded (a copy needs its source first). */
    static final List<String> REGIONS = List.of(TANGERANG, BANYUWANGI, TAPSEL, MINAHASA, KAPUAS_HULU);

    static final List<Replication> REPLICATIONS = List.of(
            new Replication(BANYUWANGI, TANGERANG, "AKTA_KELAHIRAN",
                    "Disalin dari Kota Tangerang; ditambah layanan di kantor desa (SmartKampung) dan gerai mal",
                    d -> withChannels(d, List.of("ONLINE", "MPP", "MALL", "VILLAGE_OFFICE"),
                            "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran, bisa diajukan dari kantor desa "
                                    + "melalui SmartKampung, beserta pembaruan Kartu Keluarga.")),
            new Replication(BANYUWANGI, TANGERANG, "KARTU_IDENTITAS_ANAK", "Disalin dari Kota Tangerang; juga di kantor desa",
                    d -> withChannels(d, List.of("ONLINE", "MPP", "VILLAGE_OFFICE"), null)),
            new Replication(KAPUAS_HULU, TANGERANG, "AKTA_KELAHIRAN", "Disalin dari Kota Tangerang; juga di kantor desa",
                    d -> withChannels(d, List.of("ONLINE", "MPP", "VILLAGE_OFFICE"), null)),
            new Replication(MINAHASA, TANGERANG, "SKCK", "Disalin dari Kota Tangerang", d -> d),
            new Replication(TAPSEL, BANYUWANGI, "SURAT_KETERANGAN_DOMISILI", "Disalin dari Kabupaten Banyuwangi", d -> d));

    private final boolean enabled;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;

    DemoServices(@Value("${gerai.demo.enabled}") boolean enabled, CatalogApi catalog, TenancyApi tenancy) {
        this.enabled = enabled;
        this.catalog = catalog;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Map<String, Tenant> tenants = tenancy.tenants().stream().filter(t -> REGIONS.contains(t.regionCode()))
                .collect(Collectors.toMap(Tenant::regionCode, t -> t));
        int made = 0;
        for (String region : REGIONS) {
            Tenant tenant = tenants.get(region);
            if (tenant == null) {
                continue;
            }
            for (Replication r : REPLICATIONS) {
                if (r.target().equals(region) && tenants.containsKey(r.source())) {
                    made += copyAndPublish(tenant, tenants.get(r.source()), r.kindCode(), r.note(), r.change()).isPresent() ? 1 : 0;
                }
            }
            made += publishAll(tenant).size();
        }
        if (made > 0) {
            log.info("Demo services published: {}", made);
        }
    }

    /**
     * Publishes every demo design whose agency the tenant has and whose kind it does not offer yet; adds the
     * village-government agency first. Steps handled by an agency the tenant lacks go to the service's own
     * agency. Answers the new services.
     */
    List<UUID> publishAll(Tenant tenant) {
        Map<String, UUID> agencies = agencies(tenant);
        Set<String> kinds = kinds(tenant);
        List<UUID> made = new ArrayList<>();
        FILES.forEach((folder, files) -> {
            Optional<UUID> agency = AGENCIES.get(folder).stream().map(agencies::get).filter(a -> a != null).findFirst();
            if (agency.isEmpty()) {
                return;
            }
            for (String file : files) {
                ServiceDesign design = adapted(catalog.parse(read(folder, file)), agencies.keySet());
                if (kinds.contains(design.kindCode())) {
                    continue;
                }
                ServiceVersion v = catalog.create(tenant.id(), new CatalogApi.NewService(agency.get(), design, "Data demo"));
                catalog.publish(tenant.id(), v.serviceId(), v.version());
                made.add(v.serviceId());
            }
        });
        return made;
    }

    /**
     * Copies {@code source}'s published service of {@code kindCode} into {@code target} (for the agency that
     * serves its folder), applies {@code change}, and publishes it. Nothing happens when the target offers the
     * kind already or the source does not publish it.
     */
    Optional<UUID> copyAndPublish(Tenant target, Tenant source, String kindCode, String note, UnaryOperator<ServiceDesign> change) {
        if (kinds(target).contains(kindCode)) {
            return Optional.empty();
        }
        Optional<ServiceSummary> original = catalog.publishedServices(source.id()).stream()
                .filter(s -> s.kindCode().equals(kindCode)).findFirst();
        if (original.isEmpty()) {
            return Optional.empty();
        }
        Map<String, UUID> agencies = agencies(target);
        String folder = FILES.keySet().stream().filter(f -> original.get().agencyCode() != null
                && AGENCIES.get(f).contains(original.get().agencyCode())).findFirst().orElse(null);
        Optional<UUID> agency = folder == null ? Optional.empty()
                : AGENCIES.get(folder).stream().map(agencies::get).filter(a -> a != null).findFirst();
        if (agency.isEmpty()) {
            return Optional.empty();
        }
        ServiceVersion copy = catalog.copy(target.id(), agency.get(), source.id(), original.get().id(), original.get().currentVersion());
        ServiceDesign modified = adapted(change.apply(copy.design()), agencies.keySet());
        catalog.updateDraft(target.id(), copy.serviceId(), modified, note);
        catalog.publish(target.id(), copy.serviceId(), copy.version());
        return Optional.of(copy.serviceId());
    }

    /** The tenant's agencies by code, after adding the village-government agency when it has none. */
    private Map<String, UUID> agencies(Tenant tenant) {
        List<Agency> agencies = tenancy.agencies(tenant.id());
        if (agencies.stream().noneMatch(a -> a.code().equals(VILLAGE_AGENCY))) {
            tenancy.createAgency(tenant.id(), villageGovernment(tenant));
            agencies = tenancy.agencies(tenant.id());
        }
        return agencies.stream().collect(Collectors.toMap(Agency::code, Agency::id));
    }

    static final String VILLAGE_AGENCY = "PEMDES";

    /** The village-government agency that serves the village letters ({@link DemoData} makes it for its officers). */
    static TenancyApi.NewAgency villageGovernment(Tenant tenant) {
        String name = tenant.kind() == TenantKind.KOTA ? "Pemerintah Kelurahan se-" + tenant.name()
                : "Pemerintah Desa dan Kelurahan se-" + tenant.name();
        return new TenancyApi.NewAgency(VILLAGE_AGENCY, name, AgencyKind.VILLAGE,
                "Surat keterangan dan surat pengantar di kantor desa/kelurahan");
    }

    private Set<String> kinds(Tenant tenant) {
        return catalog.services(tenant.id()).stream().map(ServiceSummary::kindCode).collect(Collectors.toSet());
    }

    /** Steps of agencies this tenant does not have are handled by the service's own agency. */
    static ServiceDesign adapted(ServiceDesign d, Set<String> agencyCodes) {
        List<ServiceDesign.Step> steps = d.procedure().steps().stream()
                .map(s -> s.agencyCode() == null || agencyCodes.contains(s.agencyCode()) ? s
                        : new ServiceDesign.Step(s.code(), s.name(), s.nameEn(), s.role(), null, s.days(), s.actions(),
                        s.parallelGroup(), s.finalApproval()))
                .toList();
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(),
                new ServiceDesign.Procedure(steps), d.output());
    }

    private static ServiceDesign withChannels(ServiceDesign d, List<String> channels, String summary) {
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), summary == null ? d.summary() : summary, d.summaryEn(),
                d.kindCode(), d.category(), d.lifeEvents(), channels, d.standard(), d.fee(), d.timeLimitDays(), d.documents(),
                d.form(), d.procedure(), d.output());
    }

    static String read(String folder, String file) {
        ClassPathResource resource = new ClassPathResource("catalog/demo/" + folder + "/" + file + ".json");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo design " + folder + "/" + file + " missing", e);
        }
    }

    private static Map<String, List<String>> orderedMap(Object... keyValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) keyValues[i + 1];
            m.put((String) keyValues[i], v);
        }
        return m;
    }
}
