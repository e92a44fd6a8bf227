package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.MESSAGES;
import static io.loadwise.jooq.Tables.MESSAGE_READS;

import io.loadwise.privacy.ExportFile;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Csv;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The client's message thread, her messages and her coaches' alike: it exists only because of her,
 * so it goes with her. Read markers of the thread go with it.
 */
@Component
class MessageData implements PersonalData {

    private final DSLContext db;

    MessageData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "messages";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Object export(ClientId client) {
        return thread(client);
    }

    @Override
    public List<ExportFile> files(ClientId client) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("sent_at", "from", "message")));
        for (Message message : thread(client)) {
            csv.append(Csv.row(List.of(message.sentAt().toString(), message.from(), message.body())));
        }
        return List.of(ExportFile.text("messages.csv", csv.toString()));
    }

    @Override
    public int erase(ClientId client) {
        db.deleteFrom(MESSAGE_READS)
                .where(MESSAGE_READS.CLIENT_ID.eq(client.value()))
                .execute();
        return db.deleteFrom(MESSAGES)
                .where(MESSAGES.CLIENT_ID.eq(client.value()))
                .execute();
    }

    private List<Message> thread(ClientId client) {
        UUID clientMember = db.select(CLIENTS.MEMBER_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOne(CLIENTS.MEMBER_ID);
        return db.select(MESSAGES.AUTHOR_ID, MEMBERS.DISPLAY_NAME, MESSAGES.BODY, MESSAGES.CREATED_AT)
                .from(MESSAGES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(MESSAGES.TENANT_ID), MEMBERS.ID.eq(MESSAGES.AUTHOR_ID))
                .where(MESSAGES.CLIENT_ID.eq(client.value()))
                .orderBy(MESSAGES.CREATED_AT, MESSAGES.ID)
                .fetch(r -> new Message(
                        Objects.equals(r.value1(), clientMember) ? "client" : r.value2(),
                        r.value3(),
                        r.value4().toInstant()));
    }

    /** @param from "client" for her own messages, else the coach's name */
    record Message(String from, String body, Instant sentAt) {}
}
