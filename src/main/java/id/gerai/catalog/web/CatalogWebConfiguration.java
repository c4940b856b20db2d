package id.gerai.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public catalogue's pieces that are not components themselves. */
@Configuration(proxyBeanMethods = false)
class CatalogWebConfiguration {

    /** Read at start-up, so a broken vocabulary file stops Gerai with the line it could not read. */
    @Bean
    SearchVocabulary searchVocabulary() {
        return SearchVocabulary.standard();
    }
}
