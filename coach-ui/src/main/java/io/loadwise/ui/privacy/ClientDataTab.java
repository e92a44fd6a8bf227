package io.loadwise.ui.privacy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.roster.ClientId;
import io.loadwise.ui.roster.ClientDetailTab;

/** The client detail's "Data" tab: download everything about the client, or erase it. */
@org.springframework.stereotype.Component
class ClientDataTab implements ClientDetailTab {

    private final PrivacyService privacy;

    ClientDataTab(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public String label() {
        return "Data";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component content(ClientId client) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.setId("client-data");
        layout.add(new Paragraph("Download everything stored about this client (profile, injuries, consents,"
                + " intake, messages, your notes) as a ZIP of data.json and CSV files, for example to answer"
                + " her request for a copy. Downloads are recorded in the audit log."));
        Anchor download = new Anchor(Downloads.export(() -> privacy.exportClient(client)), "Download data (ZIP)");
        download.setId("download-client-data");
        layout.add(download);

        layout.add(new Paragraph("Erasing removes her personal and health data everywhere and deletes her login."
                + " Her roster entry stays, anonymized, so that invoices keep their references. This cannot be"
                + " undone."));
        Button erase = new Button("Erase client data…");
        erase.setId("erase-client");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.addClickListener(click -> confirmErasure(client, layout, erase));
        layout.add(erase);
        return layout;
    }

    private void confirmErasure(ClientId client, VerticalLayout layout, Component erase) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-erasure");
        dialog.setHeader("Erase this client's data?");
        dialog.setText("Profile, injuries, consents, intake answers, messages, notes and flags are removed and her"
                + " login is deleted. This cannot be undone.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Erase");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> {
            ErasureSummaryPanel summary = new ErasureSummaryPanel(privacy.eraseClient(client));
            erase.setVisible(false);
            layout.add(summary);
        });
        dialog.open();
    }
}
