package io.loadwise.ui.notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.MyNotificationSettings.Preference;
import io.loadwise.notifications.MyNotificationSettings.Settings;
import io.loadwise.notifications.NotificationType;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in member's notification settings: which types reach them on which channel (a grid
 * of checkboxes; transactional ones locked on), and their language, time zone, quiet hours and —
 * for coaches — the daily digest. Each checkbox saves at once; the general settings on "Save".
 * What the service refuses is said next to the field.
 */
class PreferencesForm extends Div {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final MyNotificationSettings settings;
    private final Span gridError = new Span();
    private final Select<Locale> language = new Select<>();
    private final ComboBox<String> zone = new ComboBox<>();
    private final TimePicker quietStart = new TimePicker();
    private final TimePicker quietEnd = new TimePicker();
    private final Checkbox digest = new Checkbox();
    private final TimePicker digestAt = new TimePicker();
    private final Span settingsError = new Span();
    private final Span saved = new Span();

    PreferencesForm(MyNotificationSettings settings, boolean coach) {
        this.settings = settings;
        setId("notification-preferences");
        add(new H2(getTranslation("notifications.preferences.title")));
        add(new H3(getTranslation("notifications.preferences.types")), grid());
        gridError.setId("preferences-error");
        error(gridError);
        add(gridError);
        add(new H3(getTranslation("notifications.preferences.general")), general(coach));
    }

    private Div grid() {
        Div grid = new Div();
        grid.setId("preferences-grid");
        grid.getStyle()
                .set("display", "grid")
                .set(
                        "grid-template-columns",
                        "minmax(12rem, max-content) repeat(" + Channel.values().length + ", max-content)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)")
                .set("align-items", "center");
        grid.add(header(getTranslation("notifications.preferences.type")));
        for (Channel channel : Channel.values()) {
            grid.add(header(getTranslation("notifications.preferences.channel." + channel.name())));
        }
        Map<NotificationType, Map<Channel, Preference>> byType = new LinkedHashMap<>();
        for (Preference p : settings.preferences()) {
            byType.computeIfAbsent(p.type(), t -> new LinkedHashMap<>()).put(p.channel(), p);
        }
        boolean anyLocked = false;
        for (var row : byType.entrySet()) {
            NotificationType type = row.getKey();
            Span label = new Span(getTranslation("notifications.type." + type.name()));
            label.setId("pref-label-" + type.key());
            grid.add(label);
            for (Channel channel : Channel.values()) {
                Preference p = row.getValue().get(channel);
                if (p == null) {
                    grid.add(new Span());
                    continue;
                }
                grid.add(checkbox(p));
                anyLocked |= p.locked();
            }
        }
        Div wrapper = new Div(grid);
        if (anyLocked) {
            Paragraph note = new Paragraph("🔒 " + getTranslation("notifications.preferences.locked"));
            note.setId("preferences-locked-note");
            note.getStyle()
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            wrapper.add(note);
        }
        return wrapper;
    }

    private Checkbox checkbox(Preference p) {
        Checkbox box = new Checkbox(p.enabled() || p.locked());
        box.setId("pref-" + p.type().key() + "-" + p.channel().column());
        box.setAriaLabel(getTranslation("notifications.type." + p.type().name()) + ": "
                + getTranslation(
                        "notifications.preferences.channel." + p.channel().name()));
        if (p.locked()) {
            box.setReadOnly(true);
            box.setTooltipText(getTranslation("notifications.preferences.locked"));
            return box;
        }
        boolean[] reverting = {false};
        box.addValueChangeListener(change -> {
            if (reverting[0]) {
                return;
            }
            try {
                settings.set(p.type(), p.channel(), change.getValue());
                gridError.setVisible(false);
            } catch (IllegalArgumentException e) {
                reverting[0] = true;
                box.setValue(change.getOldValue());
                reverting[0] = false;
                gridError.setText(e.getMessage());
                gridError.setVisible(true);
            }
        });
        return box;
    }

    private Div general(boolean coach) {
        Settings current = settings.settings();
        language.setId("preferences-language");
        language.setLabel(getTranslation("notifications.preferences.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(
                locale -> locale.getDisplayLanguage(locale).substring(0, 1).toUpperCase(locale)
                        + locale.getDisplayLanguage(locale).substring(1));
        language.setValue(LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(current.locale().getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH));

        zone.setId("preferences-zone");
        zone.setLabel(getTranslation("notifications.preferences.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(current.zone().getId());

        quietStart.setId("preferences-quiet-start");
        quietStart.setLabel(getTranslation("notifications.preferences.quietStart"));
        quietStart.setValue(current.quietStart());
        quietStart.setClearButtonVisible(true);
        quietEnd.setId("preferences-quiet-end");
        quietEnd.setLabel(getTranslation("notifications.preferences.quietEnd"));
        quietEnd.setValue(current.quietEnd());
        quietEnd.setClearButtonVisible(true);
        quietEnd.setHelperText(getTranslation("notifications.preferences.quietHelp"));

        Div form = new Div(language, zone, quietStart, quietEnd);
        form.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Div general = new Div(form);

        digest.setId("preferences-digest");
        digest.setLabel(getTranslation("notifications.preferences.digest"));
        digest.setValue(current.dailyDigest());
        digestAt.setId("preferences-digest-at");
        digestAt.setLabel(getTranslation("notifications.preferences.digestAt"));
        digestAt.setValue(current.digestAt());
        if (coach) {
            general.add(new Div(digest), digestAt);
        }

        Button save = new Button(getTranslation("notifications.preferences.save"), click -> save(current));
        save.setId("preferences-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        settingsError.setId("preferences-settings-error");
        error(settingsError);
        saved.setId("preferences-saved");
        saved.setVisible(false);
        general.add(settingsError, new Div(save, saved));
        return general;
    }

    private void save(Settings current) {
        quietStart.setInvalid(false);
        quietEnd.setInvalid(false);
        zone.setInvalid(false);
        settingsError.setVisible(false);
        saved.setVisible(false);
        LocalTime start = quietStart.getValue();
        LocalTime end = quietEnd.getValue();
        if ((start == null) != (end == null)) {
            TimePicker missing = start == null ? quietStart : quietEnd;
            missing.setErrorMessage(getTranslation("notifications.preferences.quietHalf"));
            missing.setInvalid(true);
            return;
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.getValue() == null ? "" : zone.getValue());
        } catch (RuntimeException e) {
            zone.setErrorMessage(e.getMessage());
            zone.setInvalid(true);
            return;
        }
        Locale locale = language.getValue() == null ? Locale.ENGLISH : language.getValue();
        LocalTime digestTime = digestAt.getValue() == null ? current.digestAt() : digestAt.getValue();
        try {
            settings.save(new Settings(locale, zoneId, start, end, digest.getValue(), digestTime));
        } catch (IllegalArgumentException e) {
            settingsError.setText(e.getMessage());
            settingsError.setVisible(true);
            return;
        }
        String confirmation = getTranslation(locale, "notifications.preferences.saved");
        UI ui = UI.getCurrent();
        if (!locale.getLanguage().equals(ui.getLocale().getLanguage())) {
            // The UI speaks the chosen language from now on: the whole screen, menu included, is
            // built again in it at once, and the confirmation outlives that as a notification.
            ui.getSession().setLocale(locale);
            ui.setLocale(locale);
            ui.refreshCurrentRoute(true);
            Notification.show(confirmation);
            return;
        }
        saved.setText(confirmation);
        saved.setVisible(true);
    }

    private static Span header(String text) {
        Span header = new Span(text);
        header.getStyle().set("font-weight", "600");
        return header;
    }

    private static void error(Span error) {
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        error.setVisible(false);
    }
}
