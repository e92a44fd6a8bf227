package io.loadwise.team.web;

import io.loadwise.team.Removal;
import io.loadwise.team.TeamConflictException;
import io.loadwise.team.TeamMember;
import io.loadwise.team.TeamRole;
import io.loadwise.team.TeamService;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/team")
class TeamController {

    private final TeamService team;

    TeamController(TeamService team) {
        this.team = team;
    }

    @GetMapping
    @Operation(summary = "The business's owners and coaches, current and removed, with their client counts")
    TeamList list() {
        return new TeamList(team.members().stream().map(MemberView::of).toList());
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Invite a coach or co-owner by email (owner only)",
            description = "Creates their account in the business and mails them a link to set a password.")
    MemberView invite(@RequestBody InvitationRequest request) {
        if (request.email() == null || request.displayName() == null) {
            throw new IllegalArgumentException("An invitation needs an 'email' and a 'displayName'.");
        }
        TeamRole role = request.role() == null ? TeamRole.COACH : TeamRole.parse(request.role());
        return MemberView.of(team.invite(request.email(), request.displayName(), role));
    }

    @DeleteMapping("/{memberId}")
    @Operation(
            summary = "Remove a coach (owner only), handing their clients to another coach",
            description = "Their clients (lead and co-coached) go to reassignTo in one transaction; the member row"
                    + " is kept so their messages and notes keep an author; they can no longer sign in to the"
                    + " business.")
    RemovalView remove(
            @PathVariable UUID memberId,
            @Parameter(description = "the active coach or owner who takes the clients over")
                    @RequestParam(required = false)
                    @Nullable
                    UUID reassignTo) {
        Removal removal = team.remove(memberId, reassignTo);
        return new RemovalView(
                removal.removedMemberId(),
                removal.reassignedTo(),
                removal.leadClientsMoved(),
                removal.coCoachedClientsMoved());
    }

    @ExceptionHandler(TeamConflictException.class)
    ProblemDetail conflict(TeamConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Team conflict", e.getMessage(), e.slug());
    }

    record InvitationRequest(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String role) {}

    record TeamList(List<MemberView> items) {}

    record MemberView(
            UUID id,
            String displayName,
            String email,
            String role,
            boolean active,
            @Nullable Instant removedAt,
            int leadClients,
            int coCoachedClients) {

        static MemberView of(TeamMember m) {
            return new MemberView(
                    m.id(),
                    m.displayName(),
                    m.email(),
                    m.role().dbValue(),
                    m.active(),
                    m.removedAt(),
                    m.leadClients(),
                    m.coCoachedClients());
        }
    }

    record RemovalView(
            UUID removedMemberId, @Nullable UUID reassignedTo, int leadClientsMoved, int coCoachedClientsMoved) {}
}
