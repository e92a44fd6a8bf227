package io.loadwise.ui.roster;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.loadwise.roster.AgeGroup;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.CoachRef;
import io.loadwise.roster.ConsentRequiredException;
import io.loadwise.roster.ConsentState;
import io.loadwise.roster.Injury;
import io.loadwise.roster.InjuryDetails;
import io.loadwise.roster.InjurySide;
import io.loadwise.roster.MenopausalStatus;
import io.loadwise.roster.ProfileChanges;
import io.loadwise.roster.ProfileRules;
import io.loadwise.roster.RosterService;
import io.loadwise.roster.TagCount;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The profile tab's content for one client. Saving sends the version the form was loaded with;
 * when someone else saved in between, nothing is overwritten: the form reloads their version and
 * says so.
 */
class ProfilePanel extends VerticalLayout {

    private final ClientId client;
    private final ClientProfileService profiles;
    private final boolean owner;
    private final Clock clock;
    private final Binder<ProfileModel> binder = new Binder<>();
    private final TextField displayName = new TextField("Name");
    private final Select<ClientStatus> status = new Select<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    private final TextArea goal = new TextArea("Goal");
    private final Select<AgeGroup> ageGroup = new Select<>();
    private final Select<MenopausalStatus> menopausalStatus = new Select<>();
    private final BigDecimalField weeklyVolume = new BigDecimalField("Weekly running volume (km)");
    private final TextArea races = new TextArea("Races");
    private final Span consentState = new Span();
    private final Div flags = new Div();
    private final ComboBox<CoachRef> leadCoach = new ComboBox<>("Lead coach");
    private final MultiSelectComboBox<CoachRef> coCoaches = new MultiSelectComboBox<>("Co-coaches");
    private final Span coachesText = new Span();
    private final Grid<Injury> injuries = new Grid<>(Injury.class, false);
    private final InjuryEditor injuryEditor;
    private final Set<String> tagItems = new TreeSet<>();
    private int version;

    ProfilePanel(ClientId client, ClientProfileService profiles, RosterService roster, boolean owner, Clock clock) {
        this.client = client;
        this.profiles = profiles;
        this.owner = owner;
        this.clock = clock;
        setPadding(false);
        setId("profile-panel");

        displayName.setId("profile-name");
        displayName.setMaxLength(ProfileRules.MAX_NAME_LENGTH);
        status.setId("profile-status");
        status.setLabel("Status");
        status.setItems(ClientStatus.values());
        status.setItemLabelGenerator(RosterView::label);
        tags.setId("profile-tags");
        tags.setAllowCustomValue(true);
        tagItems.addAll(roster.tags().stream().map(TagCount::tag).toList());
        tags.setItems(tagItems);
        tags.addCustomValueSetListener(e -> {
            try {
                String tag = ProfileRules.tag(e.getDetail());
                tagItems.add(tag);
                Set<String> selected = new LinkedHashSet<>(tags.getValue());
                tags.setItems(tagItems);
                selected.add(tag);
                tags.setValue(selected);
            } catch (IllegalArgumentException invalid) {
                tags.setInvalid(true);
                tags.setErrorMessage(invalid.getMessage());
            }
        });
        goal.setId("profile-goal");
        goal.setMaxLength(ProfileRules.MAX_GOAL_LENGTH);
        ageGroup.setId("profile-age-group");
        ageGroup.setLabel("Age group");
        ageGroup.setItems(AgeGroup.values());
        ageGroup.setEmptySelectionAllowed(true);
        ageGroup.setItemLabelGenerator(g -> g == null ? "Not given" : label(g.dbValue()));
        menopausalStatus.setId("profile-menopausal-status");
        menopausalStatus.setLabel("Menopausal status");
        menopausalStatus.setItems(MenopausalStatus.values());
        menopausalStatus.setEmptySelectionAllowed(true);
        menopausalStatus.setItemLabelGenerator(s -> s == null ? "Not recorded" : label(s.dbValue()));
        weeklyVolume.setId("profile-weekly-volume");
        races.setId("profile-races");
        races.setMaxLength(ProfileRules.MAX_RACES_LENGTH);
        consentState.setId("consent-state");
        flags.setId("client-flags");

        binder.forField(displayName)
                .asRequired("A client needs a name.")
                .withValidator(Forms.rule(ProfileRules::displayName))
                .bind(ProfileModel::getDisplayName, ProfileModel::setDisplayName);
        binder.forField(status).asRequired("Choose a status.").bind(ProfileModel::getStatus, ProfileModel::setStatus);
        binder.forField(tags)
                .withValidator(Forms.rule(value -> ProfileRules.tags(new ArrayList<>(value))))
                .bind(ProfileModel::getTags, ProfileModel::setTags);
        binder.forField(goal)
                .withValidator(Forms.rule(ProfileRules::goal))
                .bind(ProfileModel::getGoal, ProfileModel::setGoal);
        binder.forField(ageGroup).bind(ProfileModel::getAgeGroup, ProfileModel::setAgeGroup);
        binder.forField(menopausalStatus).bind(ProfileModel::getMenopausalStatus, ProfileModel::setMenopausalStatus);
        binder.forField(weeklyVolume)
                .withValidator(Forms.rule(ProfileRules::weeklyVolumeKm))
                .bind(ProfileModel::getWeeklyVolumeKm, ProfileModel::setWeeklyVolumeKm);
        binder.forField(races)
                .withValidator(Forms.rule(ProfileRules::races))
                .bind(ProfileModel::getRaces, ProfileModel::setRaces);

        Button save = new Button("Save profile", click -> save());
        save.setId("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(
                displayName, status, tags, ageGroup, goal, weeklyVolume, races, menopausalStatus, consentState);
        add(flags, form, save);

        add(new H3("Coaches"));
        if (owner) {
            List<CoachRef> coaches = roster.coaches();
            leadCoach.setId("lead-coach");
            leadCoach.setItems(coaches);
            leadCoach.setItemLabelGenerator(CoachRef::name);
            leadCoach.setClearButtonVisible(true);
            coCoaches.setId("co-coaches");
            coCoaches.setItems(coaches);
            coCoaches.setItemLabelGenerator(CoachRef::name);
            Button saveCoaches = new Button("Save coaches", click -> saveCoaches());
            saveCoaches.setId("save-coaches");
            add(new HorizontalLayout(leadCoach, coCoaches, saveCoaches));
        } else {
            coachesText.setId("coaches");
            add(coachesText);
        }

        add(new H3("Injury history"));
        injuries.setId("injuries");
        injuries.addColumn(Injury::condition).setHeader("Condition").setKey("condition");
        injuries.addColumn(i -> label(i.side().dbValue())).setHeader("Side").setKey("side");
        injuries.addColumn(i -> date(i.since())).setHeader("Since").setKey("since");
        injuries.addColumn(i -> i.resolvedOn() == null ? "Ongoing" : date(i.resolvedOn()))
                .setHeader("Resolved")
                .setKey("resolved");
        injuries.addColumn(i -> i.notes() == null ? "" : i.notes())
                .setHeader("Notes")
                .setKey("notes");
        injuries.setAllRowsVisible(true);
        injuryEditor = new InjuryEditor();
        Button addInjury = new Button("Add injury", click -> injuryEditor.open(null));
        addInjury.setId("add-injury");
        Button editInjury = new Button(
                "Edit",
                click -> injuries.getSelectedItems().stream().findFirst().ifPresent(injuryEditor::open));
        editInjury.setId("edit-injury");
        Button removeInjury = new Button("Remove", click -> removeSelectedInjury());
        removeInjury.setId("remove-injury");
        removeInjury.addThemeVariants(ButtonVariant.LUMO_ERROR);
        editInjury.setEnabled(false);
        removeInjury.setEnabled(false);
        injuries.addSelectionListener(e -> {
            editInjury.setEnabled(e.getFirstSelectedItem().isPresent());
            removeInjury.setEnabled(e.getFirstSelectedItem().isPresent());
        });
        add(injuries, new HorizontalLayout(addInjury, editInjury, removeInjury), injuryEditor);

        reload();
    }

    private void reload() {
        ClientProfile profile = profiles.profile(client);
        version = profile.version();
        tagItems.addAll(profile.tags());
        tags.setItems(tagItems);
        binder.readBean(ProfileModel.of(profile));
        ConsentState consent = profile.menopausalStatusConsent();
        // Coaches never grant consent: only the client can, in her portal.
        menopausalStatus.setEnabled(consent.granted());
        consentState.setText(
                consent.granted()
                        ? "The client consented to recording her menopausal status on "
                                + date(consent.grantedAt()
                                        .atZone(ZoneId.of("UTC"))
                                        .toLocalDate()) + "."
                        : "No consent to record a menopausal status. Only the client can give it, in her profile.");
        flags.removeAll();
        for (ClientFlag flag : profile.flags()) {
            Span chip = new Span(RosterView.flagLabel(flag.kind()) + ": " + flag.detail());
            chip.getElement().setAttribute("theme", "badge error");
            flags.add(chip);
        }
        if (owner) {
            leadCoach.setValue(profile.leadCoach());
            coCoaches.setValue(new LinkedHashSet<>(profile.coCoaches()));
        } else {
            coachesText.setText(coachesText(profile));
        }
        injuries.setItems(profile.injuries());
    }

    private void save() {
        ProfileModel model = new ProfileModel();
        if (!binder.writeBeanIfValid(model)) {
            return;
        }
        try {
            ClientProfile saved = profiles.updateProfile(client, version, model.toChanges());
            Forms.saved("Profile saved.");
            reload();
            getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new ProfileSaved(ui, saved)));
        } catch (StaleVersionException e) {
            Forms.conflict();
            reload();
        } catch (ConsentRequiredException | IllegalArgumentException e) {
            Forms.error(e.getMessage());
        }
    }

    private void saveCoaches() {
        CoachRef lead = leadCoach.getValue();
        try {
            profiles.assignCoaches(
                    client,
                    version,
                    lead == null ? null : lead.id(),
                    coCoaches.getValue().stream().map(CoachRef::id).toList());
            Forms.saved("Coaches saved.");
            reload();
        } catch (StaleVersionException e) {
            Forms.conflict();
            reload();
        } catch (IllegalArgumentException e) {
            Forms.error(e.getMessage());
        }
    }

    private void removeSelectedInjury() {
        injuries.getSelectedItems().stream().findFirst().ifPresent(injury -> {
            try {
                profiles.removeInjury(client, injury.id());
            } catch (NotFoundException alreadyGone) {
                // Someone else removed it first: the reload below shows that.
            }
            injuries.deselectAll();
            reload();
        });
    }

    private static String coachesText(ClientProfile profile) {
        String lead = profile.leadCoach() == null
                ? "No lead coach"
                : "Lead coach: " + profile.leadCoach().name();
        if (profile.coCoaches().isEmpty()) {
            return lead;
        }
        return lead + "; with "
                + profile.coCoaches().stream().map(CoachRef::name).collect(Collectors.joining(", "));
    }

    static String label(String dbValue) {
        String words = dbValue.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** Adds or corrects one injury, with the date rules checked inline. */
    private final class InjuryEditor extends Div {

        private final Binder<InjuryModel> injuryBinder = new Binder<>();
        private final TextField condition = new TextField("Condition");
        private final Select<InjurySide> side = new Select<>();
        private final DatePicker since = new DatePicker("Since");
        private final DatePicker resolvedOn = new DatePicker("Resolved on");
        private final TextArea notes = new TextArea("Notes");
        private @Nullable Injury editing;

        InjuryEditor() {
            setId("injury-editor");
            condition.setId("injury-condition");
            condition.setPlaceholder("e.g. proximal hamstring tendinopathy");
            side.setId("injury-side");
            side.setLabel("Side");
            side.setItems(InjurySide.values());
            side.setItemLabelGenerator(s -> label(s.dbValue()));
            since.setId("injury-since");
            resolvedOn.setId("injury-resolved");
            notes.setId("injury-notes");
            injuryBinder
                    .forField(condition)
                    .asRequired("Name the condition, e.g. 'proximal hamstring tendinopathy'.")
                    .bind(InjuryModel::getCondition, InjuryModel::setCondition);
            injuryBinder.forField(side).asRequired("Choose a side.").bind(InjuryModel::getSide, InjuryModel::setSide);
            injuryBinder
                    .forField(since)
                    .withValidator(
                            d -> d == null || !d.isAfter(LocalDate.now(clock)), "An injury cannot start in the future.")
                    .bind(InjuryModel::getSince, InjuryModel::setSince);
            injuryBinder
                    .forField(resolvedOn)
                    .withValidator(
                            d -> d == null || since.getValue() == null || !d.isBefore(since.getValue()),
                            "It cannot be resolved before it started.")
                    .bind(InjuryModel::getResolvedOn, InjuryModel::setResolvedOn);
            injuryBinder.forField(notes).bind(InjuryModel::getNotes, InjuryModel::setNotes);
            since.addValueChangeListener(e -> injuryBinder.validate());
            Button saveInjury = new Button("Save injury", click -> save());
            saveInjury.setId("save-injury");
            saveInjury.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button("Cancel", click -> setVisible(false));
            add(new FormLayout(condition, side, since, resolvedOn, notes), new HorizontalLayout(saveInjury, cancel));
            setVisible(false);
        }

        void open(@Nullable Injury injury) {
            editing = injury;
            InjuryModel model = new InjuryModel();
            if (injury != null) {
                model.setCondition(injury.condition());
                model.setSide(injury.side());
                model.setSince(injury.since());
                model.setResolvedOn(injury.resolvedOn());
                model.setNotes(injury.notes());
            } else {
                model.setSide(InjurySide.NONE);
            }
            injuryBinder.readBean(model);
            setVisible(true);
        }

        private void save() {
            InjuryModel model = new InjuryModel();
            if (!injuryBinder.writeBeanIfValid(model)) {
                return;
            }
            InjuryDetails details = new InjuryDetails(
                    model.getCondition(), model.getSide(), model.getSince(), model.getResolvedOn(), model.getNotes());
            try {
                if (editing == null) {
                    profiles.addInjury(client, details);
                } else {
                    profiles.updateInjury(client, editing.id(), details);
                }
                setVisible(false);
                reload();
            } catch (IllegalArgumentException e) {
                Forms.error(e.getMessage());
            } catch (NotFoundException e) {
                Forms.error("This injury was removed by someone else.");
                setVisible(false);
                reload();
            }
        }
    }

    /** The form's bean: mutable, as Binder wants it. */
    static final class ProfileModel {
        private String displayName = "";
        private @Nullable ClientStatus status;
        private Set<String> tags = new LinkedHashSet<>();
        private @Nullable String goal;
        private @Nullable AgeGroup ageGroup;
        private @Nullable MenopausalStatus menopausalStatus;
        private @Nullable BigDecimal weeklyVolumeKm;
        private @Nullable String races;

        static ProfileModel of(ClientProfile p) {
            ProfileModel m = new ProfileModel();
            m.displayName = p.displayName();
            m.status = p.status();
            m.tags = new LinkedHashSet<>(p.tags());
            m.goal = p.goal() == null ? "" : p.goal();
            m.ageGroup = p.ageGroup();
            m.menopausalStatus = p.menopausalStatus();
            m.weeklyVolumeKm = p.weeklyVolumeKm();
            m.races = p.races() == null ? "" : p.races();
            return m;
        }

        ProfileChanges toChanges() {
            return new ProfileChanges(
                    displayName,
                    status == null ? ClientStatus.LEAD : status,
                    new ArrayList<>(tags),
                    goal,
                    ageGroup,
                    menopausalStatus,
                    weeklyVolumeKm,
                    races);
        }

        String getDisplayName() {
            return displayName;
        }

        void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        @Nullable
        ClientStatus getStatus() {
            return status;
        }

        void setStatus(@Nullable ClientStatus status) {
            this.status = status;
        }

        Set<String> getTags() {
            return tags;
        }

        void setTags(Set<String> tags) {
            this.tags = new LinkedHashSet<>(tags);
        }

        @Nullable
        String getGoal() {
            return goal;
        }

        void setGoal(@Nullable String goal) {
            this.goal = goal;
        }

        @Nullable
        AgeGroup getAgeGroup() {
            return ageGroup;
        }

        void setAgeGroup(@Nullable AgeGroup ageGroup) {
            this.ageGroup = ageGroup;
        }

        @Nullable
        MenopausalStatus getMenopausalStatus() {
            return menopausalStatus;
        }

        void setMenopausalStatus(@Nullable MenopausalStatus menopausalStatus) {
            this.menopausalStatus = menopausalStatus;
        }

        @Nullable
        BigDecimal getWeeklyVolumeKm() {
            return weeklyVolumeKm;
        }

        void setWeeklyVolumeKm(@Nullable BigDecimal weeklyVolumeKm) {
            this.weeklyVolumeKm = weeklyVolumeKm;
        }

        @Nullable
        String getRaces() {
            return races;
        }

        void setRaces(@Nullable String races) {
            this.races = races;
        }
    }

    /** The injury editor's bean. */
    static final class InjuryModel {
        private String condition = "";
        private InjurySide side = InjurySide.NONE;
        private @Nullable LocalDate since;
        private @Nullable LocalDate resolvedOn;
        private @Nullable String notes;

        String getCondition() {
            return condition;
        }

        void setCondition(String condition) {
            this.condition = condition;
        }

        InjurySide getSide() {
            return side;
        }

        void setSide(InjurySide side) {
            this.side = side;
        }

        @Nullable
        LocalDate getSince() {
            return since;
        }

        void setSince(@Nullable LocalDate since) {
            this.since = since;
        }

        @Nullable
        LocalDate getResolvedOn() {
            return resolvedOn;
        }

        void setResolvedOn(@Nullable LocalDate resolvedOn) {
            this.resolvedOn = resolvedOn;
        }

        @Nullable
        String getNotes() {
            return notes;
        }

        void setNotes(@Nullable String notes) {
            this.notes = notes;
        }
    }
}
