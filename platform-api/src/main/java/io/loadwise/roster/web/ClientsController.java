package io.loadwise.roster.web;

import io.loadwise.roster.ClientAlreadyOnRosterException;
import io.loadwise.roster.InvitedClient;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterPage;
import io.loadwise.roster.RosterService;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
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
    @Operation(summary = "The roster of the caller's coaching business, by name, a page at a time")
    ResponseEntity<ClientsPage> list(
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit) {
        RosterPage page = roster.page(cursor, limit);
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

    record ClientsPage(List<ClientView> items, @Nullable String nextCursor) {}

    record ClientView(
            UUID id,
            String displayName,
            String email,
            String status,
            @Nullable UUID coachId,
            @Nullable String coachName,
            @Nullable String goal) {

        static ClientView of(RosterEntry e) {
            return new ClientView(
                    e.id().value(),
                    e.displayName(),
                    e.email(),
                    e.status().dbValue(),
                    e.coachId(),
                    e.coachName(),
                    e.goal());
        }
    }
}
