package io.loadwise.ui.privacy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.loadwise.privacy.ErasureSummary;

/** What an erasure removed and what it kept, and why, as the person who asked for it reads it. */
class ErasureSummaryPanel extends Div {

    ErasureSummaryPanel(ErasureSummary summary) {
        setId("erasure-summary");
        Paragraph done = new Paragraph(
                summary.repeated()
                        ? "This data was already erased on " + summary.erasedAt() + ". Nothing was left to remove."
                        : "Erased on " + summary.erasedAt() + ".");
        done.setId("erasure-done");
        UnorderedList removed = new UnorderedList();
        removed.setId("erasure-removed");
        summary.removed().forEach(r -> removed.add(new ListItem(r.category() + ": " + r.count() + " removed")));
        UnorderedList kept = new UnorderedList();
        kept.setId("erasure-kept");
        summary.kept().forEach(k -> kept.add(new ListItem(k.what() + ": " + k.why())));
        add(done, new H3("Removed"), removed, new H3("Kept, and why"), kept);
    }
}
