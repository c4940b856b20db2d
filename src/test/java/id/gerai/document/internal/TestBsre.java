package id.gerai.document.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a BSrE-style remote signing service, signing with test keys of its own CA: {@code POST
 * /api/v2/sign/pdf} with HTTP Basic credentials and JSON {@code {nik, passphrase, signatureProperties, file: [base64]}}
 * answers {@code {file: [base64]}}; a wrong passphrase or unknown NIK answers 400 with BSrE's error shape, wrong
 * credentials 401. {@link #tamper} makes it change the document before signing, as a broken or hostile service might.
 */
final class TestBsre implements AutoCloseable {

    static final String USER = "gerai";
    static final String PASSWORD = "rahasia-layanan";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeyPair caKeys;
    final X509Certificate ca;
    /** NIK to passphrase of the officials the service knows. */
    final Map<String, String> passphrases = new ConcurrentHashMap<>();
    private final Map<String, Signing> keys = new ConcurrentHashMap<>();
    final AtomicInteger signed = new AtomicInteger();
    volatile boolean tamper;

    private record Signing(KeyPair keys, X509Certificate certificate) {
    }

    TestBsre() throws IOException {
        caKeys = Certificates.rsa();
        ca = Certificates.selfSignedCa(caKeys, Certificates.name("Uji Balai Sertifikasi Elektronik", "Uji BSSN", null), Duration.ofDays(30));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/sign/pdf", this::sign);
        server.start();
    }

    /** A person the service has a certificate for. */
    void enrol(String nik, String name, String passphrase) {
        passphrases.put(nik, passphrase);
        KeyPair pair = Certificates.rsa();
        keys.put(nik, new Signing(pair, Certificates.issue(pair, Certificates.name(name, "Uji Pemerintah Daerah", null),
                caKeys.getPrivate(), ca, Duration.ofDays(30), false)));
    }

    X509Certificate certificateOf(String nik) {
        return keys.get(nik).certificate();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The service's CA as a PEM file, what an operator configures as trust anchors. */
    Path anchors(Path dir) throws Exception {
        Path file = dir.resolve("bsre-ca-" + server.getAddress().getPort() + ".pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    private void sign(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("status_code", 1001, "error", "Unauthorized"));
                return;
            }
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            String nik = request.path("nik").asString();
            String passphrase = request.path("passphrase").asString();
            if (!passphrases.containsKey(nik)) {
                answer(exchange, 400, Map.of("status_code", 2021, "error", "NIK tidak terdaftar"));
                return;
            }
            if (!passphrases.get(nik).equals(passphrase)) {
                answer(exchange, 400, Map.of("status_code", 2031, "error", "Passphrase anda salah"));
                return;
            }
            byte[] pdf = Base64.getDecoder().decode(request.path("file").path(0).asString());
            if (tamper) {
                String raw = new String(pdf, StandardCharsets.ISO_8859_1);
                pdf[raw.indexOf("/Title") + 8] ^= 0x20;
            }
            JsonNode properties = request.path("signatureProperties").path(0);
            Signing s = keys.get(nik);
            byte[] out = Pades.sign(pdf, s.certificate().getSubjectX500Principal().getName(), properties.path("reason").asString(),
                    properties.path("location").asString(), Instant.now(),
                    content -> Pades.cms(content, s.keys().getPrivate(), List.of(s.certificate(), ca), null));
            signed.incrementAndGet();
            answer(exchange, 200, Map.of("file", List.of(Base64.getEncoder().encodeToString(out))));
        } catch (RuntimeException e) {
            answer(exchange, 500, Map.of("error", String.valueOf(e)));
        }
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
