package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENT_CONSENTS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Consents for sensitive data, with the wording agreed to. */
@Component
class ConsentData implements PersonalData {

    private final DSLContext db;

    ConsentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "consents";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Object export(ClientId client) {
        return db.selectFrom(CLIENT_CONSENTS)
                .where(CLIENT_CONSENTS.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_CONSENTS.GRANTED_AT, CLIENT_CONSENTS.ID)
                .fetch(r -> new Consent(
                        r.getPurpose(),
                        r.getWording(),
                        r.getGrantedAt().toInstant(),
                        r.getWithdrawnAt() == null ? null : r.getWithdrawnAt().toInstant()));
    }

    /** The consents go with the data they covered: once that is erased, there is nothing left to consent to. */
    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(CLIENT_CONSENTS)
                .where(CLIENT_CONSENTS.CLIENT_ID.eq(client.value()))
                .execute();
    }

    record Consent(
            String purpose,
            String wording,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {}
}
