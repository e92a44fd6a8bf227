package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.ACCOUNT_TOKENS;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.IdentityProvisioning.AccountRemoval;
import io.loadwise.jooq.tables.records.MembersRecord;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The client's login: her membership of the business, the single-use links mailed to her and her
 * Keycloak account. Erasure anonymizes the membership row (messages and notes of others may point
 * at members), deletes the links and removes the account in Keycloak last, so a Keycloak failure
 * rolls the whole erasure back and it can simply be asked for again.
 */
@Component
class AccountData implements PersonalData {

    private final DSLContext db;
    private final IdentityProvisioning identity;
    private final Clock clock;

    AccountData(DSLContext db, IdentityProvisioning identity, Clock clock) {
        this.db = db;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "account";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Object export(ClientId client) {
        return member(client)
                .<Object>map(m -> new Account(
                        m.getEmail(),
                        m.getDisplayName(),
                        m.getRole(),
                        m.getCreatedAt().toInstant()))
                .orElse(Map.of("login", "none: on the roster without an account"));
    }

    @Override
    public int erase(ClientId client) {
        Optional<MembersRecord> found = member(client);
        if (found.isEmpty()) {
            return 0;
        }
        MembersRecord member = found.get();
        int tokens = db.deleteFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.MEMBER_ID.eq(member.getId()))
                .execute();
        db.update(MEMBERS)
                .set(MEMBERS.DISPLAY_NAME, ProfileData.ERASED_NAME)
                .set(MEMBERS.EMAIL, ProfileData.erasedAddress(member.getId().toString()))
                // The old subject must never map to this row again, whatever Keycloak does next.
                .set(MEMBERS.USER_ID, Ids.newId(clock))
                .set(MEMBERS.REMOVED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(MEMBERS.ID.eq(member.getId()))
                .execute();
        AccountRemoval removal = identity.deleteUser(TenantContext.require(), member.getUserId());
        return 1 + tokens + (removal == AccountRemoval.NOT_FOUND ? 0 : 1);
    }

    private Optional<MembersRecord> member(ClientId client) {
        return db.select(MEMBERS.fields())
                .from(MEMBERS)
                .join(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(MEMBERS.TENANT_ID), CLIENTS.MEMBER_ID.eq(MEMBERS.ID))
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOptional()
                .map(r -> r.into(MEMBERS));
    }

    record Account(String email, String name, String role, Instant memberSince) {}
}
