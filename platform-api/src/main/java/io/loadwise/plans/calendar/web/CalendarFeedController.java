package io.loadwise.plans.calendar.web;

import io.loadwise.plans.calendar.CalendarFeed;
import io.loadwise.plans.calendar.CalendarFeeds;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The secret iCalendar feed of a client's plan: managed through the API, read publicly. */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(CalendarFeeds.PREFIX + "{tenantId}/{feedId}/{secret}.ics")
    @Operation(
            summary = "A client's plan as an iCalendar feed (public: the URL is the key)",
            description = "404 for an unknown, revoked or altered URL.")
    ResponseEntity<String> feed(
            @PathVariable String tenantId, @PathVariable String feedId, @PathVariable String secret) {
        return feeds.render(tenantId, feedId, secret)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/me/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create (or rotate) your calendar feed URL",
            description = "Subscribe to the URL in a calendar app. It is shown once; a new one stops the old one.")
    FeedJson createMine() {
        return FeedJson.of(feeds.createMine());
    }

    @GetMapping("/api/v1/me/calendar-feed")
    @Operation(summary = "Whether you have a live calendar feed (its URL is not shown again)")
    FeedJson mine() {
        return FeedJson.of(feeds.liveMine().orElseThrow(() -> new NotFoundException("calendar feed", "of yours")));
    }

    @DeleteMapping("/api/v1/me/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke your calendar feed: its URL stops working")
    void revokeMine() {
        feeds.revokeMine();
    }

    @PostMapping("/api/v1/clients/{id}/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create (or rotate) a client's calendar feed URL, to pass on to them")
    FeedJson create(@PathVariable UUID id) {
        return FeedJson.of(feeds.create(new ClientId(id)));
    }

    @DeleteMapping("/api/v1/clients/{id}/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a client's calendar feed")
    void revoke(@PathVariable UUID id) {
        feeds.revoke(new ClientId(id));
    }

    record FeedJson(
            @Nullable String url,
            Instant createdAt,
            @Nullable Instant lastReadAt) {
        static FeedJson of(CalendarFeed feed) {
            String url = feed.path() == null
                    ? null
                    : ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path(feed.path())
                            .toUriString();
            return new FeedJson(url, feed.createdAt(), feed.lastReadAt());
        }
    }
}
