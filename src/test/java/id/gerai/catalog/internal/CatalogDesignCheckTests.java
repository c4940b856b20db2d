package id.gerai.catalog.internal;

import static id.gerai.catalog.CatalogSamples.step;
import static id.gerai.catalog.CatalogSamples.valid;
import static id.gerai.catalog.CatalogSamples.with;
import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.DesignProblem;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.OutputDocument;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.StandardComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/** Every check that keeps a design from being published, each triggered on its own. */
class CatalogDesignCheckTests {

    private final DesignChecker checker = new DesignChecker(
            new SchemaFormValidator(nik -> List.of(), code -> true, JsonMapper.builder().build()));
    private static final Set<String> AGENCIES = Set.of("DUKCAPIL", "DPMPTSP");

    private List<DesignProblem> check(ServiceDesign d) {
        return checker.check(d, AGENCIES);
    }

    private List<String> codes(UnaryOperator<CatalogSamples.Builder> change) {
        return check(with(valid(), change)).stream().map(DesignProblem::code).toList();
    }

    @Test
    void aCompleteDesignPasses() {
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void unknownRoleNamesTheStep() {
        List<DesignProblem> problems = check(with(valid(), b -> b.steps(
                new Step("VERIFIKASI", "Verifikasi", null, "KEPALA_DESA", null, 1, List.of("APPROVE"), null, false),
                step("TTD", 1, null, true))));
        assertThat(problems).containsExactly(DesignProblem.of("procedure.steps[0]", "catalog.check.unknown-role", "VERIFIKASI", "KEPALA_DESA"));
    }

    @Test
    void unknownAgencyInAStep() {
        assertThat(codes(b -> b.steps(new Step("TEKNIS", "Kajian teknis", null, "PETUGAS_INSTANSI", "DINAS_PU", 1,
                List.of("APPROVE"), null, false), step("TTD", 1, null, true))))
                .containsExactly("catalog.check.unknown-agency");
        assertThat(codes(b -> b.steps(new Step("TEKNIS", "Kajian teknis", null, "PETUGAS_INSTANSI", "DPMPTSP", 1,
                List.of("APPROVE"), null, false), step("TTD", 1, null, true)))).isEmpty();
    }

    @Test
    void stepsThatCanNeverBeReached() {
        assertThat(codes(b -> b.steps(step("A", 1, "", false), step("TTD", 1, null, true))))
                .containsExactly("catalog.check.empty-parallel-group");
        assertThat(codes(b -> b.steps(step("A", 1, null, false), step("A", 1, null, true))))
                .containsExactly("catalog.check.duplicate-step");
        assertThat(check(with(valid(), b -> b.steps(step("A", 1, null, true), step("B", 1, null, false)))))
                .containsExactly(DesignProblem.of("procedure.steps[1]", "catalog.check.step-after-final", "B", "A"));
        assertThat(codes(b -> b.steps(step("A", 1, "G", false), step("B", 1, null, false), step("C", 1, "G", false),
                step("TTD", 0, null, true)).timeLimitDays(5)))
                .containsExactly("catalog.check.split-parallel-group", "catalog.check.step-days");
        assertThat(codes(b -> b.steps(new Step("A", "A", null, "PETUGAS_INSTANSI", null, 1, List.of(), null, false),
                step("TTD", 1, null, true)))).containsExactly("catalog.check.step-no-action");
        assertThat(codes(b -> b.steps())).containsExactly("catalog.check.no-steps");
    }

    @Test
    void noFinalApprovingStep() {
        assertThat(codes(b -> b.steps(step("A", 1, null, false), step("B", 1, null, false))))
                .containsExactly("catalog.check.no-final-step");
        assertThat(codes(b -> b.steps(new Step("TTD", "TTD", null, "PETUGAS_INSTANSI", null, 1, List.of("REJECT"), null, true))))
                .containsExactly("catalog.check.final-cannot-approve");
        assertThat(codes(b -> b.steps(step("A", 1, "G", false), step("TTD", 1, "G", true))))
                .containsExactly("catalog.check.final-in-parallel-group");
    }

    @Test
    void stepLimitsMayNotExceedTheServiceTimeLimitAndParallelStepsCountTheirLongest() {
        // 1 + max(2, 3) + 1 = 5
        UnaryOperator<CatalogSamples.Builder> procedure = b -> b.steps(step("A", 1, null, false), step("B1", 2, "TEKNIS", false),
                step("B2", 3, "TEKNIS", false), step("TTD", 1, null, true));
        assertThat(DesignChecker.totalDays(with(valid(), procedure).procedure().steps())).isEqualTo(5);
        assertThat(codes(b -> procedure.apply(b).timeLimitDays(5))).isEmpty();
        assertThat(check(with(valid(), b -> procedure.apply(b).timeLimitDays(4))))
                .containsExactly(DesignProblem.of("timeLimitDays", "catalog.check.time-exceeded", 5, 4));
        assertThat(codes(b -> b.timeLimitDays(0))).contains("catalog.check.time-limit");
    }

    @Test
    void templatePlaceholdersMustBeFormFieldsOrSystemValues() {
        List<DesignProblem> problems = check(with(valid(), b -> {
            b.output = new OutputDocument("Surat", "{{namaAnak}} {{ alamat.rt }} {{namaAyah}} {{decision.date}} {{applicant.nik}} "
                    + "{{service.name}} {{decision}} {{alamat.kota}} {{namaAyah}}", List.of("namaAnak", "umur"));
            return b;
        }));
        assertThat(problems).extracting(DesignProblem::code, p -> p.arguments().getFirst()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("catalog.check.unknown-placeholder", "namaAyah"),
                org.assertj.core.groups.Tuple.tuple("catalog.check.unknown-placeholder", "decision"),
                org.assertj.core.groups.Tuple.tuple("catalog.check.unknown-placeholder", "alamat.kota"),
                org.assertj.core.groups.Tuple.tuple("catalog.check.unknown-output-field", "umur"));
        assertThat(codes(b -> {
            b.output = null;
            return b;
        })).containsExactly("catalog.check.no-output");
        assertThat(codes(b -> {
            b.output = new OutputDocument(" ", "", List.of());
            return b;
        })).containsExactly("catalog.check.output-title", "catalog.check.output-template");
    }

    @Test
    void theSixCitizenFacingStandardComponentsMustBeFilled() {
        List<DesignProblem> problems = check(with(valid(), b -> {
            b.standard.remove(StandardComponent.BIAYA);
            b.standard.put(StandardComponent.PENGADUAN, "  ");
            b.standard.remove(StandardComponent.DASAR_HUKUM); // internal: not required
            return b;
        }));
        assertThat(problems).containsExactly(
                DesignProblem.of("standard.BIAYA", "catalog.check.missing-standard", StandardComponent.BIAYA),
                DesignProblem.of("standard.PENGADUAN", "catalog.check.missing-standard", StandardComponent.PENGADUAN));
    }

    @Test
    void invalidJsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>(valid().form().schema());
        Map<String, Object> props = new LinkedHashMap<>(castMap((Map<?, ?>) schema.get("properties")));
        props.put("namaAnak", Map.of("type", "teks", "minLength", "satu"));
        schema.put("properties", props);
        ServiceDesign.Form broken = new ServiceDesign.Form(schema, valid().form().order(), valid().form().ui());
        List<DesignProblem> problems = check(with(valid(), b -> {
            b.form = broken;
            return b;
        }));
        assertThat(problems).extracting(DesignProblem::code).containsOnly("catalog.check.invalid-schema");
        assertThat(problems).extracting(p -> p.arguments().getFirst()).contains("/properties/namaAnak/minLength");

        schema.put("properties", Map.of("ktp", Map.of("$ref", "https://contoh.id/skema.json"), "kode", Map.of("type", "string", "format", "kode-pos")));
        assertThat(codes(b -> {
            b.form = new ServiceDesign.Form(schema, List.of("ktp", "kode"), Map.of());
            return b;
        })).contains("catalog.check.schema-ref", "catalog.check.unknown-format", "catalog.check.field-label",
                "catalog.check.unknown-placeholder");
        assertThat(codes(b -> {
            b.form = new ServiceDesign.Form(Map.of("type", "array"), List.of(), Map.of());
            b.output = new OutputDocument("Surat", "{{decision.number}}", List.of());
            return b;
        })).containsExactly("catalog.check.form-not-object");
    }

    @Test
    void formFieldsMustBeNamedLabelledAndShown() {
        ServiceDesign.Form form = FormFields.form(List.of(FormFields.Field.of("nama", id.gerai.catalog.Widget.TEXT, true, "Nama", null)));
        Map<String, Object> schema = new LinkedHashMap<>(form.schema());
        Map<String, Object> props = new LinkedHashMap<>(castMap((Map<?, ?>) schema.get("properties")));
        props.put("Nama Lengkap", Map.of("type", "string"));
        schema.put("properties", props);
        schema.put("required", List.of("nama", "umur"));
        List<String> codes = codes(b -> {
            b.form = new ServiceDesign.Form(schema, List.of("nama", "alamat"), form.ui());
            b.output = new OutputDocument("Surat", "{{nama}}", List.of());
            return b;
        });
        assertThat(codes).containsExactlyInAnyOrder("catalog.check.field-name", "catalog.check.field-label",
                "catalog.check.field-not-shown", "catalog.check.required-unknown", "catalog.check.order-unknown");
    }

    @Test
    void feeMustBeGivenAndNotNegative() {
        assertThat(codes(b -> b.fee(BigDecimal.valueOf(-1000)))).containsExactly("catalog.check.negative-fee");
        assertThat(codes(b -> b.fee(null))).containsExactly("catalog.check.no-fee");
        assertThat(codes(b -> b.fee(BigDecimal.valueOf(30000)))).isEmpty();
    }

    @Test
    void atLeastOneKnownChannel() {
        assertThat(codes(b -> {
            b.channels = List.of();
            return b;
        })).containsExactly("catalog.check.no-channel");
        assertThat(codes(b -> {
            b.channels = List.of("ONLINE", "WHATSAPP");
            return b;
        })).containsExactly("catalog.check.unknown-channel");
    }

    @Test
    void requiredDocumentsNeedKnownTypesAndASensibleSize() {
        List<DesignProblem> problems = check(with(valid(), b -> {
            b.documents = List.of(
                    new RequiredDocument("KK", "Kartu Keluarga", null, true, List.of("application/pdf", "application/x-msdownload"), 1024),
                    new RequiredDocument("KTP", "KTP-el", null, true, List.of("image/jpeg"), 0),
                    new RequiredDocument("FOTO", "Pas foto", null, true, List.of("image/png"), 20 * 1024 + 1),
                    new RequiredDocument("KK", "Kartu Keluarga lagi", null, false, List.of(), 100));
            return b;
        }));
        assertThat(problems).containsExactly(
                DesignProblem.of("documents[0]", "catalog.check.document-type", "KK", "application/x-msdownload"),
                DesignProblem.of("documents[1]", "catalog.check.document-size", "KTP", 20),
                DesignProblem.of("documents[2]", "catalog.check.document-size", "FOTO", 20),
                DesignProblem.of("documents[3]", "catalog.check.duplicate-document", "KK"),
                DesignProblem.of("documents[3]", "catalog.check.document-no-type", "KK"));
        assertThat(codes(b -> {
            b.documents = List.of(new RequiredDocument("FOTO", "Pas foto", null, true, List.of("image/png"), 20 * 1024));
            return b;
        })).isEmpty();
    }

    @Test
    void unknownCategoryOrLifeEvent() {
        assertThat(codes(b -> {
            b.category = "PARIWISATA";
            b.lifeEvents = List.of("KELAHIRAN", "LIBURAN");
            return b;
        })).containsExactly("catalog.check.unknown-category", "catalog.check.unknown-life-event");
        assertThat(codes(b -> {
            b.category = null;
            return b;
        })).containsExactly("catalog.check.no-category");
    }

    @Test
    void nameKindAndFormat() {
        assertThat(codes(b -> {
            b.name = " ";
            b.kindCode = "akta kelahiran";
            b.format = "lain/1";
            return b;
        })).containsExactly("catalog.check.format", "catalog.check.name", "catalog.check.kind-code");
    }

    @Test
    void everyCheckHasAMessageInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/catalog", "i18n/catalog-public");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        DesignProblem p = DesignProblem.of("standard.BIAYA", "catalog.check.missing-standard", StandardComponent.BIAYA);
        assertThat(messages.getMessage(p, Locale.forLanguageTag("id")))
                .isEqualTo("Komponen standar pelayanan \"Biaya/tarif\" wajib diisi karena diumumkan kepada masyarakat.");
        assertThat(messages.getMessage(p, Locale.ENGLISH))
                .isEqualTo("The service standard component \"Fee\" is required because it is published to citizens.");
        DesignProblem placeholder = DesignProblem.of("output.template", "catalog.check.unknown-placeholder", "namaAyah");
        assertThat(messages.getMessage(placeholder, Locale.ENGLISH)).contains("\"{{namaAyah}}\"");
        for (String code : List.of("catalog.check.time-exceeded", "catalog.check.unknown-role", "catalog.check.step-after-final")) {
            assertThat(messages.getMessage(code, new Object[] {"A", "B"}, Locale.ENGLISH)).doesNotContain("{");
            assertThat(messages.getMessage(code, new Object[] {"A", "B"}, Locale.forLanguageTag("id"))).doesNotContain("{");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
