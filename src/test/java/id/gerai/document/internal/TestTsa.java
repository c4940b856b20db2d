package id.gerai.document.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** A local RFC 3161 timestamp authority with its own test CA, for tests of PAdES B-T signatures. */
final class TestTsa implements AutoCloseable {

    private final HttpServer server;
    private final TimeStampResponseGenerator generator;
    private final AtomicLong serial = new AtomicLong(1);
    final AtomicInteger requests = new AtomicInteger();
    final X509Certificate certificate;

    TestTsa() throws Exception {
        KeyPair caKeys = Certificates.rsa();
        X509Certificate ca = Certificates.selfSignedCa(caKeys, Certificates.name("Test TSA CA", "Uji", null), Duration.ofDays(30));
        KeyPair keys = Certificates.rsa();
        certificate = Certificates.issue(keys, Certificates.name("Test TSA", "Uji", null), caKeys.getPrivate(), ca, Duration.ofDays(30), true);
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate, ca)));
        generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                requests.incrementAndGet();
                TimeStampRequest request = new TimeStampRequest(in.readAllBytes());
                TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date());
                byte[] body = response.getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void ignore(IOException e) {
    }
}
