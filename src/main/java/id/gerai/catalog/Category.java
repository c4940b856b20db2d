package id.gerai.catalog;

/** Catalogue categories (labels in the message bundle under {@code catalog.category.*}). */
public enum Category {
    KEPENDUDUKAN, PERIZINAN, KESEHATAN, KEPOLISIAN, PERPAJAKAN, PERTANAHAN, SOSIAL, PENDIDIKAN, KETENAGAKERJAAN, DESA, LAINNYA
}
