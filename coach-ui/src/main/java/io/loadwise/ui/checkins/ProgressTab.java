package io.loadwise.ui.checkins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.SessionLog;
import io.loadwise.roster.ClientId;
import io.loadwise.ui.ChartImage;
import io.loadwise.ui.roster.ClientDetailTab;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The client detail's "Progress" tab: the pain and load charts of the last eight weeks, and the
 * check-ins and session logs behind them, newest first.
 */
@org.springframework.stereotype.Component
class ProgressTab implements ClientDetailTab {

    private final CheckInService checkIns;

    ProgressTab(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public String label() {
        return "Progress";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Component content(ClientId client) {
        Div content = new Div();
        content.add(ChartImage.of(checkIns.painChart(client, null, null), "pain-chart"));
        content.add(ChartImage.of(checkIns.loadChart(client, null, null), "load-chart"));

        Grid<CheckIn> checkInGrid = new Grid<>(CheckIn.class, false);
        checkInGrid.setId("check-ins");
        checkInGrid.addColumn(c -> Dates.day(c.date())).setHeader("Day").setKey("date");
        checkInGrid
                .addColumn(c -> score(c.painDuring()))
                .setHeader("Pain during")
                .setKey("painDuring");
        checkInGrid
                .addColumn(c -> score(c.morningPain()))
                .setHeader("Morning pain")
                .setKey("morningPain");
        checkInGrid
                .addColumn(c -> score(c.morningStiffness()))
                .setHeader("Stiffness")
                .setKey("morningStiffness");
        checkInGrid
                .addColumn(c -> score(c.painAfterSitting()))
                .setHeader("After sitting")
                .setKey("painAfterSitting");
        checkInGrid
                .addColumn(c -> c.sleepHours() == null
                        ? ""
                        : c.sleepHours().stripTrailingZeros().toPlainString() + " h")
                .setHeader("Sleep")
                .setKey("sleep");
        checkInGrid.addColumn(CheckIn::notes).setHeader("Notes").setKey("notes").setFlexGrow(3);
        checkInGrid.setItems(List.copyOf(checkIns.checkIns(client, null, null)).reversed());
        checkInGrid.setAllRowsVisible(true);

        Grid<SessionLog> logGrid = new Grid<>(SessionLog.class, false);
        logGrid.setId("session-logs");
        logGrid.addColumn(l -> Dates.day(l.sessionDate())).setHeader("Session").setKey("date");
        logGrid.addColumn(PortalCheckInView::describe)
                .setHeader("Logged")
                .setKey("log")
                .setFlexGrow(2);
        logGrid.addColumn(l -> String.join(
                        "; ", l.loads().stream().map(ProgressTab::load).toList()))
                .setHeader("Loads")
                .setKey("loads")
                .setFlexGrow(3);
        logGrid.addColumn(SessionLog::notes).setHeader("Notes").setKey("notes").setFlexGrow(3);
        logGrid.setItems(List.copyOf(checkIns.sessionLogs(client, null, null)).reversed());
        logGrid.setAllRowsVisible(true);

        content.add(new H3("Check-ins"), checkInGrid, new H3("Session logs"), logGrid);
        return content;
    }

    private static String score(@Nullable Integer value) {
        return value == null ? "" : value + "/10";
    }

    private static String load(io.loadwise.checkins.LoggedLoad load) {
        StringBuilder text = new StringBuilder(load.exercise());
        if (load.sets() != null) {
            text.append(' ').append(load.sets()).append(" ×");
        }
        if (load.holdSeconds() != null) {
            text.append(' ').append(load.holdSeconds()).append(" s");
        } else if (load.reps() != null) {
            text.append(' ').append(load.reps());
        }
        if (load.loadKg() != null) {
            text.append(" @ ")
                    .append(load.loadKg().stripTrailingZeros().toPlainString())
                    .append(" kg");
        }
        return text.toString();
    }
}
