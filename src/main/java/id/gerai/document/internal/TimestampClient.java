package id.gerai.document.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp authority over HTTP ({@code application/timestamp-query}). Every request carries a
 * random nonce and asks for the TSA's certificate; the answer is checked against the request (imprint, nonce,
 * status) before its token is used.
 */
final class TimestampClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    TimestampClient(URI url, String username, String password, Duration timeout) {
        this.url = url;
        this.authorization = username == null || username.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password))
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A token over {@code sha256} (the SHA-256 of the signature value). */
    TimeStampToken timestamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            HttpRequest.Builder http = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            if (authorization != null) {
                http.header("Authorization", authorization);
            }
            HttpResponse<byte[]> answer = this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Timestamp authority answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IllegalStateException("Timestamp authority refused: status " + response.getStatus()
                        + " " + response.getStatusString());
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Timestamp authority not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the timestamp authority", e);
        } catch (TSPException e) {
            throw new IllegalStateException("Timestamp authority's answer does not match the request", e);
        }
    }
}
