package io.loadwise.billing.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlatformFeeTests {

    @Test
    void the_fee_is_a_percentage_rounded_down_plus_a_fixed_part() {
        PlatformFee fee = new PlatformFee(250, 30);

        assertThat(fee.on(10_000)).isEqualTo(280);
        assertThat(fee.on(3_999)).isEqualTo(99 + 30);
        assertThat(PlatformFee.NONE.on(3_900)).isZero();
    }

    @Test
    void the_fee_never_exceeds_the_charge() {
        assertThat(new PlatformFee(5000, 10_000).on(60)).isEqualTo(60);
        assertThat(new PlatformFee(0, 100).on(0)).isZero();
    }

    @Test
    void fees_out_of_range_are_refused() {
        assertThatThrownBy(() -> new PlatformFee(5001, 0)).hasMessageContaining("between 0 % and 50 %");
        assertThatThrownBy(() -> new PlatformFee(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformFee(0, -1)).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new PlatformFee(0, 10_001)).hasMessageContaining("at most 10000");
        assertThat(new PlatformFee(5000, 10_000).basisPoints()).isEqualTo(5000);
    }

    @Test
    void a_fee_change_needs_a_real_reason() {
        assertThatThrownBy(() -> PaymentAccountService.requireReason(null)).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> PaymentAccountService.requireReason("   short   "))
                .hasMessageContaining("at least 10");
        assertThat(PaymentAccountService.requireReason("  Partner rate agreed  "))
                .isEqualTo("Partner rate agreed");
    }

    @Test
    void the_account_opens_in_the_country_of_the_business() {
        TenantId id = new TenantId(UUID.randomUUID());
        assertThat(PaymentAccountService.countryOf(new Tenant(id, "s", "n", "GBP", "Europe/London", "en", null)))
                .isEqualTo("GB");
        assertThat(PaymentAccountService.countryOf(new Tenant(id, "s", "n", "EUR", "Europe/Berlin", "de-DE", null)))
                .isEqualTo("DE");
        assertThat(PaymentAccountService.countryOf(new Tenant(id, "s", "n", "XYZ", "UTC", "en", null)))
                .isEqualTo("US");
    }
}
