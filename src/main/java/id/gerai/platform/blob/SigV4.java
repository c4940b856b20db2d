package id.gerai.platform.blob;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for requests in the {@code Authorization} header, as S3 and every S3-compatible
 * store (MinIO, Ceph, Garage, SeaweedFS, the clouds' own) check it: a canonical request, the string to
 * sign, an HMAC-SHA256 key derived from the secret for the day, region and service, and the signature.
 * Verified against AWS's published examples in {@code SigV4Tests}.
 *
 * <p>The caller sends exactly the headers it signed (with the values given here) and the path and query of
 * the URI as given, already encoded once the S3 way ({@link #encode}).
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** SHA-256 of nothing: the payload hash of a GET or HEAD. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final byte[] secret;
    private final String region;
    private final String service;

    SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secret = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        this.region = region;
        this.service = service;
    }

    /** The value for {@code x-amz-date}. */
    static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * The {@code Authorization} header for a request.
     *
     * @param headers     every header to sign, {@code host} and {@code x-amz-date} included (names in any case)
     * @param payloadHash hex SHA-256 of the body, as sent in {@code x-amz-content-sha256}
     * @param at          the instant written in {@code x-amz-date}
     */
    String authorization(String method, URI uri, Map<String, String> headers, String payloadHash, Instant at) {
        Map<String, String> canonical = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonical.keySet());
        String amzDate = amzDate(at);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest(method, uri, canonical, payloadHash)));
        byte[] key = hmac(secret, amzDate.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    static String canonicalRequest(String method, URI uri, Map<String, String> canonicalHeaders, String payloadHash) {
        String headerLines = canonicalHeaders.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        return method + "\n" + canonicalPath(uri) + "\n" + canonicalQuery(uri) + "\n" + headerLines + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n" + payloadHash;
    }

    /** Names lower-cased and sorted, values trimmed with inner runs of spaces folded to one. */
    static Map<String, String> canonicalHeaders(Map<String, String> headers) {
        Map<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        return canonical;
    }

    /** Each path segment encoded once (S3 does not encode twice). */
    private static String canonicalPath(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> params = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String k = encode(URLDecoder.decode(kv[0], StandardCharsets.UTF_8));
            String v = kv.length > 1 ? encode(URLDecoder.decode(kv[1], StandardCharsets.UTF_8)) : "";
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().sorted().map(v -> e.getKey() + "=" + v))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding as SigV4 wants it: everything but {@code A-Z a-z 0-9 - _ . ~}, hex upper-case. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static byte[] sha256(String s) {
        return BlobIntake.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
