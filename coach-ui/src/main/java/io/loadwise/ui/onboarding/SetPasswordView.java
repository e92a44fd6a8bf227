package io.loadwise.ui.onboarding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.loadwise.identity.PasswordRejectedException;
import io.loadwise.onboarding.AccountLinkDetails;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinkUnusableException;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.security.UiSecurityConfiguration;

/**
 * Where a mailed account link leads, {@code /welcome/<token>}: the person sees which business and
 * address the link is for, chooses a password (Keycloak's policy decides what is allowed), and is
 * sent on to log in. A link that can't be used gets a page that says why and what to do instead.
 */
@Route(value = "welcome", layout = MainLayout.class)
@AnonymousAllowed
public class SetPasswordView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final AccountLinks links;
    private String token = "";

    public SetPasswordView(AccountLinks links) {
        this.links = links;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        try {
            showForm(links.inspect(token));
        } catch (AccountLinkUnusableException e) {
            showUnusable(e.reason());
        }
    }

    @Override
    public String getPageTitle() {
        return "Choose your password · Loadwise";
    }

    private void showForm(AccountLinkDetails link) {
        removeAll();
        H1 title = new H1(
                link.purpose() == AccountLinkPurpose.VERIFY_EMAIL
                        ? "Confirm your email for " + link.tenantName()
                        : "Welcome to " + link.tenantName());
        title.setId("welcome-title");
        Paragraph account = new Paragraph("Choose a password for " + link.email() + ".");
        account.setId("welcome-email");

        PasswordField password = new PasswordField("Password");
        password.setId("password");
        password.setRequired(true);
        PasswordField repeat = new PasswordField("Repeat password");
        repeat.setId("password-repeat");
        repeat.setRequired(true);
        Button save = new Button("Set password", click -> submit(password, repeat));
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        VerticalLayout form = new VerticalLayout(account, password, repeat, save);
        form.setPadding(false);
        form.setMaxWidth("28rem");
        add(title, form);
    }

    private void submit(PasswordField password, PasswordField repeat) {
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (password.getValue().isEmpty()) {
            invalid(password, "Choose a password.");
            return;
        }
        if (!password.getValue().equals(repeat.getValue())) {
            invalid(repeat, "The two passwords differ.");
            return;
        }
        try {
            showDone(links.redeem(token, password.getValue()));
        } catch (PasswordRejectedException e) {
            invalid(password, e.getMessage());
        } catch (AccountLinkUnusableException e) {
            showUnusable(e.reason());
        }
    }

    private void showDone(AccountLinkDetails link) {
        removeAll();
        H1 title = new H1("Your password is set");
        title.setId("welcome-done");
        String opened = link.purpose() == AccountLinkPurpose.VERIFY_EMAIL
                ? " Your email is confirmed and " + link.tenantName() + " is open."
                : "";
        Paragraph next = new Paragraph("Log in with " + link.email() + " and your new password." + opened);
        add(title, next, loginLink());
    }

    private void showUnusable(AccountLinkUnusableException.Reason reason) {
        removeAll();
        H1 title = new H1(
                switch (reason) {
                    case USED -> "This link was already used";
                    case EXPIRED -> "This link has expired";
                    case INVALID -> "This link is not valid";
                });
        title.setId("link-unusable");
        Paragraph what = new Paragraph(
                switch (reason) {
                    case USED ->
                        "Your password has been set with it already. Log in with it, or use \"Forgot"
                                + " password\" on the login page.";
                    case EXPIRED ->
                        "Links to set a password work for a limited time. Ask the coach who invited"
                                + " you to send the invite again.";
                    case INVALID ->
                        "It may be incomplete (copy the whole link from the email) or replaced by a"
                                + " newer one: use the most recent email, or ask the coach who invited you to send"
                                + " the invite again.";
                });
        what.setId("link-unusable-reason");
        add(title, what);
        if (reason == AccountLinkUnusableException.Reason.USED) {
            add(loginLink());
        }
    }

    private static Anchor loginLink() {
        Anchor login = new Anchor(UiSecurityConfiguration.LOGIN_URL, "Log in");
        login.setId("login-now");
        login.setRouterIgnore(true);
        return login;
    }

    private static void invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
