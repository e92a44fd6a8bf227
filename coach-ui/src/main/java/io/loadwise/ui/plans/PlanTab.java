package io.loadwise.ui.plans;

import com.vaadin.flow.component.Component;
import io.loadwise.plans.PlanService;
import io.loadwise.roster.ClientId;
import io.loadwise.ui.roster.ClientDetailTab;
import org.springframework.stereotype.Service;

/** The client detail's Plan tab, between profile and intake. */
@Service
class PlanTab implements ClientDetailTab {

    private final PlanService plans;

    PlanTab(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public String label() {
        return "Plan";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Component content(ClientId client) {
        return new PlanPanel(client, plans);
    }
}
