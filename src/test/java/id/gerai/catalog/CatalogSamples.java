package id.gerai.catalog;

import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign.OutputDocument;
import id.gerai.catalog.ServiceDesign.Procedure;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Designs for tests: one that passes every check, and ways to break it one thing at a time. */
public final class CatalogSamples {

    private CatalogSamples() {
    }

    public static final List<Field> FIELDS = List.of(
            Field.of("namaAnak", Widget.TEXT, true, "Nama anak", "Child's name"),
            Field.of("tanggalLahir", Widget.DATE, true, "Tanggal lahir", "Date of birth"),
            Field.choice("jenisKelamin", Widget.SELECT, true, "Jenis kelamin", "Sex",
                    List.of(FormFields.option("L", "Laki-laki", "Male"), FormFields.option("P", "Perempuan", "Female"))),
            Field.of("nikIbu", Widget.NIK, true, "NIK ibu", "Mother's NIK"),
            Field.of("tempatLahir", Widget.REGION, true, "Tempat lahir", "Place of birth"),
            Field.of("alamat", Widget.ADDRESS, false, "Alamat", "Address"),
            Field.of("beratLahir", Widget.NUMBER, false, "Berat lahir (gram)", "Birth weight (grams)")
                    .withBounds(BigDecimal.valueOf(300), BigDecimal.valueOf(8000)),
            Field.of("kembar", Widget.YESNO, false, "Kelahiran kembar", "Multiple birth"),
            Field.of("telepon", Widget.PHONE, false, "Nomor telepon", "Phone number"),
            Field.of("email", Widget.EMAIL, false, "E-mail", "E-mail"),
            Field.of("catatan", Widget.TEXTAREA, false, "Catatan", "Notes"),
            Field.choice("dokumenTambahan", Widget.MULTISELECT, false, "Dokumen tambahan", "Extra documents",
                    List.of(FormFields.option("KIA", "Kartu Identitas Anak", "Child ID card"),
                            FormFields.option("KK", "Kartu Keluarga baru", "New family card"))),
            Field.group("saksi", true, "Saksi", "Witnesses", List.of(
                    Field.of("nama", Widget.TEXT, true, "Nama saksi", "Witness name"),
                    Field.of("nik", Widget.NIK, true, "NIK saksi", "Witness NIK"))));

    public static ServiceDesign valid() {
        return valid("AKTA_KELAHIRAN", "Akta Kelahiran");
    }

    public static ServiceDesign valid(String kindCode, String name) {
        Map<StandardComponent, String> standard = new EnumMap<>(StandardComponent.class);
        standard.put(StandardComponent.PERSYARATAN, "Surat keterangan lahir, KK, KTP-el orang tua");
        standard.put(StandardComponent.PROSEDUR, "Ajukan daring, verifikasi, penandatanganan");
        standard.put(StandardComponent.JANGKA_WAKTU, "3 hari kerja");
        standard.put(StandardComponent.BIAYA, "Gratis");
        standard.put(StandardComponent.PRODUK, "Akta kelahiran elektronik");
        standard.put(StandardComponent.PENGADUAN, "SP4N-LAPOR! dan loket pengaduan MPP");
        standard.put(StandardComponent.DASAR_HUKUM, "UU 24/2013; Perpres 96/2018");
        return new ServiceDesign(ServiceDesign.FORMAT, name, name + " (en)", "Ringkasan " + name, "Summary", kindCode,
                "KEPENDUDUKAN", List.of("KELAHIRAN"), List.of("ONLINE", "MPP"), standard, BigDecimal.ZERO, 3,
                List.of(new RequiredDocument("SKL", "Surat keterangan lahir", "Birth certificate from the hospital", true,
                        List.of("application/pdf", "image/jpeg"), 2048)),
                FormFields.form(FIELDS),
                new Procedure(List.of(
                        new Step("VERIFIKASI", "Verifikasi berkas", "Check documents", "PETUGAS_INSTANSI", null, 1,
                                List.of("APPROVE", "CORRECTION", "REJECT"), null, false),
                        new Step("TTD", "Penandatanganan", "Signing", "PETUGAS_INSTANSI", null, 2,
                                List.of("APPROVE", "REJECT"), null, true))),
                new OutputDocument("Kutipan Akta Kelahiran",
                        "Telah lahir {{namaAnak}} pada {{tanggalLahir}} di {{tempatLahir}}, alamat {{alamat.street}}. "
                                + "Nomor {{decision.number}}, pemohon {{applicant.name}}, layanan {{service.name}}.",
                        List.of("namaAnak", "saksi")));
    }

    /** {@code d} with one thing changed, by rebuilding it through {@code change}. */
    public static ServiceDesign with(ServiceDesign d, UnaryOperator<Builder> change) {
        return change.apply(new Builder(d)).build();
    }

    /** A mutable copy of a design for tests that break one part. */
    public static final class Builder {
        public String format;
        public String name;
        public String nameEn;
        public String summary;
        public String summaryEn;
        public String kindCode;
        public String category;
        public List<String> lifeEvents;
        public List<String> channels;
        public Map<StandardComponent, String> standard;
        public BigDecimal fee;
        public int timeLimitDays;
        public List<RequiredDocument> documents;
        public ServiceDesign.Form form;
        public Procedure procedure;
        public OutputDocument output;

        Builder(ServiceDesign d) {
            format = d.format();
            name = d.name();
            nameEn = d.nameEn();
            summary = d.summary();
            summaryEn = d.summaryEn();
            kindCode = d.kindCode();
            category = d.category();
            lifeEvents = d.lifeEvents();
            channels = d.channels();
            standard = new EnumMap<>(StandardComponent.class);
            standard.putAll(d.standard());
            fee = d.fee();
            timeLimitDays = d.timeLimitDays();
            documents = d.documents();
            form = d.form();
            procedure = d.procedure();
            output = d.output();
        }

        public ServiceDesign build() {
            return new ServiceDesign(format, name, nameEn, summary, summaryEn, kindCode, category, lifeEvents, channels, standard,
                    fee, timeLimitDays, documents, form, procedure, output);
        }

        public Builder timeLimitDays(int days) {
            timeLimitDays = days;
            return this;
        }

        public Builder fee(BigDecimal amount) {
            fee = amount;
            return this;
        }

        public Builder steps(Step... steps) {
            procedure = new Procedure(List.of(steps));
            return this;
        }
    }

    public static Step step(String code, int days, String group, boolean last) {
        return new Step(code, "Langkah " + code, null, "PETUGAS_INSTANSI", null, days, List.of("APPROVE", "REJECT"), group, last);
    }
}
