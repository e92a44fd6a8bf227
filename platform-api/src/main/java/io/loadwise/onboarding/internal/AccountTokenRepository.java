package io.loadwise.onboarding.internal;

import static io.loadwise.jooq.Tables.ACCOUNT_TOKENS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Account tokens of the transaction's tenant (row level security), with the member each is for. */
@Repository
public class AccountTokenRepository {

    private final DSLContext db;

    AccountTokenRepository(DSLContext db) {
        this.db = db;
    }

    /** A stored token and the member it lets set a password. */
    public record StoredToken(
            UUID id,
            AccountLinkPurpose purpose,
            byte[] secretHash,
            Instant expiresAt,
            @Nullable Instant usedAt,
            UUID userId,
            String email,
            String displayName) {}

    /** Unused older links of the member stop working: only the newest one mailed counts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void supersede(UUID memberId) {
        db.deleteFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.MEMBER_ID.eq(memberId), ACCOUNT_TOKENS.USED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(
            UUID id, UUID memberId, String purpose, byte[] secretHash, Instant createdAt, Instant expiresAt) {
        db.insertInto(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.TENANT_ID, TenantContext.require().value())
                .set(ACCOUNT_TOKENS.ID, id)
                .set(ACCOUNT_TOKENS.MEMBER_ID, memberId)
                .set(ACCOUNT_TOKENS.PURPOSE, purpose)
                .set(ACCOUNT_TOKENS.SECRET_HASH, secretHash)
                .set(ACCOUNT_TOKENS.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(ACCOUNT_TOKENS.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Optional<StoredToken> find(UUID id) {
        return select(id).fetchOptional().map(AccountTokenRepository::toToken);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StoredToken> findForUpdate(UUID id) {
        return select(id).forUpdate().of(ACCOUNT_TOKENS).fetchOptional().map(AccountTokenRepository::toToken);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markUsed(UUID id, Instant at) {
        db.update(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.USED_AT, at.atOffset(ZoneOffset.UTC))
                .where(ACCOUNT_TOKENS.ID.eq(id))
                .execute();
    }

    private SelectConditionStep<? extends Record> select(UUID id) {
        return db.select(
                        ACCOUNT_TOKENS.ID,
                        ACCOUNT_TOKENS.PURPOSE,
                        ACCOUNT_TOKENS.SECRET_HASH,
                        ACCOUNT_TOKENS.EXPIRES_AT,
                        ACCOUNT_TOKENS.USED_AT,
                        MEMBERS.USER_ID,
                        MEMBERS.EMAIL,
                        MEMBERS.DISPLAY_NAME)
                .from(ACCOUNT_TOKENS)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(ACCOUNT_TOKENS.TENANT_ID), MEMBERS.ID.eq(ACCOUNT_TOKENS.MEMBER_ID))
                // A member removed from the business can't come back in through an old link.
                .where(ACCOUNT_TOKENS.ID.eq(id), MEMBERS.REMOVED_AT.isNull());
    }

    private static StoredToken toToken(Record r) {
        OffsetDateTime used = r.get(ACCOUNT_TOKENS.USED_AT);
        return new StoredToken(
                r.get(ACCOUNT_TOKENS.ID),
                AccountLinkPurpose.fromDb(r.get(ACCOUNT_TOKENS.PURPOSE)),
                r.get(ACCOUNT_TOKENS.SECRET_HASH),
                r.get(ACCOUNT_TOKENS.EXPIRES_AT).toInstant(),
                used == null ? null : used.toInstant(),
                r.get(MEMBERS.USER_ID),
                r.get(MEMBERS.EMAIL),
                r.get(MEMBERS.DISPLAY_NAME));
    }
}
