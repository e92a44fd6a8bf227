package io.loadwise.ui.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.roster.AgeGroup;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.ConsentRequiredException;
import io.loadwise.roster.ConsentState;
import io.loadwise.roster.MenopausalStatus;
import io.loadwise.roster.OwnProfile;
import io.loadwise.roster.OwnProfileChanges;
import io.loadwise.roster.ProfileRules;
import io.loadwise.shared.StaleVersionException;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in client's own profile: name, goal, age group, training background, and her consent
 * to recording her menopausal status. The status can be chosen only while she consents; withdrawing
 * the consent deletes it.
 */
@Route(value = "t/:slug/me/profile", layout = PortalLayout.class)
@PageTitle("My profile · Loadwise")
@RolesAllowed("CLIENT")
public class PortalProfileView extends Main implements BeforeEnterObserver {

    static final String CONFLICT =
            "Your profile was changed meanwhile — reloaded with those changes; apply yours again.";

    private final ClientProfileService profiles;
    private final Binder<Model> binder = new Binder<>();
    private final TextField displayName = new TextField("Name");
    private final TextArea goal = new TextArea("Goal");
    private final Select<AgeGroup> ageGroup = new Select<>();
    private final BigDecimalField weeklyVolume = new BigDecimalField("Weekly running volume (km)");
    private final TextArea races = new TextArea("Races");
    private final Checkbox consent = new Checkbox();
    private final Select<MenopausalStatus> menopausalStatus = new Select<>();
    private final Paragraph consentNote = new Paragraph();
    private int version;
    private boolean loading;

    public PortalProfileView(ClientProfileService profiles) {
        this.profiles = profiles;
        add(new H2("My profile"));
        displayName.setId("my-name");
        goal.setId("my-goal");
        goal.setMaxLength(ProfileRules.MAX_GOAL_LENGTH);
        ageGroup.setId("my-age-group");
        ageGroup.setLabel("Age group");
        ageGroup.setItems(AgeGroup.values());
        ageGroup.setEmptySelectionAllowed(true);
        ageGroup.setItemLabelGenerator(g -> g == null ? "Not given" : label(g.dbValue()));
        weeklyVolume.setId("my-weekly-volume");
        races.setId("my-races");
        consent.setId("menopausal-consent");
        consent.setLabel(ConsentState.MENOPAUSAL_STATUS_WORDING);
        consent.addValueChangeListener(e -> {
            if (!loading) {
                changeConsent(e.getValue());
            }
        });
        consentNote.setId("consent-note");
        menopausalStatus.setId("my-menopausal-status");
        menopausalStatus.setLabel("Menopausal status");
        menopausalStatus.setItems(MenopausalStatus.values());
        menopausalStatus.setEmptySelectionAllowed(true);
        menopausalStatus.setItemLabelGenerator(s -> s == null ? "Not recorded" : label(s.dbValue()));

        binder.forField(displayName)
                .asRequired("Your name, please.")
                .withValidator(rule(ProfileRules::displayName))
                .bind(Model::getDisplayName, Model::setDisplayName);
        binder.forField(goal).withValidator(rule(ProfileRules::goal)).bind(Model::getGoal, Model::setGoal);
        binder.forField(ageGroup).bind(Model::getAgeGroup, Model::setAgeGroup);
        binder.forField(weeklyVolume)
                .withValidator(rule(ProfileRules::weeklyVolumeKm))
                .bind(Model::getWeeklyVolumeKm, Model::setWeeklyVolumeKm);
        binder.forField(races).withValidator(rule(ProfileRules::races)).bind(Model::getRaces, Model::setRaces);
        binder.forField(menopausalStatus).bind(Model::getMenopausalStatus, Model::setMenopausalStatus);

        Button save = new Button("Save", click -> save());
        save.setId("save-my-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(displayName, ageGroup, goal, weeklyVolume, races);
        add(form, consent, consentNote, menopausalStatus, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // PortalLayout has checked that the address is the client's own business.
        try {
            reload();
        } catch (io.loadwise.shared.NotFoundException e) {
            throw new NotFoundException("You are not on this business's roster.");
        }
    }

    private void reload() {
        OwnProfile profile = profiles.ownProfile();
        version = profile.version();
        loading = true;
        try {
            binder.readBean(Model.of(profile));
            ConsentState state = profile.menopausalStatusConsent();
            consent.setValue(state.granted());
            menopausalStatus.setEnabled(state.granted());
            consentNote.setText(
                    state.granted()
                            ? "You can withdraw this consent at any time by unticking the box; your recorded status is"
                                    + " then deleted."
                            : "Without this consent no menopausal status is recorded.");
        } finally {
            loading = false;
        }
    }

    private void changeConsent(boolean granted) {
        if (granted) {
            profiles.grantMenopausalStatusConsent();
        } else {
            profiles.withdrawMenopausalStatusConsent();
        }
        // Keep what she typed in the other fields; only the consent-bound parts change.
        Model typed = new Model();
        binder.writeBeanAsDraft(typed, true);
        OwnProfile profile = profiles.ownProfile();
        version = profile.version();
        loading = true;
        try {
            typed.setMenopausalStatus(profile.menopausalStatus());
            binder.readBean(typed);
            menopausalStatus.setEnabled(granted);
            consentNote.setText(
                    granted
                            ? "Thank you. You can now record your menopausal status below."
                            : "Consent withdrawn; your recorded menopausal status has been deleted.");
        } finally {
            loading = false;
        }
    }

    private void save() {
        Model model = new Model();
        if (!binder.writeBeanIfValid(model)) {
            return;
        }
        try {
            profiles.updateOwnProfile(
                    version,
                    new OwnProfileChanges(
                            model.getDisplayName(),
                            model.getGoal(),
                            model.getAgeGroup(),
                            model.getMenopausalStatus(),
                            model.getWeeklyVolumeKm(),
                            model.getRaces()));
            Notification.show("Profile saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reload();
        } catch (StaleVersionException e) {
            Notification.show(CONFLICT, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            reload();
        } catch (ConsentRequiredException | IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static <T> Validator<T> rule(Function<T, ?> check) {
        return (value, context) -> {
            try {
                check.apply(value);
                return ValidationResult.ok();
            } catch (IllegalArgumentException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    private static String label(String dbValue) {
        String words = dbValue.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The form's bean. */
    static final class Model {
        private String displayName = "";
        private @Nullable String goal;
        private @Nullable AgeGroup ageGroup;
        private @Nullable BigDecimal weeklyVolumeKm;
        private @Nullable String races;
        private @Nullable MenopausalStatus menopausalStatus;

        static Model of(OwnProfile p) {
            Model m = new Model();
            m.displayName = p.displayName();
            m.goal = p.goal();
            m.ageGroup = p.ageGroup();
            m.weeklyVolumeKm = p.weeklyVolumeKm();
            m.races = p.races();
            m.menopausalStatus = p.menopausalStatus();
            return m;
        }

        String getDisplayName() {
            return displayName;
        }

        void setDisplayName(String displayName) {
            this.displayName = displayName;
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

        @Nullable
        MenopausalStatus getMenopausalStatus() {
            return menopausalStatus;
        }

        void setMenopausalStatus(@Nullable MenopausalStatus menopausalStatus) {
            this.menopausalStatus = menopausalStatus;
        }
    }
}
