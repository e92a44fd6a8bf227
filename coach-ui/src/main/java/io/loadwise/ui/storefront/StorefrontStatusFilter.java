package io.loadwise.ui.storefront;

import io.loadwise.tenancy.TenantDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a storefront address that no open coaching business uses the HTTP status 404 (a business
 * whose owner has not confirmed their email yet has no storefront).
 *
 * <p>Vaadin answers the first request for any route with its page shell and status 200, and
 * renders the view (here, the not-found page) in a later request; search engines and link
 * checkers only see the first. So the status is decided here, from the same slug lookup the view
 * does, and Vaadin still writes the page that explains it.
 */
class StorefrontStatusFilter extends OncePerRequestFilter {

    static final String PREFIX = "/t/";

    private final TenantDirectory tenants;

    StorefrontStatusFilter(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Only page loads; Vaadin's own requests carry a v-r parameter.
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(PREFIX)) {
            String slug = path.substring(PREFIX.length());
            if (!slug.isEmpty()
                    && !slug.contains("/")
                    && tenants.findStorefront(slug).isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        }
        chain.doFilter(request, response);
    }
}
