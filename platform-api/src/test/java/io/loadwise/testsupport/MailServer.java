package io.loadwise.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) whose received mail tests and the local run can read, with IMAP on
 * a free port: the notifications worker reads its bounce mailbox there (ADR 0010).
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** The mailbox delivery status notifications come back to, readable over IMAP. */
    public static final String BOUNCE_ADDRESS = "bounces@loadwise.local";

    public static final String BOUNCE_PASSWORD = "bounces";

    /** @param port the SMTP port, or 0 for any free one (IMAP always takes a free one) */
    public static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            smtp = smtp.dynamicPort();
        }
        ServerSetup imap = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.start();
        greenMail.setUser(BOUNCE_ADDRESS, BOUNCE_ADDRESS, BOUNCE_PASSWORD);
        return new MailServer(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /**
     * Spring properties that make the notifications worker send with the bounce mailbox as
     * envelope sender and read that mailbox over IMAP.
     */
    public Map<String, Object> bounceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("loadwise.notifications.bounces.address", BOUNCE_ADDRESS);
        properties.put("loadwise.notifications.bounces.host", "127.0.0.1");
        properties.put("loadwise.notifications.bounces.port", imapPort());
        properties.put("loadwise.notifications.bounces.ssl", false);
        properties.put("loadwise.notifications.bounces.user", BOUNCE_ADDRESS);
        properties.put("loadwise.notifications.bounces.password", BOUNCE_PASSWORD);
        return properties;
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    public List<MimeMessage> receivedFor(String recipient) {
        return List.of(greenMail.getReceivedMessagesForDomain(recipient));
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
