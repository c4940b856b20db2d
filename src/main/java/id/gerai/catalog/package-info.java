/**
 * Services and their versions: the published standard (14 components, six shown to citizens), the
 * application form (JSON Schema 2020-12 plus UI hints), required documents, fee, time limit, the
 * procedure, and the template of the issued document; versions (draft, published, retired), replication
 * of other tenants' designs (amati, tiru, modifikasi) with lineage, and the public catalogue and search.
 *
 * <p>A {@link ServiceDesign} is the whole design of one version and also the JSON import/export format.
 * A published version never changes; applications keep the version they were filed under.
 */
package id.gerai.catalog;
