package id.gerai.platform.blob;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An S3-compatible bucket for the blob store; with an endpoint set it replaces the local folder. Checked when
 * bound, so a wrong setting stops start-up with a message naming it.
 *
 * @param endpoint       the service's base URL ({@code GERAI_S3_ENDPOINT}), e.g. {@code https://s3.ap-southeast-3.amazonaws.com}
 *                       or {@code http://minio:9000}; blank keeps the local folder
 * @param bucket         the bucket, which must exist ({@code GERAI_S3_BUCKET})
 * @param region         the region the signature names ({@code GERAI_S3_REGION}); most S3-compatible servers accept
 *                       {@code us-east-1}
 * @param accessKey      the access key id ({@code GERAI_S3_ACCESS_KEY})
 * @param secretKey      the secret key ({@code GERAI_S3_SECRET_KEY}); never logged
 * @param pathStyle      {@code true}: {@code endpoint/bucket/key} (MinIO, Ceph, most self-hosted servers);
 *                       {@code false}: {@code bucket.endpoint/key} (virtual-hosted, as AWS prefers)
 * @param prefix         put before every object key, e.g. {@code gerai/blobs/}; empty for a bucket of its own
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer, an upload's transfer included
 */
@ConfigurationProperties("gerai.blob.s3")
record S3Settings(
        String endpoint,
        String bucket,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey,
        @DefaultValue("true") boolean pathStyle,
        String prefix,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("2m") Duration requestTimeout) {

    S3Settings {
        endpoint = blankToNull(endpoint);
        prefix = prefix == null ? "" : prefix.strip();
        if (endpoint != null) {
            uri(endpoint);
            if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw invalid("bucket", "must be a bucket name (3 to 63 of a-z 0-9 . -)");
            }
            if (region == null || !region.matches("[a-z0-9-]+")) {
                throw invalid("region", "must be a region name such as us-east-1");
            }
            if (blankToNull(accessKey) == null || blankToNull(secretKey) == null) {
                throw invalid(blankToNull(accessKey) == null ? "access-key" : "secret-key", "is required with an endpoint");
            }
            if (!prefix.matches("[A-Za-z0-9._/-]*") || prefix.startsWith("/") || prefix.contains("//")) {
                throw invalid("prefix", "may hold only A-Z a-z 0-9 . _ - and single slashes, not first");
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                    || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw invalid("connect-timeout/request-timeout", "must be positive durations");
            }
        }
    }

    boolean enabled() {
        return endpoint != null;
    }

    URI endpointUri() {
        return uri(endpoint);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=(hidden), pathStyle=" + pathStyle + ", prefix=" + prefix + "]";
    }

    private static URI uri(String endpoint) {
        URI u;
        try {
            u = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw invalid("endpoint", "not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw invalid("endpoint", "must be an absolute http:// or https:// URL");
        }
        if ((u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) || u.getQuery() != null) {
            throw invalid("endpoint", "must be the server's base URL, without a path or query");
        }
        return u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static IllegalArgumentException invalid(String setting, String why) {
        return new IllegalArgumentException("gerai.blob.s3." + setting + ": " + why);
    }
}
