/**
 * Services and their versions: the published standard (14 components, six shown to citizens), the
 * application form (JSON Schema 2020-12 plus UI hints), required documents, fee, time limit, the
 * procedure, and the template of the issued document; versions (draft, published, retired), replication
 * of other tenants' designs (amati, tiru, modifikasi) with lineage, and the public catalogue and search.
 *
 * <p>The API other modules and the pages use:
 * <ul>
 *   <li>{@link id.gerai.catalog.CatalogApi}: reading services and versions, the publishing checks, the
 *       lifecycle (create, update the draft, publish, retire, new draft), export/import, replication, and
 *       who may edit;</li>
 *   <li>{@link id.gerai.catalog.FormFields}: the JSON Schema fragment and UI hint of each
 *       {@link id.gerai.catalog.Widget}, so the editor adds fields without writing JSON;</li>
 *   <li>{@link id.gerai.catalog.FormValidator}: checks submitted form data against a version's schema and
 *       answers field-level message keys ({@link id.gerai.catalog.FormProblem});</li>
 *   <li>{@link id.gerai.catalog.DesignDiff}: what changed between two designs;</li>
 *   <li>events {@link id.gerai.catalog.ServicePublished} and {@link id.gerai.catalog.ServiceRetired},
 *       published in the transaction that made the change.</li>
 * </ul>
 *
 * <p>A {@link ServiceDesign} is the whole design of one version and also the JSON import/export format.
 * A published version never changes (the database refuses it too); applications keep the version they
 * were filed under.
 */
package id.gerai.catalog;
