package io.loadwise.notifications.preferences.internal;

import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.NOTIFICATION_PREFERENCES;
import static io.loadwise.jooq.Tables.NOTIFICATION_SETTINGS;
import static org.jooq.impl.DSL.any;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.preferences.RecipientSettings;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Preferences and settings rows of the bound tenant (row level security scopes every query). */
@Repository
public class PreferencesRepository {

    private final DSLContext db;
    private final Clock clock;

    PreferencesRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A member's address and role ({@code owner}, {@code coach}, {@code client}) by their Keycloak user id. */
    public record Member(String email, String role) {}

    public Optional<Member> member(UUID userId) {
        return db.select(MEMBERS.EMAIL, MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId))
                .fetchOptional(r -> new Member(r.value1(), r.value2()));
    }

    public Optional<RecipientSettings> settings(String email) {
        return db.selectFrom(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL.eq(email))
                .fetchOptional(PreferencesRepository::settings);
    }

    /** The stored settings of many recipients, by email (absent: none stored). */
    public Map<String, RecipientSettings> settings(Collection<String> emails) {
        return db.selectFrom(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL.eq(any(emails.toArray(String[]::new))))
                .fetchMap(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL, PreferencesRepository::settings);
    }

    /** Everyone of the bound tenant who chose the daily digest. */
    public List<RecipientSettings> digestSubscribers() {
        return db.selectFrom(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.DAILY_DIGEST.isTrue())
                .fetch(PreferencesRepository::settings);
    }

    public void saveSettings(RecipientSettings s) {
        // What a save sets, on a new row and on an existing one alike (the last digest stays).
        Map<org.jooq.Field<?>, Object> values = new HashMap<>();
        values.put(
                NOTIFICATION_SETTINGS.LOCALE,
                s.locale() == null ? null : s.locale().toLanguageTag());
        values.put(
                NOTIFICATION_SETTINGS.TIME_ZONE,
                s.zone() == null ? null : s.zone().getId());
        values.put(NOTIFICATION_SETTINGS.QUIET_START, s.quietStart());
        values.put(NOTIFICATION_SETTINGS.QUIET_END, s.quietEnd());
        values.put(NOTIFICATION_SETTINGS.DAILY_DIGEST, s.dailyDigest());
        values.put(NOTIFICATION_SETTINGS.DIGEST_AT, s.digestAt());
        values.put(NOTIFICATION_SETTINGS.UPDATED_AT, now());
        db.insertInto(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.TENANT_ID, TenantContext.require().value())
                .set(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL, s.email())
                .set(values)
                .onConflict(NOTIFICATION_SETTINGS.TENANT_ID, NOTIFICATION_SETTINGS.RECIPIENT_EMAIL)
                .doUpdate()
                .set(values)
                .execute();
    }

    /** Records that the digest up to {@code at} went out (creates the row if the digest had none). */
    public void markDigested(String email, Instant at) {
        db.update(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.LAST_DIGEST_AT, at.atOffset(ZoneOffset.UTC))
                .where(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL.eq(email))
                .execute();
    }

    /** The explicit switches of one recipient: type and channel → on/off (absent: the default, on). */
    public Map<NotificationType, Map<Channel, Boolean>> switches(String email) {
        Map<NotificationType, Map<Channel, Boolean>> result = new HashMap<>();
        for (Record r : db.select(
                        NOTIFICATION_PREFERENCES.TYPE,
                        NOTIFICATION_PREFERENCES.CHANNEL,
                        NOTIFICATION_PREFERENCES.ENABLED)
                .from(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL.eq(email))
                .fetch()) {
            NotificationType type;
            try {
                type = NotificationType.fromKey(r.get(NOTIFICATION_PREFERENCES.TYPE));
            } catch (IllegalArgumentException retired) {
                continue; // a type that no longer exists switches nothing
            }
            result.computeIfAbsent(type, t -> new HashMap<>())
                    .put(
                            Channel.fromColumn(r.get(NOTIFICATION_PREFERENCES.CHANNEL)),
                            r.get(NOTIFICATION_PREFERENCES.ENABLED));
        }
        return result;
    }

    /** What many recipients switched off: email → type → channels (retired types left out). */
    public Map<String, Map<NotificationType, Set<Channel>>> switchedOff(Collection<String> emails) {
        Map<String, Map<NotificationType, Set<Channel>>> off = new HashMap<>();
        for (Record r : db.select(
                        NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL,
                        NOTIFICATION_PREFERENCES.TYPE,
                        NOTIFICATION_PREFERENCES.CHANNEL)
                .from(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL.eq(any(emails.toArray(String[]::new))))
                .and(NOTIFICATION_PREFERENCES.ENABLED.isFalse())
                .fetch()) {
            NotificationType type;
            try {
                type = NotificationType.fromKey(r.get(NOTIFICATION_PREFERENCES.TYPE));
            } catch (IllegalArgumentException retired) {
                continue;
            }
            off.computeIfAbsent(r.get(NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL), e -> new HashMap<>())
                    .computeIfAbsent(type, t -> EnumSet.noneOf(Channel.class))
                    .add(Channel.fromColumn(r.get(NOTIFICATION_PREFERENCES.CHANNEL)));
        }
        return off;
    }

    public void setSwitch(String email, NotificationType type, Channel channel, boolean enabled) {
        OffsetDateTime now = now();
        db.insertInto(NOTIFICATION_PREFERENCES)
                .set(NOTIFICATION_PREFERENCES.TENANT_ID, TenantContext.require().value())
                .set(NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL, email)
                .set(NOTIFICATION_PREFERENCES.TYPE, type.key())
                .set(NOTIFICATION_PREFERENCES.CHANNEL, channel.column())
                .set(NOTIFICATION_PREFERENCES.ENABLED, enabled)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .onConflict(
                        NOTIFICATION_PREFERENCES.TENANT_ID,
                        NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL,
                        NOTIFICATION_PREFERENCES.TYPE,
                        NOTIFICATION_PREFERENCES.CHANNEL)
                .doUpdate()
                .set(NOTIFICATION_PREFERENCES.ENABLED, enabled)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .execute();
    }

    private static RecipientSettings settings(Record r) {
        String locale = r.get(NOTIFICATION_SETTINGS.LOCALE);
        String zone = r.get(NOTIFICATION_SETTINGS.TIME_ZONE);
        OffsetDateTime last = r.get(NOTIFICATION_SETTINGS.LAST_DIGEST_AT);
        return new RecipientSettings(
                r.get(NOTIFICATION_SETTINGS.RECIPIENT_EMAIL),
                locale == null ? null : Locale.forLanguageTag(locale),
                zone == null ? null : zoneOrNull(zone),
                r.get(NOTIFICATION_SETTINGS.QUIET_START),
                r.get(NOTIFICATION_SETTINGS.QUIET_END),
                r.get(NOTIFICATION_SETTINGS.DAILY_DIGEST),
                r.get(NOTIFICATION_SETTINGS.DIGEST_AT),
                last == null ? null : last.toInstant());
    }

    private static @Nullable ZoneId zoneOrNull(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException removedFromTzdb) {
            return null; // the business's zone applies
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
