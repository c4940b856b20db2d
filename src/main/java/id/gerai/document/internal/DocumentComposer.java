package id.gerai.document.internal;

import id.gerai.application.FormData;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.FieldUi;
import id.gerai.catalog.ServiceDesign.Option;
import id.gerai.catalog.Widget;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.region.RegionLevel;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts an issued document into words ({@link DocumentContent}): fills the service's template, formats the
 * printed fields the way a person reads them (dates in words, choices by their labels, regions by their
 * names), and writes the letterhead, place and date. Bahasa Indonesia throughout.
 *
 * <p>Placeholders: form fields ({@code {{namaAnak}}}, {@code {{alamat.street}}}) and the values the system
 * fills: {@code decision.number}, {@code decision.date}, {@code decision.official}, {@code decision.position},
 * {@code decision.place}, {@code applicant.name}, {@code applicant.nik}, {@code service.name},
 * {@code service.tenantName}, {@code service.agencyName}. An unknown one prints as nothing.
 */
@Component
class DocumentComposer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", PdfRenderer.ID);
    private static final int LETTERHEAD_LINES = 3;

    private final RegionApi regions;
    private final MessageSource messages;

    DocumentComposer(RegionApi regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    /** Everything the renderer needs besides the words. */
    record Input(DocumentRepository.Row row, ServiceDesign design, Tenant tenant, Agency agency,
                 DocumentRepository.Settings settings, ZoneId zone, String verifyUrl, String replacesNumber, Instant created) {
    }

    DocumentContent compose(Input in) {
        DocumentRepository.Row r = in.row();
        ServiceDesign design = in.design();
        String place = place(in.tenant(), in.settings());
        String date = LONG_DATE.format(in.row().decidedAt().atZone(in.zone()));
        Map<String, String> system = Map.of(
                "decision.number", r.number(),
                "decision.date", date,
                "decision.official", r.officialName(),
                "decision.position", r.officialPosition(),
                "decision.place", place,
                "applicant.name", r.applicantName(),
                "applicant.nik", r.applicantNik(),
                "service.name", design.name(),
                "service.tenantName", in.tenant().name(),
                "service.agencyName", in.agency().name());
        String template = design.output() == null || design.output().template() == null ? "" : design.output().template();
        List<String> paragraphs = new ArrayList<>();
        for (String p : template.strip().split("\\n\\s*\\n")) {
            String filled = fill(p.replaceAll("\\s*\\n\\s*", " "), system, r.data(), design);
            if (!filled.isBlank()) {
                paragraphs.add(filled);
            }
        }
        List<DocumentContent.Row> rows = new ArrayList<>();
        if (design.output() != null) {
            for (String field : design.output().fields()) {
                FieldUi ui = design.form().ui().get(field);
                String label = ui == null ? field : ui.label("id");
                rows.add(new DocumentContent.Row(label == null ? field : label, value(r.data().get(field), ui)));
            }
        }
        List<String> letterhead = new ArrayList<>();
        if (in.settings() != null && in.settings().letterhead() != null) {
            in.settings().letterhead().lines().map(String::strip).filter(s -> !s.isEmpty()).limit(LETTERHEAD_LINES)
                    .forEach(letterhead::add);
        }
        return new DocumentContent(msg("document.pdf.government", in.tenant().name()), in.agency().name(), letterhead,
                r.title(), r.number(), paragraphs, rows, place + ", " + date, r.officialPosition(), r.officialName(),
                in.verifyUrl(), displayCode(r.shortCode()), in.replacesNumber(), in.created().atZone(in.zone()));
    }

    private String fill(String text, Map<String, String> system, Map<String, Object> data, ServiceDesign design) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = system.get(name);
            if (value == null) {
                value = fieldValue(name, data, design);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A form field by path: {@code nama}, {@code alamat.street}, {@code saksi[0].nama}. */
    private String fieldValue(String path, Map<String, Object> data, ServiceDesign design) {
        if (path.startsWith("decision.") || path.startsWith("applicant.") || path.startsWith("service.")) {
            return "";
        }
        Object raw = FormData.at(data, path);
        String top = path.split("[.\\[]", 2)[0];
        FieldUi ui = design.form().ui().get(top);
        if (!path.equals(top)) {
            // inside an address or a group row: the part itself (a village code by its name)
            if (ui != null && ui.widget() == Widget.ADDRESS && path.endsWith(".villageCode")) {
                return raw == null ? "-" : regionName(String.valueOf(raw));
            }
            if (ui != null && ui.widget() == Widget.GROUP) {
                String item = path.substring(path.lastIndexOf('.') + 1);
                return value(raw, ui.items().get(item));
            }
            return raw == null ? "-" : plain(raw);
        }
        return value(raw, ui);
    }

    /** One value as a person reads it, by its widget. */
    String value(Object raw, FieldUi ui) {
        if (raw == null) {
            return "-";
        }
        Widget widget = ui == null ? null : ui.widget();
        if (widget == null) {
            return plain(raw);
        }
        return switch (widget) {
            case DATE -> date(String.valueOf(raw));
            case SELECT -> option(String.valueOf(raw), ui.options());
            case MULTISELECT -> raw instanceof List<?> list
                    ? list.stream().map(v -> option(String.valueOf(v), ui.options())).collect(Collectors.joining(", "))
                    : option(String.valueOf(raw), ui.options());
            case YESNO -> Boolean.TRUE.equals(raw) || "true".equals(String.valueOf(raw)) ? msg("document.pdf.yes") : msg("document.pdf.no");
            case REGION -> regionName(String.valueOf(raw));
            case ADDRESS -> raw instanceof Map<?, ?> address ? address(address) : plain(raw);
            case GROUP -> raw instanceof List<?> rows ? group(rows, ui) : plain(raw);
            default -> plain(raw);
        };
    }

    private String group(List<?> rows, FieldUi ui) {
        List<String> out = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> m)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            List<String> order = ui.itemOrder().isEmpty() ? m.keySet().stream().map(String::valueOf).toList() : ui.itemOrder();
            for (String item : order) {
                Object v = m.get(item);
                if (v != null) {
                    parts.add(value(v, ui.items().get(item)));
                }
            }
            out.add(String.join(", ", parts));
        }
        return out.isEmpty() ? "-" : String.join("; ", out);
    }

    private String address(Map<?, ?> a) {
        List<String> parts = new ArrayList<>();
        if (a.get("street") != null) {
            parts.add(String.valueOf(a.get("street")));
        }
        if (a.get("rt") != null || a.get("rw") != null) {
            parts.add(msg("document.pdf.rt-rw", a.get("rt") == null ? "-" : a.get("rt"), a.get("rw") == null ? "-" : a.get("rw")));
        }
        if (a.get("villageCode") != null) {
            parts.add(regionName(String.valueOf(a.get("villageCode"))));
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /** A desa/kelurahan with its kecamatan and kabupaten/kota; the code itself when unknown. */
    private String regionName(String code) {
        return regions.find(code).map(r -> {
            List<String> parts = new ArrayList<>(List.of(r.name()));
            for (Region up : regions.ancestors(code).reversed()) {
                if (up.level() == RegionLevel.PROVINCE) {
                    continue;
                }
                parts.add(up.level() == RegionLevel.DISTRICT ? msg("document.pdf.district", up.name()) : up.name());
            }
            return String.join(", ", parts);
        }).orElse(code);
    }

    private static String option(String value, List<Option> options) {
        for (Option o : options) {
            if (o.value().equals(value)) {
                String label = o.label().getOrDefault("id", o.label().get("en"));
                return label == null ? value : label;
            }
        }
        return value;
    }

    private static String date(String iso) {
        try {
            return LONG_DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String plain(Object raw) {
        if (raw instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(DocumentComposer::plain).collect(Collectors.joining(", "));
        }
        return String.valueOf(raw);
    }

    /** The place before the date: the agency's setting, else the tenant's name without Kota/Kabupaten/Provinsi. */
    static String place(Tenant tenant, DocumentRepository.Settings settings) {
        if (settings != null && settings.place() != null && !settings.place().isBlank()) {
            return settings.place().strip();
        }
        return tenant.name().replaceFirst("(?i)^(kota administrasi|kota adm\\.|kota|kabupaten|kab\\.|provinsi)\\s+", "").strip();
    }

    /** {@code ABCD2345} as printed and read out: {@code ABCD-2345}. */
    static String displayCode(String code) {
        return code != null && code.length() == 8 ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, PdfRenderer.ID);
    }

    static Locale locale() {
        return PdfRenderer.ID;
    }
}
