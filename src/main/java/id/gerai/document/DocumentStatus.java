package id.gerai.document;

/**
 * Where an issued document stands.
 *
 * <ul>
 *   <li>{@code PENDING}: its number is taken (numbers are reserved with the row, so none is ever lost), the
 *       signed PDF is not stored yet: being signed, waiting for a retry, or waiting for the official's passphrase;</li>
 *   <li>{@code ISSUED}: signed and stored, valid;</li>
 *   <li>{@code REVOKED}: withdrawn by the agency (with a date and a reason), possibly replaced by a corrected one.</li>
 * </ul>
 */
public enum DocumentStatus {
    PENDING, ISSUED, REVOKED
}
