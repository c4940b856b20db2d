package id.gerai.application.internal;

import id.gerai.application.internal.DemoPeople.Person;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign.Option;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.Widget;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Fills a service's form for a demo applicant: a value for every field, by widget (text, date, NIK, region,
 * address, choice, group…) and, where the field's name says what it holds ({@code namaIbu}, {@code nomorKk},
 * {@code luasTanah}), a value that reads true for it. Everything passes the form's schema, so the applications
 * can be submitted. Also makes the files uploaded for the required documents: a one-page PDF and a small JPEG.
 */
final class DemoForms {

    /** What a form is filled from. */
    record Context(Person applicant, List<Person> others, Person child, String villageCode, String otherVillageCode,
                   String placeName, LocalDate today, Random random) {
    }

    private static final List<String> STREETS = List.of("Jl. Merdeka", "Jl. Melati", "Jl. Kenanga", "Gg. Mawar", "Jl. Diponegoro",
            "Jl. Sudirman", "Jl. Flamboyan", "Jl. Pahlawan");

    private DemoForms() {
    }

    /** Data for every field (or, with {@code partial}, for the first half: a draft being filled in). */
    static Map<String, Object> fill(List<Field> fields, Context c, boolean partial) {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean childForm = fields.stream().anyMatch(f -> f.name().equals("namaAnak"));
        boolean newborn = fields.stream().anyMatch(f -> f.name().equals("beratLahir") || f.name().equals("tempatDilahirkan"));
        Context ctx = newborn ? new Context(c.applicant(), c.others(), new Person(c.child().name(), c.child().female(),
                c.today().minusDays(12), null, null, c.child().occupation(), null), c.villageCode(), c.otherVillageCode(),
                c.placeName(), c.today(), c.random()) : c;
        int n = partial ? Math.max(1, fields.size() / 2) : fields.size();
        for (Field f : fields.subList(0, n)) {
            Object v = value(f, ctx, ctx.applicant(), childForm);
            if (v != null) {
                data.put(f.name(), v);
            }
        }
        return data;
    }

    /** A changed value for a field an officer asked to fix (the citizen's correction). */
    static Object corrected(Field f, Context c, Object before) {
        if (f.widget() == Widget.ADDRESS && before instanceof Map<?, ?> address) {
            Map<String, Object> fixed = new LinkedHashMap<>();
            address.forEach((k, v) -> fixed.put(String.valueOf(k), v));
            fixed.put("street", STREETS.get(c.random().nextInt(STREETS.size())) + " No. " + (10 + c.random().nextInt(80)));
            fixed.put("rt", "007");
            return fixed;
        }
        return value(f, c, c.applicant(), false);
    }

    /** {@code childForm}: the form is about the applicant's child (birth date and sex are the child's). */
    private static Object value(Field f, Context c, Person who, boolean childForm) {
        String name = f.name().toLowerCase(Locale.ROOT);
        Random r = c.random();
        return switch (f.widget()) {
            case TEXT -> fit(text(name, c, who), f);
            case TEXTAREA -> fit(longText(name, c), f);
            case NUMBER -> number(name, f, r);
            case DATE -> date(name, c, who, childForm).toString();
            case SELECT -> select(name, f, c, who, childForm);
            case MULTISELECT -> new ArrayList<>(List.of(f.options().getFirst().value()));
            case YESNO -> !name.startsWith("pernah");
            case NIK -> nik(name, c, who);
            case REGION -> c.villageCode();
            case ADDRESS -> address(name, c);
            case PHONE -> who.phone() != null ? who.phone() : c.applicant().phone();
            case EMAIL -> who.email() != null ? who.email() : f.required() ? "pemohon@contoh.id" : null;
            case GROUP -> rows(f, c);
        };
    }

    private static String text(String name, Context c, Person who) {
        if (name.equals("namaanak")) {
            return c.child().name();
        }
        if (name.equals("namaibu")) {
            return mother(c).name();
        }
        if (name.equals("namaayah")) {
            return father(c).name();
        }
        if (name.startsWith("nama")) {
            return who.name();
        }
        if (name.equals("nomorkk")) {
            // a family card number looks like a NIK: kecamatan, issue date, serial
            return c.applicant().nik().substring(0, 6) + "1203" + String.format("%02d", c.today().getYear() % 100 - 8)
                    + c.applicant().nik().substring(12);
        }
        if (name.equals("pekerjaan")) {
            return who.occupation();
        }
        if (name.equals("tempatlahir")) {
            return c.placeName();
        }
        if (name.equals("hubungan")) {
            return who.female() ? "Istri" : "Anak";
        }
        if (name.equals("nomorstr")) {
            return "3171" + c.applicant().nik().substring(6, 12) + "2100" + c.applicant().nik().substring(12);
        }
        if (name.equals("nomorskpwni")) {
            return "SKPWNI/" + c.otherVillageCode().substring(0, 5).replace(".", "") + "/" + c.today().getYear() + "/00"
                    + (1000 + c.random().nextInt(8999));
        }
        if (name.equals("nomorsertifikat")) {
            return "SHM No. " + (1000 + c.random().nextInt(8999)) + "/" + c.placeName();
        }
        if (name.equals("nomorlaporanpolisi")) {
            return "STPL/" + (100 + c.random().nextInt(800)) + "/" + c.today().getYear() + "/Sek";
        }
        if (name.equals("tempatpraktik")) {
            return "Klinik Pratama Sehat Bersama";
        }
        if (name.equals("jenjang")) {
            return "SMA";
        }
        if (name.equals("sekolah")) {
            return "SMA Negeri 1 " + c.placeName();
        }
        return "Data " + name;
    }

    private static String longText(String name, Context c) {
        return switch (name) {
            case "keperluan" -> "Sebagai persyaratan pengajuan kredit usaha rakyat di bank.";
            case "naskah" -> "Grand opening Toko Sembako Berkah, diskon hingga 20% untuk semua produk.";
            case "jadwal" -> "Senin sampai Jumat pukul 16.00-21.00, Sabtu pukul 08.00-12.00.";
            case "keterangan" -> "Untuk melengkapi persyaratan pengurusan di kecamatan.";
            default -> "Keterangan tambahan dari pemohon.";
        };
    }

    private static Object number(String name, Field f, Random r) {
        BigDecimal v = switch (name) {
            case "anakke" -> BigDecimal.valueOf(1 + r.nextInt(3));
            case "beratlahir" -> BigDecimal.valueOf(2800 + r.nextInt(900));
            case "penghasilan" -> BigDecimal.valueOf(900_000 + 100_000L * r.nextInt(10));
            case "lamatinggal" -> BigDecimal.valueOf(2 + r.nextInt(15));
            case "panjang" -> BigDecimal.valueOf(4);
            case "lebar" -> BigDecimal.valueOf(2 + r.nextInt(2));
            case "jumlahsisi" -> BigDecimal.ONE;
            case "jumlahlantai" -> BigDecimal.valueOf(1 + r.nextInt(2));
            case "luasbangunan" -> BigDecimal.valueOf(72 + 6 * r.nextInt(10));
            case "luastanah" -> BigDecimal.valueOf(120 + 10 * r.nextInt(10));
            case "tahunlulus" -> BigDecimal.valueOf(2005 + r.nextInt(10));
            default -> BigDecimal.ONE;
        };
        if (f.minimum() != null && v.compareTo(f.minimum()) < 0) {
            v = f.minimum();
        }
        if (f.maximum() != null && v.compareTo(f.maximum()) > 0) {
            v = f.maximum();
        }
        return v.stripTrailingZeros().scale() <= 0 ? (Object) v.intValueExact() : v;
    }

    private static LocalDate date(String name, Context c, Person who, boolean childForm) {
        return switch (name) {
            case "tanggallahir" -> childForm ? c.child().birth() : who.birth();
            case "tanggalmulai" -> c.today().plusDays(14);
            case "tanggalselesai" -> c.today().plusDays(14).plusMonths(6);
            default -> c.today();
        };
    }

    private static String select(String name, Field f, Context c, Person who, boolean childForm) {
        List<String> values = f.options().stream().map(Option::value).toList();
        if (name.equals("jeniskelamin")) {
            boolean female = childForm ? c.child().female() : who.female();
            String v = female ? "P" : "L";
            if (values.contains(v)) {
                return v;
            }
        }
        if (name.equals("hubungan")) {
            String v = c.applicant().female() ? "IBU" : "AYAH";
            if (values.contains(v)) {
                return v;
            }
        }
        return values.get(c.random().nextInt(Math.min(values.size(), 3)));
    }

    private static String nik(String name, Context c, Person who) {
        return switch (name) {
            case "nikibu" -> mother(c).nik();
            case "nikayah" -> father(c).nik();
            case "nikanak" -> c.child().nik();
            default -> who.nik();
        };
    }

    private static Person mother(Context c) {
        return c.applicant().female() ? c.applicant()
                : c.others().stream().filter(Person::female).findFirst().orElse(c.applicant());
    }

    private static Person father(Context c) {
        return !c.applicant().female() ? c.applicant()
                : c.others().stream().filter(p -> !p.female()).findFirst().orElse(c.applicant());
    }

    private static Map<String, Object> address(String name, Context c) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("street", STREETS.get(c.random().nextInt(STREETS.size())) + " No. " + (1 + c.random().nextInt(120)));
        a.put("rt", String.format("%03d", 1 + c.random().nextInt(9)));
        a.put("rw", String.format("%03d", 1 + c.random().nextInt(6)));
        a.put("villageCode", name.equals("alamatasal") ? c.otherVillageCode() : c.villageCode());
        return a;
    }

    /** Two rows: the people of the applicant's household (or witnesses), or a school history. */
    private static List<Map<String, Object>> rows(Field group, Context c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Person> people = group.name().toLowerCase(Locale.ROOT).contains("pindah")
                ? List.of(c.applicant(), c.others().getFirst()) : c.others().subList(0, 2);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field item : group.items()) {
                Object v = switch (item.name().toLowerCase(Locale.ROOT)) {
                    case "jenjang" -> i == 0 ? "SMP" : "SMA";
                    case "sekolah" -> (i == 0 ? "SMP Negeri 2 " : "SMA Negeri 1 ") + c.placeName();
                    case "tahunlulus" -> c.applicant().birth().getYear() + (i == 0 ? 15 : 18);
                    case "hubungan" -> people.get(i) == c.applicant() ? "Kepala keluarga" : people.get(i).female() ? "Istri" : "Anak";
                    default -> value(item, c, people.get(i), false);
                };
                if (v instanceof String s) {
                    v = fit(s, item);
                }
                row.put(item.name(), v);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String fit(String s, Field f) {
        int max = f.maxLength() == null ? FormFields.TEXT_MAX : f.maxLength();
        return s.length() <= max ? s : s.substring(0, max);
    }

    // --- files ------------------------------------------------------------------------------------------------

    private static final byte[] PDF = pdf("Dokumen persyaratan - contoh data demo Gerai");
    private static final byte[] JPEG = jpeg();

    /** A file the document accepts: the PDF where PDFs are allowed, else the JPEG. */
    static byte[] file(RequiredDocument d) {
        return d.types().isEmpty() || d.types().contains("application/pdf") ? PDF.clone() : JPEG.clone();
    }

    static String fileName(RequiredDocument d) {
        return d.code().toLowerCase(Locale.ROOT).replace('_', '-') + (file(d)[0] == '%' ? ".pdf" : ".jpg");
    }

    /** A valid one-page PDF showing {@code text} (cross-reference offsets computed, so any reader opens it). */
    static byte[] pdf(String text) {
        String content = "BT /F1 14 Tf 56 780 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A small photo-like JPEG (a document on a desk), drawn without fonts so it works on a headless server. */
    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x8d, 0x6e, 0x4c));
            g.fillRect(0, 0, 160, 120);
            g.setColor(new Color(0xf4, 0xf1, 0xea));
            g.fillRect(30, 10, 100, 100);
            g.setColor(new Color(0x55, 0x55, 0x55));
            for (int y = 25; y < 100; y += 10) {
                g.fillRect(40, y, y % 20 == 5 ? 80 : 60, 3);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
