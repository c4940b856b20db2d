package id.gerai.platform.blob;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the blob store: an S3-compatible bucket when {@code gerai.blob.s3.endpoint} ({@code GERAI_S3_ENDPOINT})
 * is set, otherwise the local folder {@code gerai.blobs.dir} (default {@code $GERAI_DATA_DIR/blobs}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Settings.class)
class BlobStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(S3Settings s3, @Value("${gerai.blobs.dir:${gerai.data-dir}/blobs}") Path localRoot) {
        if (s3.enabled()) {
            log.info("Blob store: S3 bucket {} at {} ({}, key prefix '{}')", s3.bucket(), s3.endpoint(),
                    s3.pathStyle() ? "path-style" : "virtual-hosted", s3.prefix());
            // uploads wait here while they are checked, before anything reaches the bucket
            Path staging = Path.of(System.getProperty("java.io.tmpdir"), "gerai-blob-uploads");
            return new S3BlobStore(s3, staging, Clock.systemUTC());
        }
        log.info("Blob store: local folder {}", localRoot.toAbsolutePath().normalize());
        return new LocalBlobStore(localRoot);
    }
}
