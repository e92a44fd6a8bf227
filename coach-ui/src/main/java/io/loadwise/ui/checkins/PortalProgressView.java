package io.loadwise.ui.checkins;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.checkins.CheckInService;
import io.loadwise.roster.ClientAccess;
import io.loadwise.ui.ChartImage;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;

/** The client's progress, {@code /t/<slug>/me/progress}: pain and load over the last eight weeks. */
@Route(value = "t/:slug/me/progress", layout = PortalLayout.class)
@PageTitle("Progress · Loadwise")
@RolesAllowed("CLIENT")
public class PortalProgressView extends Main implements AfterNavigationObserver {

    private final CheckInService checkIns;
    private final ClientAccess access;

    public PortalProgressView(CheckInService checkIns, ClientAccess access) {
        this.checkIns = checkIns;
        this.access = access;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        removeAll();
        if (access.ownClient().isEmpty()) {
            Paragraph notice = new Paragraph(
                    "Your account is not on this business's roster yet. Ask your coach to" + " check your invitation.");
            notice.setId("not-on-roster");
            add(notice);
            return;
        }
        add(new H2("Your progress"));
        add(new Paragraph("The last eight weeks. The shaded bands show what your pain scores mean: green is safe,"
                + " amber acceptable, red too much."));
        add(ChartImage.of(checkIns.myPainChart(null, null), "pain-chart"));
        add(ChartImage.of(checkIns.myLoadChart(null, null), "load-chart"));
    }
}
