package io.loadwise.ui.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;

/** The client's own data: download all of it, or have it erased (after a confirmation). */
@Route(value = "t/:slug/me/data", layout = PortalLayout.class)
@PageTitle("My data · Loadwise")
@RolesAllowed("CLIENT")
public class PortalDataView extends Div {

    public PortalDataView(PrivacyService privacy, AuthenticationContext authentication) {
        add(new H2("My data"));
        add(new Paragraph("Download everything your coaching business stores about you: your profile, injuries,"
                + " consents, intake answers, your messages and your coaches' notes about you. You get a ZIP"
                + " with data.json and your messages and intake answers as CSV tables."));
        Anchor download = new Anchor(Downloads.export(privacy::exportOwn), "Download my data");
        download.setId("download-my-data");
        add(download);

        add(new Paragraph("You can also have all your data erased. Your login is deleted with it and you will"
                + " not be able to sign in again. Invoices, if any, are kept as tax law requires."));
        Button erase = new Button("Erase my data…");
        erase.setId("erase-my-data");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(erase);

        erase.addClickListener(click -> {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setId("confirm-erasure");
            dialog.setHeader("Erase all your data?");
            dialog.setText("Your profile, health data, intake answers and messages are removed and your login is"
                    + " deleted. This cannot be undone.");
            dialog.setCancelable(true);
            dialog.setConfirmText("Erase everything");
            dialog.setConfirmButtonTheme("error primary");
            dialog.addConfirmListener(confirmed -> {
                ErasureSummaryPanel summary = new ErasureSummaryPanel(privacy.eraseOwn());
                erase.setVisible(false);
                download.setVisible(false);
                Button logout = new Button("Log out", out -> authentication.logout());
                logout.setId("logout-after-erasure");
                add(summary, new Paragraph("Your data is erased. Log out to end this session."), logout);
            });
            dialog.open();
        });
    }
}
