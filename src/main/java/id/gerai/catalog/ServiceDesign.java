package id.gerai.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The whole design of one service version, stored as one JSON document and exchanged as one JSON file
 * ({@code format} = {@value #FORMAT}).
 *
 * @param kindCode       the service kind shared across tenants (e.g. {@code AKTA_KELAHIRAN}), so regions can
 *                       be compared and designs matched; free text, upper case
 * @param category       a category code (see {@link Category})
 * @param lifeEvents     life-event codes (see {@link LifeEvent})
 * @param channels       where it is served: service-point kinds {@code ONLINE}, {@code MPP}, {@code MALL},
 *                       {@code VILLAGE_OFFICE}
 * @param standard       the standard's components by {@link StandardComponent} name
 * @param fee            in rupiah; zero means free
 * @param timeLimitDays  the service's total time limit in working days
 * @param form           the application form
 * @param procedure      the steps an application goes through
 * @param output         the document the service issues
 */
public record ServiceDesign(
        String format,
        String name,
        String nameEn,
        String summary,
        String summaryEn,
        String kindCode,
        String category,
        List<String> lifeEvents,
        List<String> channels,
        Map<StandardComponent, String> standard,
        BigDecimal fee,
        int timeLimitDays,
        List<RequiredDocument> documents,
        Form form,
        Procedure procedure,
        OutputDocument output) {

    public static final String FORMAT = "gerai.service-design/1";

    /** A document the citizen uploads. {@code types} are MIME types checked by content, not by file name. */
    public record RequiredDocument(String code, String name, String nameEn, boolean mandatory, List<String> types, int maxSizeKb) {
    }

    /**
     * The application form: a JSON Schema (2020-12) that validates the submitted data, and UI hints that
     * say how to show it.
     *
     * @param schema the JSON Schema as a JSON object (kept as parsed maps and lists)
     * @param ui     field name to its hints; {@code order} lists the top-level fields in display order
     */
    public record Form(Map<String, Object> schema, List<String> order, Map<String, FieldUi> ui) {
    }

    /**
     * How one field is shown. {@code widget} is one of {@link Widget}; for a repeating group the nested
     * fields' hints are in {@code items}.
     */
    public record FieldUi(Map<String, String> label, Map<String, String> help, Widget widget, Map<String, FieldUi> items,
                          List<String> itemOrder) {
    }

    /** The procedure: steps in order; steps sharing a {@code parallelGroup} run side by side. */
    public record Procedure(List<Step> steps) {
    }

    /**
     * @param role          the role that acts (a tenant role name, e.g. {@code PETUGAS_INSTANSI})
     * @param agencyCode    the agency whose staff act; {@code null} for the service's own agency
     * @param days          this step's time limit in working days
     * @param actions       allowed actions: {@code APPROVE}, {@code CORRECTION}, {@code REJECT}
     * @param parallelGroup steps with the same group run in parallel and must all approve
     * @param finalApproval whether this step's approval decides the application (the last step does)
     */
    public record Step(String code, String name, String nameEn, String role, String agencyCode, int days,
                       List<String> actions, String parallelGroup, boolean finalApproval) {
    }

    /**
     * The issued document: a title and a body template whose {@code {{field}}} placeholders are form
     * fields (or {@code {{decision.*}}}, {@code {{applicant.*}}} values the system fills).
     */
    public record OutputDocument(String title, String template, List<String> fields) {
    }
}
