package io.loadwise.ui.onboarding;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.loadwise.onboarding.SignedUpTenant;
import io.loadwise.onboarding.Signup;
import io.loadwise.onboarding.SignupRejectedException;
import io.loadwise.onboarding.SignupService;
import io.loadwise.tenancy.Slugs;
import io.loadwise.ui.MainLayout;
import java.util.Map;

/**
 * The public signup of a coaching business, {@code /signup}. The storefront address is suggested
 * from the name until the person edits it; every field explains a problem inline, including a taken
 * address or an email that already has an account.
 */
@Route(value = "signup", layout = MainLayout.class)
@PageTitle("Sign your coaching business up · Loadwise")
@AnonymousAllowed
public class SignupView extends Main {

    private final SignupService signups;

    final TextField businessName = new TextField("Business name");
    final TextField slug = new TextField("Storefront address");
    final TextField ownerName = new TextField("Your name");
    final EmailField ownerEmail = new EmailField("Your email");
    final ComboBox<String> currency = new ComboBox<>("Currency", Choices.currencies());
    final ComboBox<String> timeZone = new ComboBox<>("Time zone", Choices.timeZones());
    final ComboBox<String> locale = new ComboBox<>("Language", Choices.locales());
    private final Binder<Form> binder = new Binder<>(Form.class);
    private boolean slugEdited;

    public SignupView(SignupService signups) {
        this.signups = signups;
        H1 title = new H1("Open your coaching business on Loadwise");
        businessName.setId("business-name");
        slug.setId("slug");
        slug.setPrefixComponent(new com.vaadin.flow.component.html.Span("/t/"));
        slug.setHelperText("Lower-case letters, digits and hyphens.");
        ownerName.setId("owner-name");
        ownerEmail.setId("owner-email");
        currency.setId("currency");
        timeZone.setId("time-zone");
        locale.setId("locale");
        locale.setAllowCustomValue(true);
        locale.addCustomValueSetListener(e -> locale.setValue(e.getDetail()));
        businessName.setValueChangeMode(ValueChangeMode.EAGER);
        businessName.addValueChangeListener(e -> {
            if (!slugEdited) {
                slug.setValue(Slugs.suggest(e.getValue()));
            }
        });
        slug.addValueChangeListener(e -> slugEdited |= e.isFromClient());

        binder.forField(businessName).asRequired("Your business needs a name.").bind("businessName");
        binder.forField(slug)
                .asRequired("Choose an address for your storefront.")
                .withValidator((value, context) ->
                        Slugs.problem(value).map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind("slug");
        binder.forField(ownerName).asRequired("Tell us your name.").bind("ownerName");
        binder.forField(ownerEmail)
                .asRequired("We send the link to confirm your account here.")
                .withValidator(new com.vaadin.flow.data.validator.EmailValidator("This is not an email address."))
                .bind("ownerEmail");
        binder.forField(currency).asRequired("Choose the currency you sell in.").bind("currency");
        binder.forField(timeZone).asRequired("Choose your time zone.").bind("timeZone");
        binder.forField(locale).asRequired("Choose a language.").bind("locale");
        Form initial = new Form();
        binder.readBean(initial);

        Button submit = new Button("Sign up", click -> submit());
        submit.setId("sign-up");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(businessName, slug, ownerName, ownerEmail, currency, timeZone, locale);
        form.setMaxWidth("40rem");
        add(title, form, submit);
    }

    private void submit() {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            SignedUpTenant tenant = signups.signUp(new Signup(
                    form.getBusinessName(),
                    form.getSlug(),
                    form.getOwnerName(),
                    form.getOwnerEmail(),
                    form.getCurrency(),
                    form.getTimeZone(),
                    form.getLocale()));
            showDone(tenant);
        } catch (SignupRejectedException e) {
            HasValidation field = fields().getOrDefault(e.field(), businessName);
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of(
                "businessName", businessName,
                "slug", slug,
                "ownerName", ownerName,
                "ownerEmail", ownerEmail,
                "currency", currency,
                "timeZone", timeZone,
                "locale", locale);
    }

    private void showDone(SignedUpTenant tenant) {
        removeAll();
        H1 title = new H1("Check your inbox");
        title.setId("signup-done");
        Paragraph next = new Paragraph("We sent a link to " + tenant.ownerEmail() + ". Follow it to confirm your"
                + " email and choose a password; your storefront /t/" + tenant.slug() + " opens then.");
        add(title, next);
    }

    /** The form's values; a bean so that the binder can validate them all before anything is sent. */
    public static final class Form {
        private String businessName = "";
        private String slug = "";
        private String ownerName = "";
        private String ownerEmail = "";
        private String currency = "EUR";
        private String timeZone = "Europe/Berlin";
        private String locale = "en";

        public String getBusinessName() {
            return businessName;
        }

        public void setBusinessName(String businessName) {
            this.businessName = businessName;
        }

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug;
        }

        public String getOwnerName() {
            return ownerName;
        }

        public void setOwnerName(String ownerName) {
            this.ownerName = ownerName;
        }

        public String getOwnerEmail() {
            return ownerEmail;
        }

        public void setOwnerEmail(String ownerEmail) {
            this.ownerEmail = ownerEmail;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public String getLocale() {
            return locale;
        }

        public void setLocale(String locale) {
            this.locale = locale;
        }
    }
}
