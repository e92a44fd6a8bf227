package io.loadwise.ui.dashboard;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.planengine.EngineRules;
import io.loadwise.planengine.InvalidRulesException;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.planengine.RuleProblem;
import io.loadwise.planengine.RulesDocument;
import io.loadwise.planengine.RulesValidation;
import io.loadwise.planengine.TriggerMetric;
import io.loadwise.roster.ClientAccess;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * The plan engine's rules of the business: mode, pain zones, dial-back triggers as editable rows,
 * how to dial back and progress, when to flag. Checked inline with the same validation saving
 * applies; saved as a whole against the version loaded. Coaches read them, the owner edits.
 */
@Route(value = "coach/settings/plan-rules", layout = MainLayout.class)
@PageTitle("Plan rules · Loadwise")
@RolesAllowed("COACH")
public class PlanRulesView extends Main {

    private final PlanRulesService service;
    private final Paragraph origin = new Paragraph();
    private final Paragraph formError = new Paragraph();
    private final Select<String> mode = select("Mode", "mode", "propose", "automatic");
    private final IntegerField safeMax = number("Safe pain up to", "safe-max");
    private final IntegerField acceptableMax = number("Acceptable pain up to", "acceptable-max");
    private final Div triggerRows = new Div();
    private final List<TriggerRow> triggers = new ArrayList<>();
    private final IntegerField days = number("Dial back for (days)", "dial-back-days");
    private final IntegerField cut = number("Cut running volume by (%)", "run-volume-cut");
    private final Select<String> speedSwap = select("Speed work becomes", "speed-swap", "easy_run", "cross_training");
    private final IntegerField calmWeeks = number("Calm weeks", "calm-weeks");
    private final IntegerField maxPain = number("Max pain in them", "max-pain");
    private final IntegerField minCompletion = number("Min. sessions done (%)", "min-completion");
    private final IntegerField spike = number("Pain spike above", "pain-spike");
    private final IntegerField missed = number("Missed sessions in 7 days", "missed-sessions");
    private final IntegerField noCheckIn = number("Days without check-in", "no-check-in-days");
    private int version;

    public PlanRulesView(PlanRulesService service, ClientAccess access) {
        this.service = service;
        add(new H2("Plan rules"));
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        origin.setId("rules-origin");
        formError.setId("rules-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        triggerRows.setId("triggers");
        Button addTrigger = new Button("Add trigger", click -> {
            triggers.add(new TriggerRow(new EngineRules.Trigger("pain_during", ">", 5)));
            renderTriggers();
        });
        addTrigger.setId("add-trigger");
        Button save = new Button("Save", click -> save());
        save.setId("save-rules");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reload = new Button("Discard changes", click -> load());
        reload.setId("reload-rules");
        add(
                new Paragraph("The engine reads every check-in with these rules (the pain-monitoring model by default):"
                        + " it dials the plan back when a trigger fires and moves on to the next phase after calm"
                        + " weeks. In propose mode you approve each change on the dashboard."),
                origin,
                mode,
                new H3("Pain zones"),
                new HorizontalLayout(safeMax, acceptableMax),
                new H3("Dial back when"),
                triggerRows,
                addTrigger,
                new H3("Dialling back"),
                new HorizontalLayout(days, cut, speedSwap),
                new H3("Progression"),
                new HorizontalLayout(calmWeeks, maxPain, minCompletion),
                new H3("Roster flags"),
                new HorizontalLayout(spike, missed, noCheckIn),
                formError,
                new HorizontalLayout(save, reload));
        if (!access.currentUserIsOwner()) {
            save.setEnabled(false);
            addTrigger.setEnabled(false);
            Paragraph readOnly = new Paragraph("Only the owner of the business changes these rules.");
            readOnly.setId("rules-read-only");
            add(readOnly);
        }
        load();
    }

    private void load() {
        RulesDocument document = service.rules();
        version = document.version();
        origin.setText(
                document.platformDefault()
                        ? "These are Loadwise's defaults. Save to make them your own."
                        : "Your business's rules.");
        EngineRules r = document.rules();
        mode.setValue(r.mode());
        safeMax.setValue(r.painZones().safeMax());
        acceptableMax.setValue(r.painZones().acceptableMax());
        triggers.clear();
        r.triggers().forEach(t -> triggers.add(new TriggerRow(t)));
        days.setValue(r.dialBack().days());
        cut.setValue(r.dialBack().runVolumeCutPercent());
        speedSwap.setValue(r.dialBack().speedSwap());
        calmWeeks.setValue(r.progression().calmWeeks());
        maxPain.setValue(r.progression().maxPain());
        minCompletion.setValue(r.progression().minCompletionPercent());
        spike.setValue(r.flags().painSpikeThreshold());
        missed.setValue(r.flags().missedSessions());
        noCheckIn.setValue(r.flags().noCheckInDays());
        clearErrors();
        renderTriggers();
    }

    private void renderTriggers() {
        triggerRows.removeAll();
        for (int i = 0; i < triggers.size(); i++) {
            TriggerRow row = triggers.get(i);
            row.layout.setId("trigger-" + i);
            triggerRows.add(row.layout);
        }
    }

    private void save() {
        clearErrors();
        List<IntegerField> empty = new ArrayList<>();
        for (IntegerField field : numbers()) {
            if (field.getValue() == null) {
                field.setErrorMessage("Enter a whole number.");
                field.setInvalid(true);
                empty.add(field);
            }
        }
        if (!empty.isEmpty()) {
            formError.setText("Fix the marked fields first.");
            return;
        }
        EngineRules rules = rules();
        List<RuleProblem> problems = RulesValidation.problems(rules);
        if (!problems.isEmpty()) {
            show(problems);
            return;
        }
        try {
            version = service.update(rules, version).version();
            origin.setText("Your business's rules.");
            Notification.show("Plan rules saved.");
        } catch (StaleVersionException e) {
            Notification.show("The rules were changed by someone else — reloaded. Apply your change again.");
            load();
            formError.setText("The rules were changed by someone else — reloaded. Apply your change again.");
        } catch (InvalidRulesException e) {
            show(e.problems());
        } catch (AccessDeniedException e) {
            formError.setText(e.getMessage());
        }
    }

    private EngineRules rules() {
        return new EngineRules(
                mode.getValue(),
                new EngineRules.PainZones(safeMax.getValue(), acceptableMax.getValue()),
                triggers.stream().map(TriggerRow::trigger).toList(),
                new EngineRules.DialBack(days.getValue(), cut.getValue(), speedSwap.getValue()),
                new EngineRules.Progression(calmWeeks.getValue(), maxPain.getValue(), minCompletion.getValue()),
                new EngineRules.Flags(spike.getValue(), missed.getValue(), noCheckIn.getValue()));
    }

    private void show(List<RuleProblem> problems) {
        Map<String, HasValidation> fields = fieldsByPath();
        List<String> unplaced = new ArrayList<>();
        for (RuleProblem problem : problems) {
            HasValidation field = fields.get(problem.field());
            if (field == null && problem.field().startsWith("triggers[")) {
                // a whole row, e.g. a duplicate: mark its threshold
                field = fields.get(problem.field() + ".threshold");
            }
            if (field != null) {
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            } else {
                unplaced.add(problem.message());
            }
        }
        formError.setText(unplaced.isEmpty() ? "Fix the marked fields first." : String.join(" ", unplaced));
    }

    private Map<String, HasValidation> fieldsByPath() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("painZones.safeMax", safeMax);
        fields.put("painZones.acceptableMax", acceptableMax);
        fields.put("dialBack.days", days);
        fields.put("dialBack.runVolumeCutPercent", cut);
        fields.put("dialBack.speedSwap", speedSwap);
        fields.put("progression.calmWeeks", calmWeeks);
        fields.put("progression.maxPain", maxPain);
        fields.put("progression.minCompletionPercent", minCompletion);
        fields.put("flags.painSpikeThreshold", spike);
        fields.put("flags.missedSessions", missed);
        fields.put("flags.noCheckInDays", noCheckIn);
        for (int i = 0; i < triggers.size(); i++) {
            TriggerRow row = triggers.get(i);
            fields.put("triggers[" + i + "].metric", row.metric);
            fields.put("triggers[" + i + "].comparison", row.comparison);
            fields.put("triggers[" + i + "].threshold", row.threshold);
        }
        return fields;
    }

    private List<IntegerField> numbers() {
        List<IntegerField> all = new ArrayList<>(List.of(
                safeMax, acceptableMax, days, cut, calmWeeks, maxPain, minCompletion, spike, missed, noCheckIn));
        triggers.forEach(row -> all.add(row.threshold));
        return all;
    }

    private void clearErrors() {
        formError.setText("");
        fieldsByPath().values().forEach(field -> field.setInvalid(false));
    }

    private static IntegerField number(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static Select<String> select(String label, String id, String... values) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setId(id);
        select.setItems(values);
        return select;
    }

    /** One trigger: metric, comparison, threshold, and a remove button. */
    private final class TriggerRow {

        final Select<String> metric = new Select<>();
        final Select<String> comparison = new Select<>();
        final IntegerField threshold = new IntegerField("Threshold");
        final HorizontalLayout layout;

        TriggerRow(EngineRules.Trigger trigger) {
            metric.setLabel("Metric");
            metric.addClassName("trigger-metric");
            metric.setItems(Arrays.stream(TriggerMetric.values())
                    .map(TriggerMetric::code)
                    .toList());
            metric.setItemLabelGenerator(PlanRulesView::metricLabel);
            metric.setValue(trigger.metric());
            comparison.setLabel("Comparison");
            comparison.addClassName("trigger-comparison");
            comparison.setItems(">", ">=");
            comparison.setValue(trigger.comparison());
            threshold.addClassName("trigger-threshold");
            threshold.setValue(trigger.threshold());
            Button remove = new Button("Remove", click -> {
                triggers.remove(this);
                renderTriggers();
            });
            remove.addClassName("trigger-remove");
            layout = new HorizontalLayout(metric, comparison, threshold, remove);
            layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        }

        EngineRules.Trigger trigger() {
            return new EngineRules.Trigger(metric.getValue(), comparison.getValue(), threshold.getValue());
        }
    }

    static String metricLabel(String code) {
        return switch (code) {
            case "pain_during" -> "Pain during activity";
            case "morning_pain" -> "Next-morning pain";
            case "morning_pain_above_baseline" -> "Next-morning pain above usual";
            case "stiffness_rise" -> "Rise in morning stiffness";
            case "pain_after_sitting" -> "Pain after sitting";
            default -> code;
        };
    }
}
