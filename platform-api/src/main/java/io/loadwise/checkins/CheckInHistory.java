package io.loadwise.checkins;

import io.loadwise.checkins.internal.CheckInRepository;
import io.loadwise.roster.ClientId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's check-ins and session logs over a period, for the platform's own readers (the plan
 * engine, charts). It checks no permissions: callers have authorized the access to the client.
 */
@Service
public class CheckInHistory {

    private final CheckInRepository repository;

    CheckInHistory(CheckInRepository repository) {
        this.repository = repository;
    }

    /** Check-ins dated {@code from} to {@code to} (inclusive), oldest first. */
    @Transactional(readOnly = true)
    public List<CheckIn> checkIns(ClientId client, LocalDate from, LocalDate to) {
        return repository.checkIns(client, from, to);
    }

    /** Logs of the sessions planned {@code from} to {@code to} (inclusive), by session date. */
    @Transactional(readOnly = true)
    public List<SessionLog> logs(ClientId client, LocalDate from, LocalDate to) {
        return repository.logs(client, from, to);
    }
}
