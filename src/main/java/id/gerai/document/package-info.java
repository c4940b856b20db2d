/**
 * Issued documents: when an application's last step approves, its service's document template is rendered
 * into a PDF/A-2b with the agency's letterhead, a gap-free number per agency and year, the form and decision
 * data, the signing official and a QR code to its public verification page; the PDF is signed (PAdES,
 * through a {@link id.gerai.document.Signer}), stored, and the applicant is told. Anyone can verify a
 * document by its QR code, by uploading the file, or by its number and short code; the agency can revoke a
 * document and issue a corrected one in its place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issued documents")
package id.gerai.document;
