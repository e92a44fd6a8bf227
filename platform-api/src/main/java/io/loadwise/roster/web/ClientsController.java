package io.loadwise.roster.web;

import io.loadwise.roster.ClientAlreadyOnRosterException;
import io.loadwise.roster.InvitedClient;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterFilter;
import io.loadwise.roster.RosterPage;
import io.loadwise.roster.RosterService;
import io.loadwise.roster.RosterSort;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/clients")
class ClientsController {

    private final RosterService roster;

    ClientsController(RosterService roster) {
        this.roster = roster;
    }

    @GetMapping
    @Operation(
            summary = "Search, filter and sort the roster, a page at a time",
            description = "The owner sees every client, another coach the clients they lead or co-coach; platform"
                    + " admins and clients get 403. Keyset pagination: follow the Link rel=next header or pass"
                    + " nextCursor as cursor with the same sort (a cursor of another sort is a 400).")
    ResponseEntity<ClientsPage> list(
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "case-insensitive part of the name or email")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "lead, active, paused or alumni; repeat for several")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> status,
            @Parameter(description = "clients carrying this tag") @RequestParam(required = false) @Nullable String tag,
            @Parameter(description = "member id of a coach, or 'me': clients they lead or co-coach")
                    @RequestParam(required = false)
                    @Nullable
                    String coach,
            @Parameter(description = "clients with a raised flag of this kind")
                    @RequestParam(required = false)
                    @Nullable
                    String flag,
            @Parameter(description = "name, -name, created, -created or status") @RequestParam(defaultValue = "name")
                    String sort) {
        RosterFilter filter = new RosterFilter(
                q,
                status == null
                        ? Set.of()
                        : status.stream()
                                .flatMap(s -> Arrays.stream(s.split(",")))
                                .filter(s -> !s.isBlank())
                                .map(ProfileJson::status)
                                .collect(Collectors.toSet()),
                tag,
                coachId(coach),
                "me".equals(coach),
                flag,
                RosterSort.parse(sort));
        RosterPage page = roster.page(filter, cursor, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .replaceQueryParam("limit", limit)
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(
                new ClientsPage(page.entries().stream().map(ClientView::of).toList(), page.nextCursor()));
    }

    @GetMapping("/tags")
    @Operation(summary = "The tags the business uses, with how many clients carry each")
    List<TagView> tags() {
        return roster.tags().stream().map(t -> new TagView(t.tag(), t.count())).toList();
    }

    private static @Nullable UUID coachId(@Nullable String coach) {
        if (coach == null || coach.isBlank() || "me".equals(coach)) {
            return null;
        }
        try {
            return UUID.fromString(coach.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'coach' must be a coach's member id or 'me', not '" + coach + "'.");
        }
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Invite a client by email",
            description = "Creates their account in the caller's coaching business, puts them on the roster as a"
                    + " lead and mails them a link to set a password.")
    Invitation invite(@RequestBody InvitationRequest request) {
        if (request.email() == null || request.displayName() == null) {
            throw new IllegalArgumentException("An invitation needs an 'email' and a 'displayName'.");
        }
        InvitedClient invited = roster.invite(request.email(), request.displayName());
        return new Invitation(invited.clientId().value(), invited.email());
    }

    @ExceptionHandler(ClientAlreadyOnRosterException.class)
    ProblemDetail alreadyOnRoster(ClientAlreadyOnRosterException e) {
        return Problems.of(HttpStatus.CONFLICT, "Already on the roster", e.getMessage(), "client-already-on-roster");
    }

    record InvitationRequest(
            @Nullable String email, @Nullable String displayName) {}

    record Invitation(UUID clientId, String email) {}

    record TagView(String tag, int count) {}

    record ClientsPage(List<ClientView> items, @Nullable String nextCursor) {}

    record ClientView(
            UUID id,
            String displayName,
            String email,
            String status,
            @Nullable UUID coachId,
            @Nullable String coachName,
            @Nullable String goal,
            List<String> tags,
            List<String> flags) {

        static ClientView of(RosterEntry e) {
            return new ClientView(
                    e.id().value(),
                    e.displayName(),
                    e.email(),
                    e.status().dbValue(),
                    e.coachId(),
                    e.coachName(),
                    e.goal(),
                    e.tags(),
                    e.flags());
        }
    }
}
