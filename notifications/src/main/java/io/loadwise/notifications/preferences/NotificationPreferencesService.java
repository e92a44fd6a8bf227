package io.loadwise.notifications.preferences;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.RecipientPreferences;
import io.loadwise.notifications.preferences.internal.PreferencesRepository;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification preferences: the signed-in member's own ({@link MyNotificationSettings}) and the
 * one-click unsubscribe of any recipient ({@link RecipientPreferences}, after the link's signature
 * was checked). Transactional types (receipts, account mail) can't be switched off.
 */
@Service
public class NotificationPreferencesService implements MyNotificationSettings, RecipientPreferences {

    /** The languages every template and page exists in. */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

    private static final Logger log = LoggerFactory.getLogger(NotificationPreferencesService.class);

    private final PreferencesRepository repository;
    private final TenantDirectory tenants;
    private final TransactionTemplate tx;

    NotificationPreferencesService(
            PreferencesRepository repository, TenantDirectory tenants, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.tenants = tenants;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public List<Preference> preferences() {
        return tx.execute(s -> {
            PreferencesRepository.Member member = member();
            Map<NotificationType, Map<Channel, Boolean>> switches = repository.switches(member.email());
            List<Preference> result = new ArrayList<>();
            for (NotificationType type : typesFor(member.role())) {
                for (Channel channel : channels(type)) {
                    boolean enabled = type.transactional()
                            || switches.getOrDefault(type, Map.of()).getOrDefault(channel, true);
                    result.add(new Preference(type, channel, enabled, type.transactional()));
                }
            }
            return result;
        });
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public void set(NotificationType type, Channel channel, boolean enabled) {
        update(null, List.of(new Switch(type, channel, enabled)));
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public Settings settings() {
        return tx.execute(s -> {
            PreferencesRepository.Member member = member();
            RecipientSettings stored =
                    repository.settings(member.email()).orElseGet(() -> RecipientSettings.defaults(member.email()));
            Tenant tenant = tenant();
            return new Settings(
                    stored.locale() != null ? stored.locale() : Locale.forLanguageTag(tenant.locale()),
                    stored.zone() != null ? stored.zone() : ZoneId.of(tenant.timeZone()),
                    stored.quietStart(),
                    stored.quietEnd(),
                    stored.dailyDigest(),
                    stored.digestAt());
        });
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public ZoneId timeZone() {
        return tx.execute(s -> repository
                .member(CurrentUsers.require().userId())
                .flatMap(member -> repository.settings(member.email()))
                .map(RecipientSettings::zone)
                .orElseGet(this::businessZone));
    }

    /** The bound business's zone; UTC when there is none (or it names no zone we know). */
    private ZoneId businessZone() {
        return TenantContext.current()
                .flatMap(tenants::findById)
                .map(Tenant::timeZone)
                .flatMap(id -> {
                    try {
                        return Optional.of(ZoneId.of(id));
                    } catch (DateTimeException e) {
                        return Optional.empty();
                    }
                })
                .orElse(ZoneOffset.UTC);
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public void save(Settings settings) {
        update(settings, List.of());
    }

    @Override
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public void update(@Nullable Settings settings, List<Switch> switches) {
        // What needs no database is checked before the transaction; what depends on the member's
        // role inside it. A refusal (or a failing write) rolls back everything this update wrote.
        if (settings != null) {
            requireValid(settings);
        }
        for (Switch change : switches) {
            requireSwitchable(change.type());
            if (!channels(change.type()).contains(change.channel())) {
                throw new IllegalArgumentException(change.type().key() + " is sent by email only.");
            }
        }
        tx.executeWithoutResult(s -> {
            PreferencesRepository.Member member = member();
            if (settings != null && settings.dailyDigest() && member.role().equals("client")) {
                throw new IllegalArgumentException("The daily digest is for coaches.");
            }
            if (settings != null) {
                RecipientSettings before =
                        repository.settings(member.email()).orElseGet(() -> RecipientSettings.defaults(member.email()));
                repository.saveSettings(new RecipientSettings(
                        member.email(),
                        settings.locale(),
                        settings.zone(),
                        settings.quietStart(),
                        settings.quietEnd(),
                        settings.dailyDigest(),
                        settings.digestAt(),
                        before.lastDigestAt()));
            }
            for (Switch change : switches) {
                // Refused after earlier writes of this update: the exception rolls them back too.
                if (!typesFor(member.role()).contains(change.type())) {
                    throw new IllegalArgumentException(change.type().key() + " is not sent to " + member.role() + "s.");
                }
                repository.setSwitch(member.email(), change.type(), change.channel(), change.enabled());
            }
        });
    }

    private static void requireValid(Settings settings) {
        if (!LANGUAGES.contains(settings.locale().getLanguage())) {
            throw new IllegalArgumentException("Notifications are written in English (en) or German (de), not '"
                    + settings.locale().toLanguageTag() + "'.");
        }
        if ((settings.quietStart() == null) != (settings.quietEnd() == null)) {
            throw new IllegalArgumentException("Quiet hours need both a start and an end (or neither).");
        }
        if (settings.quietStart() != null && settings.quietStart().equals(settings.quietEnd())) {
            throw new IllegalArgumentException("Quiet hours must start and end at different times.");
        }
    }

    /** Public (the caller verified the link's signature): no signed-in user. */
    @Override
    public void unsubscribe(TenantId tenant, String email, NotificationType type) {
        requireSwitchable(type);
        TenantContext.runAs(
                tenant, () -> tx.executeWithoutResult(s -> repository.setSwitch(email, type, Channel.EMAIL, false)));
        log.info("Unsubscribed a recipient of business {} from {} email", tenant, type.key());
    }

    /** The types a member of this role may receive, the daily digest aside (that is a setting). */
    static List<NotificationType> typesFor(String role) {
        NotificationType.Audience audience =
                role.equals("client") ? NotificationType.Audience.CLIENT : NotificationType.Audience.COACH;
        return java.util.Arrays.stream(NotificationType.values())
                .filter(t -> t != NotificationType.DAILY_DIGEST)
                .filter(t -> t.audience() == audience || t.audience() == NotificationType.Audience.ANYONE)
                .toList();
    }

    static List<Channel> channels(NotificationType type) {
        return type.emailOnly() ? List.of(Channel.EMAIL) : List.of(Channel.EMAIL, Channel.IN_APP);
    }

    private static void requireSwitchable(NotificationType type) {
        if (type.transactional()) {
            throw new IllegalArgumentException(
                    type.key() + " is transactional (receipts, account and security mail) and can't be switched off.");
        }
    }

    private PreferencesRepository.Member member() {
        CurrentUser user = CurrentUsers.require();
        return repository.member(user.userId()).orElseThrow(() -> new NotFoundException("member", user.userId()));
    }

    private Tenant tenant() {
        TenantId id = TenantContext.require();
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("business", id));
    }
}
