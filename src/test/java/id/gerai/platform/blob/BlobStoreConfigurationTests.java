package id.gerai.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The local folder unless an S3 endpoint is set; a wrong S3 setting stops start-up naming it. */
class BlobStoreConfigurationTests {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner().withUserConfiguration(BlobStoreConfiguration.class)
                .withPropertyValues("gerai.data-dir=" + dataDir);
    }

    @Test
    void aLocalFolderWithoutAnEndpoint() {
        context().withPropertyValues("gerai.blob.s3.endpoint=").run(c ->
                assertThat(c).hasSingleBean(BlobStore.class).getBean(BlobStore.class).isInstanceOf(LocalBlobStore.class));
    }

    @Test
    void anS3BucketWithAnEndpoint() {
        context().withPropertyValues("gerai.blob.s3.endpoint=http://127.0.0.1:9000", "gerai.blob.s3.bucket=gerai",
                "gerai.blob.s3.access-key=ak", "gerai.blob.s3.secret-key=rahasia-sekali").run(c -> {
                    assertThat(c).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class);
                    S3Settings s3 = c.getBean(S3Settings.class);
                    assertThat(s3.pathStyle()).isTrue();
                    assertThat(s3.region()).isEqualTo("us-east-1");
                    assertThat(s3.prefix()).isEmpty();
                    assertThat(s3.toString()).doesNotContain("rahasia-sekali");
                });
    }

    @Test
    void aWrongS3SettingStopsStartUpNamingIt() {
        String[] complete = {"gerai.blob.s3.endpoint=http://127.0.0.1:9000", "gerai.blob.s3.bucket=gerai",
                "gerai.blob.s3.access-key=ak", "gerai.blob.s3.secret-key=sk"};
        Map.of("gerai.blob.s3.bucket=", "gerai.blob.s3.bucket",
                        "gerai.blob.s3.bucket=Bukan_Nama", "gerai.blob.s3.bucket",
                        "gerai.blob.s3.secret-key=", "gerai.blob.s3.secret-key",
                        "gerai.blob.s3.access-key=", "gerai.blob.s3.access-key",
                        "gerai.blob.s3.endpoint=minio:9000", "gerai.blob.s3.endpoint",
                        "gerai.blob.s3.endpoint=http://minio:9000/gerai", "gerai.blob.s3.endpoint",
                        "gerai.blob.s3.prefix=/abs", "gerai.blob.s3.prefix")
                .forEach((wrong, named) -> context().withPropertyValues(complete).withPropertyValues(wrong).run(c ->
                        assertThat(c).as(wrong).hasFailed().getFailure().rootCause()
                                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named)));
    }
}
