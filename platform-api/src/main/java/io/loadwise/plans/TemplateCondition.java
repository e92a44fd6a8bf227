package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** What a template treats. */
public enum TemplateCondition {
    HAMSTRING,
    ACHILLES,
    PATELLAR,
    GENERAL,
    ONBOARDING;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static TemplateCondition fromCode(String code) {
        return Codes.parse(TemplateCondition.class, code, "template condition");
    }
}
