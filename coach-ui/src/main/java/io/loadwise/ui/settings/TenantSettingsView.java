package io.loadwise.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.team.TeamService;
import io.loadwise.tenancy.InvalidTenantSettingException;
import io.loadwise.tenancy.LogoRejectedException;
import io.loadwise.tenancy.SlugTakenException;
import io.loadwise.tenancy.Slugs;
import io.loadwise.tenancy.TenantSettingRules;
import io.loadwise.tenancy.TenantSettings;
import io.loadwise.tenancy.TenantSettingsChange;
import io.loadwise.tenancy.TenantSettingsService;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.onboarding.Choices;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The owner's settings page, {@code /coach/settings}: name, storefront address, brand colour, logo,
 * currency, time zone and language. Saving checks the version read, so a change someone else saved
 * in between is never overwritten: the page says so and reloads.
 */
@Route(value = "coach/settings", layout = MainLayout.class)
@PageTitle("Settings · Loadwise")
@RolesAllowed("COACH")
public class TenantSettingsView extends Main {

    private final TenantSettingsService settings;

    final TextField name = new TextField("Business name");
    final TextField slug = new TextField("Storefront address");
    final TextField brandColor = new TextField("Brand colour");
    final ComboBox<String> currency = new ComboBox<>("Currency", Choices.currencies());
    final ComboBox<String> timeZone = new ComboBox<>("Time zone", Choices.timeZones());
    final ComboBox<String> locale = new ComboBox<>("Language", Choices.locales());
    final Span logoError = new Span();
    private final Div swatch = new Div();
    private final Div logo = new Div();
    private final Binder<Form> binder = new Binder<>();
    private int version;

    public TenantSettingsView(TenantSettingsService settings, TeamService team) {
        this.settings = settings;
        add(new H1("Settings"));
        if (!team.currentUserIsOwner()) {
            Paragraph ownersOnly = new Paragraph("Only the owner of the business can change its settings.");
            ownersOnly.setId("owners-only");
            add(ownersOnly);
            return;
        }
        name.setId("settings-name");
        slug.setId("settings-slug");
        slug.setPrefixComponent(new Span("/t/"));
        brandColor.setId("settings-brand-color");
        brandColor.setPlaceholder("#0f766e");
        brandColor.setHelperText("# and six hex digits; buttons and headings on your storefront use it.");
        brandColor.setSuffixComponent(swatch);
        swatch.setWidth("1.2em");
        swatch.setHeight("1.2em");
        swatch.getStyle().set("border-radius", "50%").set("border", "1px solid var(--lumo-contrast-30pct)");
        brandColor.addValueChangeListener(e -> showSwatch(e.getValue()));
        currency.setId("settings-currency");
        timeZone.setId("settings-time-zone");
        locale.setId("settings-locale");
        locale.setAllowCustomValue(true);
        locale.addCustomValueSetListener(e -> locale.setValue(e.getDetail()));

        binder.forField(name).asRequired("Your business needs a name.").bind(Form::getName, Form::setName);
        binder.forField(slug)
                .asRequired("Choose an address for your storefront.")
                .withValidator((value, context) ->
                        Slugs.problem(value).map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind(Form::getSlug, Form::setSlug);
        binder.forField(brandColor)
                .withValidator(rule(TenantSettingRules::brandColor))
                .bind(Form::getBrandColor, Form::setBrandColor);
        binder.forField(currency).asRequired("Choose a currency.").bind(Form::getCurrency, Form::setCurrency);
        binder.forField(timeZone).asRequired("Choose a time zone.").bind(Form::getTimeZone, Form::setTimeZone);
        binder.forField(locale)
                .asRequired("Choose a language.")
                .withValidator(rule(TenantSettingRules::locale))
                .bind(Form::getLocale, Form::setLocale);

        Button save = new Button("Save", click -> save());
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, slug, brandColor, currency, timeZone, locale);
        form.setMaxWidth("48rem");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> storeLogo(bytes)));
        upload.setId("logo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TenantSettingsService.MAX_LOGO_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        upload.addFileRejectedListener(e -> showLogoError(e.getErrorMessage()
                + " The logo must be a PNG, JPEG or WebP image of at most "
                + TenantSettingsService.MAX_LOGO_BYTES / 1024 + " KiB."));
        logoError.setId("logo-error");
        logoError.getStyle().set("color", "var(--lumo-error-text-color)");
        Button removeLogo = new Button("Remove logo", click -> {
            show(settings.removeLogo());
        });
        removeLogo.setId("remove-logo");

        add(form, save, new H2("Logo"), logo, upload, logoError, removeLogo);
        show(settings.current());
    }

    private void save() {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            show(settings.update(
                    version,
                    new TenantSettingsChange(
                            form.getName(),
                            form.getSlug(),
                            form.getBrandColor(),
                            form.getCurrency(),
                            form.getTimeZone(),
                            form.getLocale())));
            Notification.show("Settings saved.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidTenantSettingException e) {
            fieldError(e.field(), e.getMessage());
        } catch (SlugTakenException e) {
            fieldError("slug", e.getMessage());
        } catch (StaleVersionException e) {
            show(settings.current());
            Notification notice = Notification.show(
                    "These settings were changed by someone else — reloaded. Apply your change again.");
            notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    /**
     * Runs in the upload request, which the security filters bound to the signed-in owner and
     * their tenant like any other; the page is updated under the UI's lock.
     */
    private void storeLogo(byte[] bytes) {
        try {
            TenantSettings saved = settings.setLogo(bytes);
            getUI().ifPresent(ui -> ui.access(() -> show(saved)));
        } catch (LogoRejectedException e) {
            getUI().ifPresent(ui -> ui.access(() -> showLogoError(e.getMessage())));
        }
    }

    private void show(TenantSettings current) {
        version = current.version();
        Form form = new Form();
        form.setName(current.name());
        form.setSlug(current.slug());
        form.setBrandColor(current.brandColor() == null ? "" : current.brandColor());
        form.setCurrency(current.currency());
        form.setTimeZone(current.timeZone());
        form.setLocale(current.locale());
        binder.readBean(form);
        showSwatch(form.getBrandColor());
        logoError.setText("");
        logo.removeAll();
        if (current.logoUpdatedAt() != null) {
            Image image = new Image(
                    "/tenant-logos/" + current.id() + "?v="
                            + current.logoUpdatedAt().toEpochMilli(),
                    current.name() + " logo");
            image.setId("current-logo");
            image.setMaxHeight("96px");
            logo.add(image);
        } else {
            Span none = new Span("No logo yet.");
            none.setId("no-logo");
            logo.add(none);
        }
    }

    private void showSwatch(@Nullable String colour) {
        boolean valid = colour != null && colour.matches("^#[0-9a-fA-F]{6}$");
        swatch.getStyle().set("background", valid ? colour : "transparent");
    }

    private void showLogoError(String message) {
        logoError.setText(message);
    }

    private void fieldError(String field, String message) {
        Map<String, HasValidation> fields = Map.of(
                "name", name,
                "slug", slug,
                "brandColor", brandColor,
                "currency", currency,
                "timeZone", timeZone,
                "locale", locale);
        HasValidation target = fields.getOrDefault(field, name);
        target.setErrorMessage(message);
        target.setInvalid(true);
    }

    private static com.vaadin.flow.data.binder.Validator<String> rule(Function<String, ?> check) {
        return (value, context) -> {
            try {
                check.apply(value);
                return ValidationResult.ok();
            } catch (InvalidTenantSettingException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    /** The form's values. */
    static final class Form {
        private String name = "";
        private String slug = "";
        private String brandColor = "";
        private String currency = "";
        private String timeZone = "";
        private String locale = "";

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        String getSlug() {
            return slug;
        }

        void setSlug(String slug) {
            this.slug = slug;
        }

        String getBrandColor() {
            return brandColor;
        }

        void setBrandColor(String brandColor) {
            this.brandColor = brandColor;
        }

        String getCurrency() {
            return currency;
        }

        void setCurrency(String currency) {
            this.currency = currency;
        }

        String getTimeZone() {
            return timeZone;
        }

        void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        String getLocale() {
            return locale;
        }

        void setLocale(String locale) {
            this.locale = locale;
        }
    }
}
