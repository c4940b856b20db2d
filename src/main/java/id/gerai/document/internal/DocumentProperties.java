package id.gerai.document.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How documents are numbered, signed and retried ({@code gerai.documents.*}). {@link DocumentConfiguration}
 * rejects an inconsistent combination at start-up, naming the setting.
 *
 * @param signer         {@code pkcs12} (a key per agency or official in {@code keys.dir}) or {@code remote}
 *                       (a BSrE-style signing service)
 * @param numberFormat   the number of agencies that set none: {@code {seq}} or {@code {seq:N}} (zero-padded),
 *                       {@code {agency}} (its code), {@code {year}}, {@code {month}}, {@code {roman}} (the month
 *                       in Roman numerals); {@code {seq}} and {@code {year}} are required, since numbers run
 *                       per agency and year
 * @param retryAfter     a document still pending this long after its number was taken (a failed or
 *                       interrupted signing), or a completion event not handled this long, is tried again
 * @param retryInterval  how often the retry runs
 * @param completedEventsRetention how long a handled completion event stays in {@code event_publication} as the
 *                       trace that issuing ran for it (the issued document and its audit record are the lasting
 *                       record); older ones are deleted hourly
 * @param maxFileBytes   the largest signed PDF stored
 * @param verifyAttempts wrong number-and-code guesses one client may make per ten minutes
 */
@Validated
@ConfigurationProperties("gerai.documents")
record DocumentProperties(
        @DefaultValue("pkcs12") @NotBlank String signer,
        @DefaultValue("{seq:4}/{agency}/{year}") @NotBlank String numberFormat,
        @DefaultValue("2m") @NotNull Duration retryAfter,
        @DefaultValue("1m") @NotNull Duration retryInterval,
        @DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration completedEventsRetention,
        @DefaultValue("10485760") @Min(100_000) long maxFileBytes,
        @DefaultValue("20") @Min(1) @Max(10_000) int verifyAttempts,
        @Valid @NotNull @DefaultValue Keys keys,
        @Valid @NotNull @DefaultValue Tsa tsa,
        @Valid @NotNull @DefaultValue Remote remote) {

    /**
     * PKCS#12 keys of the {@code pkcs12} signer.
     *
     * @param dir      where the {@code .p12} files live ({@code ${gerai.data-dir}/keys})
     * @param password protects every key file ({@code GERAI_KEYSTORE_PASSWORD}); when blank and {@code generate}
     *                 is on, a random one is made once and kept in {@code dir/keystore.password} (owner-only)
     * @param generate make a missing key (and a local demo CA) on first use: for demonstrations and tests; such
     *                 signatures are uncertified in the sense of PP 71/2019. Off in production, where the
     *                 agency's certified key files are placed in {@code dir}
     * @param scope    {@code agency}: one key per agency ({@code dir/<tenant>/<agency>.p12}); {@code official}:
     *                 one per signing official ({@code dir/<tenant>/<agency>/<account>.p12}), falling back to the
     *                 agency's
     */
    record Keys(Path dir, String password, @DefaultValue("true") boolean generate,
                @DefaultValue("agency") @NotBlank String scope) {
    }

    /**
     * An RFC 3161 timestamp authority; with a URL every signature gets a signature timestamp (PAdES B-T).
     *
     * @param url      blank: no timestamp (PAdES B-B)
     * @param username optional HTTP Basic credentials
     */
    record Tsa(String url, String username, String password, @DefaultValue("10s") @NotNull Duration timeout) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The remote signer: a BSrE-style service ({@code POST {url}{signPath}} with JSON
     * {@code {nik, passphrase, signatureProperties:[{tampilan: "INVISIBLE", reason, location}], file: [base64]}},
     * HTTP Basic, answering {@code {file: [base64]}}).
     *
     * @param url            the service's base URL
     * @param signPath       the signing endpoint
     * @param username       HTTP Basic user ({@code GERAI_SIGNING_USER})
     * @param password       HTTP Basic password ({@code GERAI_SIGNING_PASSWORD})
     * @param passphraseMode {@code configured}: the passphrase below signs every document as soon as it is
     *                       approved; {@code interactive}: the document waits until its official enters their
     *                       passphrase on the documents page
     * @param passphrase     for {@code configured} ({@code GERAI_SIGNING_PASSPHRASE})
     * @param nik            the NIK used when the official has none on record (e.g. an agency seal); optional
     * @param trustAnchors   a PEM file of the CA certificates the service's signing certificates must chain to
     */
    record Remote(String url, @DefaultValue("/api/v2/sign/pdf") String signPath, String username, String password,
                  @DefaultValue("configured") String passphraseMode, String passphrase, String nik, String trustAnchors,
                  @DefaultValue("30s") @NotNull Duration timeout) {

        boolean configured() {
            return url != null && !url.isBlank();
        }

        boolean interactive() {
            return "interactive".equalsIgnoreCase(passphraseMode);
        }
    }
}
