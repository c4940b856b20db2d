package id.gerai.tenancy.internal;

import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the tenant named by a {@code {tenant}} path variable into the {@link TenantContext} for the whole
 * request, view rendering included; an unknown tenant is a 404 before any handler runs.
 */
@Configuration(proxyBeanMethods = false)
class TenantScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String ATTRIBUTE = "geraiTenant";

    private final TenancyService tenancy;

    TenantScopeInterceptor(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars == null || !vars.containsKey("tenant")) {
            return true;
        }
        Tenant tenant = tenancy.bySlug(vars.get("tenant")).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        request.setAttribute(ATTRIBUTE, tenant);
        TenantContext.enter(tenant.id());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        TenantContext.clear();
    }
}
