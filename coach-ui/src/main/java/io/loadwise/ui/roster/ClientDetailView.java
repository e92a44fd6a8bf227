package io.loadwise.ui.roster;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One client for their coaches: name and status, then a tab per {@link ClientDetailTab} bean in
 * {@link ClientDetailTab#order()} order. A tab's content is built when it is opened. A client the
 * coach may not see is a 404, exactly like one that does not exist.
 */
@Route(value = "coach/clients/:" + ClientDetailView.ID, layout = MainLayout.class)
@RolesAllowed("COACH")
public class ClientDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final ClientProfileService profiles;
    private final List<ClientDetailTab> contributions;
    private final H2 name = new H2();
    private final Span status = new Span();
    private final Tabs tabs = new Tabs();
    private final Div content = new Div();
    private final Map<Tab, ClientDetailTab> tabContent = new HashMap<>();
    private @Nullable ClientId client;
    private boolean building;

    public ClientDetailView(ClientProfileService profiles, ObjectProvider<ClientDetailTab> contributions) {
        this.profiles = profiles;
        this.contributions = contributions.stream()
                .sorted(Comparator.comparingInt(ClientDetailTab::order))
                .toList();
        name.setId("client-name");
        status.setId("client-status");
        tabs.setId("client-tabs");
        content.setId("client-tab-content");
        content.setWidthFull();
        Anchor back = new Anchor("/coach/roster", "← Roster");
        HorizontalLayout header = new HorizontalLayout(name, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, header, tabs, content);
        tabs.addSelectedChangeListener(e -> showSelected());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ClientId id = event.getRouteParameters()
                .get(ID)
                .flatMap(ClientDetailView::uuid)
                .map(ClientId::new)
                .orElseThrow(NotFoundException::new);
        ClientProfile profile;
        try {
            profile = profiles.profile(id);
        } catch (io.loadwise.shared.NotFoundException e) {
            throw new NotFoundException("There is no client at this address, or not one of yours.");
        }
        client = id;
        showHeader(profile);
        building = true;
        tabs.removeAll();
        tabContent.clear();
        for (ClientDetailTab contribution : contributions) {
            Tab tab = new Tab(contribution.label());
            tab.setId("tab-"
                    + contribution.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            tabContent.put(tab, contribution);
            tabs.add(tab);
        }
        building = false;
        showSelected();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Registration saved = ComponentUtil.addListener(attach.getUI(), ProfileSaved.class, event -> {
            if (event.profile().id().equals(client)) {
                showHeader(event.profile());
            }
        });
        addDetachListener(detach -> {
            saved.remove();
            detach.unregisterListener();
        });
    }

    private void showHeader(ClientProfile profile) {
        name.setText(profile.displayName());
        status.removeAll();
        status.add(RosterView.statusBadge(profile.status()));
    }

    @Override
    public String getPageTitle() {
        return name.getText() + " · Loadwise";
    }

    private void showSelected() {
        if (building) {
            return;
        }
        content.removeAll();
        Tab selected = tabs.getSelectedTab();
        if (selected == null || client == null) {
            return;
        }
        ClientDetailTab contribution = tabContent.get(selected);
        if (contribution != null) {
            Component shown = contribution.content(client);
            content.add(shown);
        }
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
