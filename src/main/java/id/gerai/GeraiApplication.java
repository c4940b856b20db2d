package id.gerai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gerai: the Mal Pelayanan Publik Digital. A modular monolith; each direct sub-package is a module
 * (see {@code shared/DESIGN.md}).
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
@EnableScheduling
public class GeraiApplication {

    public static void main(String[] args) {
        SpringApplication.run(GeraiApplication.class, args);
    }
}
