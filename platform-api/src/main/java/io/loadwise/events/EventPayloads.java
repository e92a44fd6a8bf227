package io.loadwise.events;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON value of an event record, as the outbox's Kafka externalization wrote it (the
 * event record serialized by the application's Jackson mapper, as UTF-8 bytes).
 */
@Component
public class EventPayloads {

    private final JsonMapper json;

    EventPayloads(JsonMapper json) {
        this.json = json;
    }

    /**
     * @throws UnprocessableEventException when the bytes are no such event: a retry can't help, so
     *     the record goes straight to the dead-letter topic
     */
    public <T> T read(byte[] value, Class<T> type) {
        try {
            T event = json.readValue(value, type);
            if (event == null) {
                throw new UnprocessableEventException("Empty " + type.getSimpleName() + " record");
            }
            return event;
        } catch (JacksonException e) {
            throw new UnprocessableEventException("Not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
