package io.loadwise.notifications.invites;

import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test data for the invite consumer: events with unique recipients, and the mail they got. */
final class InviteEvents {

    private InviteEvents() {}

    /** An invite of a client whose member row exists, as the roster writes it before publishing. */
    static ClientInvited inviteTo(Tenant tenant, String clientName) {
        UUID member = UUID.randomUUID();
        String email = "client-" + UUID.randomUUID() + "@example.com";
        TestTenants.seed(tenant.id(), db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.id().value())
                .set(MEMBERS.ID, member)
                .set(MEMBERS.USER_ID, UUID.randomUUID())
                .set(MEMBERS.ROLE, "client")
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, clientName)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return new ClientInvited(
                UUID.randomUUID(),
                tenant.id(),
                new ClientId(UUID.randomUUID()),
                member,
                email,
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

    /** The decoded plain-text part, as the recipient reads it (quoted-printable undone). */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
