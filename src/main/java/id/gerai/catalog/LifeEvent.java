package id.gerai.catalog;

/** Life events a citizen can browse by (labels under {@code catalog.life-event.*}). */
public enum LifeEvent {
    KELAHIRAN, PENDIDIKAN, PEKERJAAN, PERNIKAHAN, PINDAH_DOMISILI, USAHA, MEMBANGUN_RUMAH, KESEHATAN, BANTUAN_SOSIAL, KEMATIAN, KENDARAAN
}
