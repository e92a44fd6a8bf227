package io.loadwise.ui.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import io.loadwise.roster.ClientAccess;
import io.loadwise.tenancy.Tenant;

/** Helpers of the portal's pages. */
final class Portals {

    private Portals() {}

    /** The business of the portal a page is shown in, from its {@link PortalLayout} (after navigation). */
    static Tenant tenant(Component page) {
        return page.findAncestor(PortalLayout.class).tenant();
    }

    /**
     * Whether the signed-in client is on the business's roster; if not (an account whose roster
     * entry is gone, or not made yet) the page says so instead of failing.
     */
    static <P extends Component & HasComponents> boolean onRoster(P page, ClientAccess access) {
        if (access.ownClient().isPresent()) {
            return true;
        }
        page.removeAll();
        Paragraph notice = new Paragraph("Your account is not on "
                + tenant(page).name() + "'s roster. Ask your coach to check your invitation.");
        notice.setId("not-on-roster");
        page.add(notice);
        return false;
    }
}
