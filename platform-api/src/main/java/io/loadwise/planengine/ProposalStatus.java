package io.loadwise.planengine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** Where a proposal stands: waiting, decided, or overtaken by a newer proposal or plan change. */
public enum ProposalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SUPERSEDED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static ProposalStatus fromCode(String code) {
        return Codes.parse(ProposalStatus.class, code, "proposal status");
    }
}
