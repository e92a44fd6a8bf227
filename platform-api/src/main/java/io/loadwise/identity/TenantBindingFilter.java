package io.loadwise.identity;

import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the tenant of the authenticated user for the rest of the request.
 *
 * <p>Added to every security filter chain right after authentication, so the tenant always comes
 * from verified token claims and never from anything the client put in the request. A member the
 * business removed is refused here (403), even while a token or session from before their removal
 * still names the tenant.
 */
public class TenantBindingFilter extends OncePerRequestFilter {

    private final RemovedMembers removedMembers;

    public TenantBindingFilter(RemovedMembers removedMembers) {
        this.removedMembers = removedMembers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = CurrentUsers.current();
        Optional<TenantId> tenant = user.flatMap(CurrentUser::tenantId);
        if (tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (removedMembers.isRemoved(tenant.get(), user.get().userId())) {
            refuse(request, response);
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.bind(tenant.get())) {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            // A browser session of a removed coach ends here; their next login has no tenant.
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://loadwise.io/problems/member-removed\",\"title\":\"No longer a"
                            + " member\",\"status\":403,\"detail\":\"You were removed from this coaching business.\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter()
                    .write("You were removed from this coaching business. Ask its owner if you think this is a"
                            + " mistake.");
        }
    }
}
