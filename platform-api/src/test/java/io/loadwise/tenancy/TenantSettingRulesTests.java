package io.loadwise.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TenantSettingRulesTests {

    @Test
    void a_slug_is_suggested_from_the_business_name() {
        assertThat(Slugs.suggest("Stride Coaching!")).isEqualTo("stride-coaching");
        assertThat(Slugs.suggest("  Läufer & Co. ")).isEqualTo("laufer-co");
        assertThat(Slugs.suggest("x".repeat(80))).hasSize(63);
    }

    @Test
    void slugs_follow_the_schema_format_and_avoid_our_own_words() {
        assertThat(Slugs.problem("stride-coaching")).isEmpty();
        assertThat(Slugs.problem("Stride")).isPresent();
        assertThat(Slugs.problem("-stride")).isPresent();
        assertThat(Slugs.problem("stride-")).isPresent();
        assertThat(Slugs.problem("x".repeat(64))).isPresent();
        assertThat(Slugs.problem("admin")).hasValueSatisfying(p -> assertThat(p).contains("reserved"));
        assertThat(Slugs.problem("welcome")).isPresent();
        assertThat(Slugs.problem("t")).isPresent();
    }

    @Test
    void settings_are_normalized_and_each_bad_field_is_named() {
        TenantSettingsChange valid = TenantSettingRules.validated(
                new TenantSettingsChange(" Stride ", "stride", "#0F766E", "eur", "Europe/Berlin", "de-de"));

        assertThat(valid)
                .isEqualTo(new TenantSettingsChange("Stride", "stride", "#0f766e", "EUR", "Europe/Berlin", "de-DE"));
        assertField(() -> TenantSettingRules.brandColor("red"), "brandColor");
        assertField(() -> TenantSettingRules.brandColor("#12345g"), "brandColor");
        assertField(() -> TenantSettingRules.currency("XYZ"), "currency");
        assertField(() -> TenantSettingRules.currency("EURO"), "currency");
        assertField(() -> TenantSettingRules.timeZone("Mars/Olympus"), "timeZone");
        assertField(() -> TenantSettingRules.locale("xx"), "locale");
        assertField(() -> TenantSettingRules.locale("english"), "locale");
        assertField(() -> TenantSettingRules.name("   "), "name");
        assertThat(TenantSettingRules.brandColor("")).isNull();
    }

    @Test
    void a_logo_is_recognised_by_its_first_bytes_not_by_what_the_upload_claims() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        assertThat(TenantSettingsService.imageType(png)).contains("image/png");
        assertThat(TenantSettingsService.imageType(jpeg)).contains("image/jpeg");
        assertThat(TenantSettingsService.imageType(webp)).contains("image/webp");
        assertThat(TenantSettingsService.imageType(svg)).isEmpty();
        assertThat(TenantSettingsService.imageType(new byte[0])).isEmpty();
    }

    private static void assertField(Runnable check, String field) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(InvalidTenantSettingException.class, e -> assertThat(e.field())
                        .isEqualTo(field));
    }
}
