package id.gerai.catalog;

/**
 * The 14 components of a Standar Pelayanan (UU 25/2009; PermenPAN-RB 15/2014). The first six are about
 * delivery and are published to citizens; the other eight are about internal management.
 */
public enum StandardComponent {
    PERSYARATAN(true),
    PROSEDUR(true),
    JANGKA_WAKTU(true),
    BIAYA(true),
    PRODUK(true),
    PENGADUAN(true),
    DASAR_HUKUM(false),
    SARANA_PRASARANA(false),
    KOMPETENSI_PELAKSANA(false),
    PENGAWASAN_INTERNAL(false),
    JUMLAH_PELAKSANA(false),
    JAMINAN_PELAYANAN(false),
    JAMINAN_KEAMANAN(false),
    EVALUASI_KINERJA(false);

    private final boolean published;

    StandardComponent(boolean published) {
        this.published = published;
    }

    public boolean published() {
        return published;
    }
}
