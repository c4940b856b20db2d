package id.gerai.document.internal;

import id.gerai.document.Signer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses and builds the {@link Signer} from {@link DocumentProperties}, refusing to start on a setting that
 * cannot work (the message names the setting): an unknown signer, a remote signer without URL or trust
 * anchors, a configured passphrase mode without a passphrase, PKCS#12 keys without a password when keys are
 * not generated, a number format without {@code {seq}} and {@code {year}}.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    Signer documentSigner(DocumentProperties p, JsonMapper json, @Value("${gerai.data-dir}") Path dataDir) {
        DocumentNumbers.validate(p.numberFormat(), "gerai.documents.number-format");
        TimestampClient tsa = p.tsa().configured()
                ? new TimestampClient(uri(p.tsa().url(), "gerai.documents.tsa.url"), p.tsa().username(), p.tsa().password(),
                p.tsa().timeout())
                : null;
        return switch (p.signer().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "pkcs12" -> {
                String scope = p.keys().scope().strip().toLowerCase(java.util.Locale.ROOT);
                if (!scope.equals("agency") && !scope.equals("official")) {
                    throw new IllegalStateException("gerai.documents.keys.scope must be 'agency' or 'official', not '" + scope + "'");
                }
                Path dir = p.keys().dir() != null ? p.keys().dir() : dataDir.resolve("keys");
                yield new Pkcs12Signer(new LocalKeys(dir, p.keys().password(), p.keys().generate()), scope.equals("official"), tsa);
            }
            case "remote" -> {
                DocumentProperties.Remote r = p.remote();
                if (!r.configured()) {
                    throw new IllegalStateException("gerai.documents.remote.url (GERAI_SIGNING_URL) is required with gerai.documents.signer=remote");
                }
                uri(r.url(), "gerai.documents.remote.url");
                if (r.trustAnchors() == null || r.trustAnchors().isBlank() || !Files.isReadable(Path.of(r.trustAnchors()))) {
                    throw new IllegalStateException("gerai.documents.remote.trust-anchors must name a readable PEM file of the CA "
                            + "certificates the signing service's certificates chain to");
                }
                String mode = r.passphraseMode() == null ? "" : r.passphraseMode().strip().toLowerCase(java.util.Locale.ROOT);
                if (!mode.equals("configured") && !mode.equals("interactive")) {
                    throw new IllegalStateException("gerai.documents.remote.passphrase-mode must be 'configured' or 'interactive'");
                }
                if (mode.equals("configured") && (r.passphrase() == null || r.passphrase().isEmpty())) {
                    throw new IllegalStateException("gerai.documents.remote.passphrase (GERAI_SIGNING_PASSPHRASE) is required with "
                            + "passphrase-mode=configured; use passphrase-mode=interactive to have officials type theirs");
                }
                yield new RemoteSigner(r, json);
            }
            default -> throw new IllegalStateException("gerai.documents.signer must be 'pkcs12' or 'remote', not '" + p.signer() + "'");
        };
    }

    private static URI uri(String value, String setting) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not a usable http(s) URL: " + value);
        }
    }
}
