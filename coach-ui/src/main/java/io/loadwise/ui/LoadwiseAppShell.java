package io.loadwise.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings shared by every view. Vaadin 25 applies no theme unless asked: Lumo comes in
 * as a stylesheet from the pre-built bundle (no front-end build needed).
 *
 * <p>Server push (automatic, over the default WebSocket transport with long polling as Atmosphere's
 * fallback) carries live updates such as the inbox bell's count; its client is part of the
 * pre-built bundle.
 */
@StyleSheet(Lumo.STYLESHEET)
@Push
public class LoadwiseAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Loadwise");
    }
}
