package io.loadwise.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.messaging.MessagingService;
import io.loadwise.messaging.UnreadCounts;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.notifications.CoachInboxView;
import io.loadwise.ui.notifications.DeliveryLogView;
import io.loadwise.ui.notifications.InboxBell;
import io.loadwise.ui.notifications.PortalInboxView;
import io.loadwise.ui.security.UiSecurityConfiguration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The frame around every view: the brand, who is signed in and a way out (or in), and the places
 * the signed-in person's roles open.
 *
 * <p>Open to anyone: public storefronts use it too, and each view states its own access.
 */
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(
            AuthenticationContext authentication, MessagingService messaging, Inbox inbox, TenantDirectory tenants) {
        Optional<CurrentUser> user = CurrentUsers.current();

        Anchor brand = new Anchor("/", "Loadwise");
        brand.addClassName("loadwise-brand");
        brand.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");

        HorizontalLayout account = new HorizontalLayout();
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        if (user.isPresent()) {
            Span name = new Span(displayName(user.get()));
            name.setId("current-user");
            Button logout = new Button("Log out", click -> authentication.logout());
            logout.setId("logout");
            unreadBadge(user.get(), messaging).ifPresent(account::add);
            inboxBell(user.get(), inbox, tenants).ifPresent(account::add);
            account.add(name, logout);
        } else {
            Anchor login = new Anchor(UiSecurityConfiguration.LOGIN_URL, "Log in");
            login.setId("login");
            // A server endpoint (the OAuth2 redirect), so the browser must load it, not the router.
            login.setRouterIgnore(true);
            account.add(login);
        }

        HorizontalLayout navbar = new HorizontalLayout(brand, account);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        navbar.getStyle().set("padding", "0 var(--lumo-space-m)");

        SideNav navigation = navigation(user);
        if (navigation.getItems().isEmpty()) {
            // Visitors and clients have nowhere else to go: no empty drawer taking a quarter of the page.
            addToNavbar(navbar);
            setDrawerOpened(false);
        } else {
            addToNavbar(new DrawerToggle(), navbar);
            addToDrawer(navigation);
        }
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    }

    private SideNav navigation(Optional<CurrentUser> user) {
        SideNav navigation = new SideNav();
        user.ifPresent(u -> {
            if (u.has(Role.COACH)) {
                navigation.addItem(new SideNavItem("Dashboard", "/coach/dashboard"));
                navigation.addItem(new SideNavItem("Roster", "/coach/roster"));
                navigation.addItem(new SideNavItem("Tasks", "/coach/tasks"));
                navigation.addItem(new SideNavItem("Team", "/coach/team"));
                navigation.addItem(new SideNavItem("Exercises", "/coach/exercises"));
                navigation.addItem(new SideNavItem("Templates", "/coach/templates"));
                navigation.addItem(new SideNavItem("Intake questionnaire", "/coach/settings/intake"));
                navigation.addItem(new SideNavItem("Plan rules", "/coach/settings/plan-rules"));
                navigation.addItem(new SideNavItem("Billing", "/coach/billing"));
                navigation.addItem(new SideNavItem("Products", "/coach/products"));
                navigation.addItem(new SideNavItem("Payments", "/coach/payments"));
                navigation.addItem(new SideNavItem("Settings", "/coach/settings"));
                navigation.addItem(new SideNavItem(getTranslation("notifications.nav"), CoachInboxView.PATH));
            }
            if (u.has(Role.PLATFORM_ADMIN)) {
                navigation.addItem(new SideNavItem("Tenants", "/admin/tenants"));
                navigation.addItem(new SideNavItem("Platform billing", "/admin/billing"));
                navigation.addItem(new SideNavItem(getTranslation("notifications.admin.nav"), DeliveryLogView.PATH));
            }
        });
        return navigation;
    }

    /**
     * The bell with the live count of unread notifications, for members of a business: a coach's
     * links to their inbox, a client's to the one in their portal.
     */
    private static Optional<InboxBell> inboxBell(CurrentUser user, Inbox inbox, TenantDirectory tenants) {
        if (user.tenant() == null || TenantContext.current().isEmpty()) {
            return Optional.empty();
        }
        if (user.has(Role.COACH)) {
            return Optional.of(new InboxBell(inbox, CoachInboxView.PATH));
        }
        if (user.has(Role.CLIENT)) {
            return tenants.findById(user.tenant()).map(t -> new InboxBell(inbox, PortalInboxView.path(t.slug())));
        }
        return Optional.empty();
    }

    /** A coach's unread messages across the threads they may see, with the clients named on hover. */
    private static Optional<Span> unreadBadge(CurrentUser user, MessagingService messaging) {
        if (!user.has(Role.COACH) || TenantContext.current().isEmpty()) {
            return Optional.empty();
        }
        UnreadCounts unread = messaging.unread();
        if (unread.total() == 0) {
            return Optional.empty();
        }
        Span badge = new Span(unread.total() + " unread");
        badge.setId("unread-badge");
        badge.getElement().getThemeList().add("badge primary pill");
        badge.setTitle(unread.threads().stream()
                .map(thread -> thread.clientName() + " (" + thread.unread() + ")")
                .collect(Collectors.joining(", ")));
        return Optional.of(badge);
    }

    private static String displayName(CurrentUser user) {
        if (user.displayName() != null) {
            return user.displayName();
        }
        return user.email() != null ? user.email() : "Signed in";
    }
}
