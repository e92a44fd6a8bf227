package io.loadwise.ui.checkins;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import io.loadwise.checkins.CheckInEntry;
import io.loadwise.checkins.CheckInRules;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.InvalidEntryException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The client's symptom check-in: four 0-10 scores, sleep, notes and the day it is about. */
class CheckInForm extends Div {

    final DatePicker date = new DatePicker("Day");
    final IntegerField painDuring = score("Pain during activity", "check-in-pain-during");
    final IntegerField morningPain = score("Next-morning pain", "check-in-morning-pain");
    final IntegerField morningStiffness = score("Next-morning stiffness", "check-in-morning-stiffness");
    final IntegerField painAfterSitting = score("Pain after sitting", "check-in-pain-after-sitting");
    final NumberField sleepHours = new NumberField("Sleep (hours)");
    final TextArea notes = new TextArea("Notes");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save check-in");

    private final CheckInService checkIns;
    private final Runnable saved;

    CheckInForm(CheckInService checkIns, Runnable saved) {
        this.checkIns = checkIns;
        this.saved = saved;
        LocalDate today = checkIns.today();
        date.setId("check-in-date");
        date.setValue(today);
        date.setMax(today);
        date.setMin(today.minusDays(CheckInRules.MAX_DAYS_BACK));
        date.setHelperText("Today, or up to " + CheckInRules.MAX_DAYS_BACK + " days back");
        sleepHours.setId("check-in-sleep");
        sleepHours.setStep(0.5);
        sleepHours.setStepButtonsVisible(true);
        sleepHours.setHelperText("In half hours, e.g. 7.5");
        notes.setId("check-in-notes");
        notes.setMaxLength(CheckInRules.MAX_NOTES);
        notes.setWidthFull();
        formError.setId("check-in-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        save.setId("check-in-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        FormLayout form = new FormLayout(date, painDuring, morningPain, morningStiffness, painAfterSitting, sleepHours);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(new H3("How is the tendon?"), Scores.explained(), form, notes, formError, save);
    }

    private void save() {
        clearErrors();
        try {
            checkIns.recordMyCheckIn(new CheckInEntry(
                    date.getValue(),
                    painDuring.getValue(),
                    morningPain.getValue(),
                    morningStiffness.getValue(),
                    painAfterSitting.getValue(),
                    sleepHours.getValue() == null ? null : BigDecimal.valueOf(sleepHours.getValue()),
                    notes.getValue(),
                    null));
        } catch (InvalidEntryException e) {
            show(e.field(), e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            show("", e.getMessage());
            return;
        }
        List.of(painDuring, morningPain, morningStiffness, painAfterSitting).forEach(IntegerField::clear);
        sleepHours.clear();
        notes.clear();
        date.setValue(checkIns.today());
        Notification.show("Check-in saved. Thank you!", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        saved.run();
    }

    private void show(String field, String message) {
        Map<String, HasValidation> fields = Map.of(
                "date", date,
                "painDuring", painDuring,
                "morningPain", morningPain,
                "morningStiffness", morningStiffness,
                "painAfterSitting", painAfterSitting,
                "sleepHours", sleepHours,
                "notes", notes);
        @Nullable HasValidation target = fields.get(field);
        if (target == null) {
            formError.setText(message);
            formError.setVisible(true);
        } else {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
    }

    private void clearErrors() {
        validated().forEach(f -> f.setInvalid(false));
        formError.setVisible(false);
    }

    private List<HasValidation> validated() {
        return List.of(date, painDuring, morningPain, morningStiffness, painAfterSitting, sleepHours, notes);
    }

    private static IntegerField score(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setStepButtonsVisible(true);
        field.setPlaceholder("0-10");
        // No min/max on the field: the service's message names the range, and the field keeps what
        // was typed so the client can see and fix it.
        return field;
    }
}
