package io.loadwise.ui.checkins;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** The pain-monitoring model in plain words, next to the 0-10 fields. */
final class Scores {

    private Scores() {}

    static Div explained() {
        Div box = new Div();
        box.setId("pain-zones");
        box.add(new Paragraph("Score each from 0 (nothing at all) to 10 (the worst you can imagine). What the"
                + " numbers mean for your training:"));
        UnorderedList zones = new UnorderedList(
                new ListItem("0 to 2 — safe: carry on as planned."),
                new ListItem("3 to 5 — acceptable: fine as long as it settles by the next morning."),
                new ListItem("Above 5 — too much: your plan will be dialled back for a while. Training does not"
                        + " stop; it gets easier until the tendon calms down."));
        box.add(zones);
        box.add(new Paragraph("Next-morning pain and stiffness are the most telling: check them when you get up."));
        return box;
    }
}
