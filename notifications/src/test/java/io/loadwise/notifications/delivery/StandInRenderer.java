package io.loadwise.notifications.delivery;

import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.RenderedMail;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A small real renderer for delivery's tests until the template renderer is on main: refuses a
 * model without the type's required variables, writes every model value into the text, and signs
 * the unsubscribe link. Only tests that {@code @Import} {@link Config} get it.
 */
public class StandInRenderer implements NotificationRenderer {

    private final TenantDirectory tenants;
    private final UnsubscribeLinks links;
    private final java.util.concurrent.ConcurrentMap<io.loadwise.tenancy.TenantId, Tenant> names =
            new java.util.concurrent.ConcurrentHashMap<>();

    StandInRenderer(TenantDirectory tenants, UnsubscribeLinks links) {
        this.tenants = tenants;
        this.links = links;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        StandInRenderer standInRenderer(TenantDirectory tenants, UnsubscribeLinks links) {
            return new StandInRenderer(tenants, links);
        }
    }

    @Override
    public RenderedMail mail(RenderRequest request) {
        requireModel(request);
        Tenant tenant = names.computeIfAbsent(
                request.tenantId(), id -> tenants.findById(id).orElseThrow());
        String subject = request.type().key() + " for " + request.recipient().name();
        String text = "Hi " + request.recipient().name() + ",\n" + new TreeMap<>(request.model()) + "\n";
        String html = "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(text) + "</p>";
        String unsubscribe = request.type().transactional()
                ? null
                : links.url(request.tenantId(), request.recipient().email(), request.type());
        return new RenderedMail(subject, text, html, tenant.name(), unsubscribe);
    }

    @Override
    public RenderedInApp inApp(RenderRequest request) {
        requireModel(request);
        return new RenderedInApp(request.type().key(), String.valueOf(new TreeMap<>(request.model())), request.link());
    }

    private static void requireModel(RenderRequest request) {
        Map<String, Object> model = request.model();
        List<String> missing = request.type().required().stream()
                .filter(k -> !model.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            throw new TemplateVariableMissingException(request.type(), missing);
        }
    }
}
