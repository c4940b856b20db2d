package id.gerai.performance.internal;

import id.gerai.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar gerai.jar --gerai.performance.rebuild=SLUG|all}: rebuilds the figures of one tenant (by its
 * slug) or of every tenant from the source tables, then stops the application with exit code 0 (1 when the
 * tenant is unknown).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class RebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final FigureMaintenance figures;
    private final ApplicationContext context;
    private final String target;

    RebuildCommand(FigureMaintenance figures, ApplicationContext context,
                   @Value("${gerai.performance.rebuild:}") String target) {
        this.figures = figures;
        this.context = context;
        this.target = target;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (target.isBlank()) {
            return;
        }
        int code = 0;
        if ("all".equalsIgnoreCase(target)) {
            log.info("Rebuilt figures of every tenant from {} events", figures.rebuildAll());
        } else {
            Tenant t = figures.tenant(target).orElse(null);
            if (t == null) {
                log.error("gerai.performance.rebuild: no tenant {}", target);
                code = 1;
            } else {
                log.info("Rebuilt figures of {} from {} events", t.name(), figures.rebuild(t.id()));
            }
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
