package io.loadwise.identity;

import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the tenant of the authenticated user for the rest of the request.
 *
 * <p>Added to every security filter chain right after authentication, so the tenant always comes
 * from verified token claims and never from anything the client put in the request.
 */
public class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantId> tenant = CurrentUsers.current().flatMap(CurrentUser::tenantId);
        if (tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.bind(tenant.get())) {
            chain.doFilter(request, response);
        }
    }
}
