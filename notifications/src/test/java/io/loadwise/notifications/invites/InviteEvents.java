package io.loadwise.notifications.invites;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test data for the invite consumer: events with unique recipients, and the mail they got. */
final class InviteEvents {

    private InviteEvents() {}

    static ClientInvited inviteTo(Tenant tenant, String clientName) {
        return new ClientInvited(
                UUID.randomUUID(),
                tenant.id(),
                new ClientId(UUID.randomUUID()),
                "client-" + UUID.randomUUID() + "@example.com",
                clientName,
                tenant.name(),
                tenant.slug(),
                "Coach Carla",
                Instant.now());
    }

    static List<MimeMessage> mailTo(String recipient) {
        return TestInfrastructure.mail().received().stream()
                .filter(m -> recipients(m).contains(recipient))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
