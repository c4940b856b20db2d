package id.gerai.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against the examples AWS publishes with fixed keys and dates: the four S3 examples of
 * "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk" (S3 API
 * reference) and {@code get-vanilla} of the general SigV4 test suite. Any difference in canonicalisation,
 * key derivation or formatting changes the signature.
 */
class SigV4Tests {

    static final String S3_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String S3_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant S3_DATE = Instant.parse("2013-05-24T00:00:00Z");
    static final SigV4 S3 = new SigV4(S3_ACCESS_KEY, S3_SECRET_KEY, "us-east-1", "s3");

    @Test
    void s3GetObjectWithRange() {
        Map<String, String> headers = headers("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", "20130524T000000Z");
        URI uri = URI.create("https://examplebucket.s3.amazonaws.com/test.txt");

        assertThat(SigV4.canonicalRequest("GET", uri, SigV4.canonicalHeaders(headers), SigV4.EMPTY_SHA256)).isEqualTo("""
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(S3.authorization("GET", uri, headers, SigV4.EMPTY_SHA256, S3_DATE)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void s3PutObjectWithAnEncodedKey() {
        String payloadHash = SigV4.hex(SigV4.sha256("Welcome to Amazon S3."));
        assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Map<String, String> headers = headers("Host", "examplebucket.s3.amazonaws.com", "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "x-amz-date", "20130524T000000Z", "x-amz-storage-class", "REDUCED_REDUNDANCY", "x-amz-content-sha256", payloadHash);
        URI uri = URI.create("https://examplebucket.s3.amazonaws.com/test%24file.text");

        assertThat(SigV4.canonicalRequest("PUT", uri, SigV4.canonicalHeaders(headers), payloadHash)).startsWith("PUT\n/test%24file.text\n\n");
        assertThat(S3.authorization("PUT", uri, headers, payloadHash, S3_DATE)).endsWith(
                "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void s3GetBucketLifecycleWithAnEmptyQueryValue() {
        Map<String, String> headers = headers("Host", "examplebucket.s3.amazonaws.com", "x-amz-date", "20130524T000000Z",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256);
        assertThat(S3.authorization("GET", URI.create("https://examplebucket.s3.amazonaws.com/?lifecycle"), headers,
                SigV4.EMPTY_SHA256, S3_DATE)).endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void s3ListObjectsWithSortedQueryParameters() {
        Map<String, String> headers = headers("Host", "examplebucket.s3.amazonaws.com", "x-amz-date", "20130524T000000Z",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256);
        assertThat(S3.authorization("GET", URI.create("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2"), headers,
                SigV4.EMPTY_SHA256, S3_DATE)).endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void generalSuiteGetVanilla() {
        SigV4 signer = new SigV4("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service");
        Map<String, String> headers = headers("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z");
        assertThat(signer.authorization("GET", URI.create("https://example.amazonaws.com/"), headers, SigV4.EMPTY_SHA256,
                Instant.parse("2015-08-30T12:36:00Z"))).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void encodesLikeSigV4WantsIt() {
        assertThat(SigV4.encode("a b/c~d_e.f-g$ü")).isEqualTo("a%20b%2Fc~d_e.f-g%24%C3%BC");
        assertThat(SigV4.amzDate(Instant.parse("2026-01-02T03:04:05.678Z"))).isEqualTo("20260102T030405Z");
    }

    private static Map<String, String> headers(String... nameValues) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.put(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }
}
