package io.loadwise.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.AccessDeniedView;
import io.loadwise.ui.CommerceTestData;
import io.loadwise.ui.SignedIn;
import io.loadwise.ui.UiTestData;
import io.loadwise.ui.UiTestData.SeededTenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The platform admin's billing page, browserless on the real Spring context and PostgreSQL. */
@IntegrationTest
class PlatformBillingViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    PaymentAccountService payments;

    SeededTenant stride;
    UUID strideOwner = UUID.randomUUID();

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void setUp() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        UiTestData.member(stride, strideOwner, "owner", "Casey Coach");
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void platform_billing_is_in_the_admin_menu_and_closed_to_coaches() {
        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);
        UI.getCurrent().navigate("admin/tenants");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Tenants", "Platform billing");
        signedIn.close();

        signedIn = SignedIn.as(strideOwner, "Casey Coach", stride.id(), Role.COACH);
        UI.getCurrent().navigate("admin/billing");
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void the_fee_dialog_turns_a_percentage_into_basis_points_and_requires_a_reason() {
        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);
        io.loadwise.tenancy.Tenant tenant =
                new io.loadwise.tenancy.Tenant(stride.id(), stride.slug(), stride.name(), "USD", "UTC", "en-US", null);
        FeeDialog dialog = new FeeDialog(tenant, new PlatformFee(250, 30), payments, () -> {});
        dialog.open();
        assertThat(dialog.percent.getValue()).isEqualByComparingTo("2.50");
        assertThat(dialog.fixed.getValue()).isEqualByComparingTo("0.30");

        dialog.percent.setValue(new BigDecimal("2.755"));
        dialog.fixed.setValue(new BigDecimal("-1"));
        _click(_get(Button.class, spec -> spec.withId("save-fee")));
        assertThat(dialog.percent.getErrorMessage()).isEqualTo("Use at most two decimals.");
        assertThat(dialog.fixed.getErrorMessage()).isEqualTo("The fixed amount cannot be negative.");
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Say why the fee changes; it is kept in the audit log.");
        assertThat(dialog.isOpened()).isTrue();

        dialog.percent.setValue(new BigDecimal("51"));
        dialog.fixed.setValue(new BigDecimal("0.255"));
        assertThat(dialog.fee()).isEmpty();
        assertThat(dialog.percent.getErrorMessage()).isEqualTo("The percentage must be between 0 and 50.");
        assertThat(dialog.fixed.getErrorMessage()).isEqualTo("Use at most 2 decimals.");

        dialog.percent.setValue(new BigDecimal("3.25"));
        dialog.fixed.setValue(new BigDecimal("0.5"));
        dialog.reason.setValue("Founding-coach rate ends");
        assertThat(dialog.fee()).contains(new PlatformFee(325, 50));
        assertThat(FeeDialog.describe(new PlatformFee(325, 50), "USD")).isEqualTo("3.25 % + $0.50");
    }

    @Test
    void a_platform_admin_sees_each_business_with_its_sales_and_fee() {
        CommerceTestData.paymentAccount(
                stride, "acct_" + UUID.randomUUID().toString().substring(0, 8), true, 250, 30);
        UUID guide = CommerceTestData.offer(
                stride, OfferKind.GUIDE, "Tendon Health Guide", 2900, "USD", null, null, 48, null, 1, false);
        CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                null,
                "jess@example.com",
                "Jess Runner",
                "paid",
                "USD",
                2900,
                0,
                103,
                null,
                Instant.now());
        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);

        UI.getCurrent().navigate("admin/billing");

        @SuppressWarnings("unchecked")
        Grid<BillingAdminView.BusinessRow> volume = _get(Grid.class, spec -> spec.withId("volume"));
        List<BillingAdminView.BusinessRow> rows = GridKt._fetch(volume, 0, GridKt._size(volume));
        assertThat(rows)
                .filteredOn(r -> r.tenant().id().equals(stride.id()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.orders()).isEqualTo(1);
                    assertThat(r.gross()).isEqualTo(2900);
                    assertThat(r.fees()).isEqualTo(103);
                    assertThat(r.fee()).isEqualTo(new PlatformFee(250, 30));
                });
        int strideRow = rows.indexOf(rows.stream()
                .filter(r -> r.tenant().id().equals(stride.id()))
                .findFirst()
                .orElseThrow());
        assertThat(GridKt._getCellComponent(volume, strideRow, "edit").getId()).hasValue("edit-fee-" + stride.slug());
        _get(Button.class, spec -> spec.withId("reconcile-now"));
    }

    private static Component currentView() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }
}
