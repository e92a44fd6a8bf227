package io.loadwise.ui.privacy;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.loadwise.privacy.ClientExport;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A data export as a download link. The export is made (and audited) when the link is followed,
 * not when the page is shown, as the person who opened the page, in their business.
 */
final class Downloads {

    private Downloads() {}

    static DownloadHandler export(Supplier<ClientExport> export) {
        @Nullable TenantId tenant = TenantContext.current().orElse(null);
        SecurityContext security = SecurityContextHolder.getContext();
        return DownloadHandler.fromInputStream(event -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                ClientExport made = tenant == null ? export.get() : TenantContext.callAs(tenant, export);
                return new DownloadResponse(
                        new ByteArrayInputStream(made.archive()),
                        made.fileName(),
                        "application/zip",
                        made.archive().length);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }
}
