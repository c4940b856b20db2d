package id.gerai.document.internal;

import id.gerai.document.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs through a remote signing service with a BSrE-style API: {@code POST {url}/api/v2/sign/pdf} with HTTP
 * Basic credentials and JSON {@code {nik, passphrase, signatureProperties: [{tampilan: "INVISIBLE", reason,
 * location}], file: [base64 PDF]}}, answered by {@code {file: [base64 signed PDF]}}. The official is named by
 * their NIK; the passphrase is either configured (an agency seal, or unattended signing) or typed by the
 * official for each document ({@code interactive}).
 *
 * <p>Gerai does not take the service's word for it: the answer must be the PDF that was sent plus one
 * signature over the whole file that verifies, by a certificate that chains to a configured trust anchor
 * (the BSrE root, say). Only then is it stored, and its certificate recorded as trusted for the agency.
 */
final class RemoteSigner implements Signer {

    private final URI endpoint;
    private final String authorization;
    private final DocumentProperties.Remote settings;
    private final Set<TrustAnchor> anchors;
    private final JsonMapper json;
    private final HttpClient http;

    RemoteSigner(DocumentProperties.Remote settings, JsonMapper json) {
        this.settings = settings;
        this.endpoint = URI.create(settings.url().replaceAll("/+$", "") + settings.signPath());
        this.authorization = settings.username() == null || settings.username().isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                + (settings.password() == null ? "" : settings.password())).getBytes(StandardCharsets.UTF_8));
        this.anchors = anchors(Path.of(settings.trustAnchors()));
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String kind() {
        return "remote";
    }

    @Override
    public boolean needsPassphrase() {
        return settings.interactive();
    }

    @Override
    public SignedPdf sign(SigningRequest r) {
        String nik = r.officialNik() != null && !r.officialNik().isBlank() ? r.officialNik() : settings.nik();
        if (nik == null || nik.isBlank()) {
            throw new SigningFailed("signer-no-nik", "No NIK on record for official " + r.officialId()
                    + " and no gerai.documents.remote.nik");
        }
        String passphrase = settings.interactive()
                ? (r.passphrase() == null ? null : new String(r.passphrase()))
                : settings.passphrase();
        if (passphrase == null || passphrase.isEmpty()) {
            throw new SigningFailed("signer-passphrase-missing", "No passphrase for remote signing");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tampilan", "INVISIBLE");
        properties.put("reason", r.reason());
        properties.put("location", r.location());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nik", nik);
        body.put("passphrase", passphrase);
        body.put("signatureProperties", List.of(properties));
        body.put("file", List.of(Base64.getEncoder().encodeToString(r.pdf())));

        HttpResponse<byte[]> answer = post(json.writeValueAsBytes(body));
        int status = answer.statusCode();
        if (status == 401 || status == 403) {
            throw new SigningFailed("signer-refused", "Signing service refused Gerai's credentials (HTTP " + status + ")");
        }
        if (status >= 400 && status < 500) {
            throw new SigningFailed("signer-passphrase-refused", "Signing service refused the request (HTTP " + status
                    + "): " + error(answer.body()));
        }
        if (status != 200) {
            throw new SigningFailed("signer-unavailable", "Signing service answered HTTP " + status);
        }
        byte[] signed;
        try {
            JsonNode files = json.readTree(answer.body()).path("file");
            signed = Base64.getDecoder().decode(files.path(0).asString());
        } catch (RuntimeException e) {
            throw new SigningFailed("signer-bad-answer", "Signing service's answer holds no signed file", e);
        }
        return checked(r.pdf(), signed);
    }

    /** The answer must be what was sent plus one intact signature by a certificate that chains to an anchor. */
    private SignedPdf checked(byte[] sent, byte[] signed) {
        if (signed.length <= sent.length || Arrays.mismatch(sent, Arrays.copyOf(signed, sent.length)) != -1) {
            throw new SigningFailed("signer-bad-answer", "Signing service changed the document instead of appending a signature");
        }
        SignatureCheck.Report report = SignatureCheck.inspect(signed);
        if (!report.intact() || report.certificate() == null) {
            throw new SigningFailed("signer-bad-answer", "Signing service's signature does not verify over the whole file");
        }
        List<X509Certificate> chain = chain(report.certificate(), signed);
        return new SignedPdf(signed, report.certificate(), chain, report.timestampedAt() != null);
    }

    private List<X509Certificate> chain(X509Certificate certificate, byte[] signed) {
        List<X509Certificate> embedded = new ArrayList<>(List.of(certificate));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature signature = doc.getLastSignatureDictionary();
            CMSSignedData cms = SignatureCheck.parse(signature.getContents(signed), null);
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                X509Certificate c = SignatureCheck.x509(holder.getEncoded());
                if (!c.equals(certificate)) {
                    embedded.add(c);
                }
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(embedded)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return List.copyOf(embedded);
        } catch (GeneralSecurityException e) {
            throw new SigningFailed("signer-untrusted", "The signing certificate " + certificate.getSubjectX500Principal()
                    + " does not chain to gerai.documents.remote.trust-anchors", e);
        } catch (IOException | org.bouncycastle.cms.CMSException e) {
            throw new SigningFailed("signer-bad-answer", "Cannot read the signing service's certificates", e);
        }
    }

    private HttpResponse<byte[]> post(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SigningFailed("signer-unavailable", "Signing service not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningFailed("signer-unavailable", "Interrupted while waiting for the signing service", e);
        }
    }

    /** The service's error text, kept short for the log (never shown to citizens). */
    private String error(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    static Set<TrustAnchor> anchors(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Set<TrustAnchor> anchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> new TrustAnchor((X509Certificate) c, null)).collect(Collectors.toSet());
            if (anchors.isEmpty()) {
                throw new IllegalStateException("gerai.documents.remote.trust-anchors: no certificate in " + pem);
            }
            return anchors;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("gerai.documents.remote.trust-anchors: cannot read " + pem + ": " + e.getMessage(), e);
        }
    }
}
