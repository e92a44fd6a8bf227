package io.loadwise.onboarding.web;

import io.loadwise.onboarding.SignedUpTenant;
import io.loadwise.onboarding.Signup;
import io.loadwise.onboarding.SignupRejectedException;
import io.loadwise.onboarding.SignupService;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignupsController {

    static final String PATH = "/api/v1/signups";

    private final SignupService signups;

    SignupsController(SignupService signups) {
        this.signups = signups;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sign a coaching business up (public)",
            description = "Creates the business (pending) and its owner's account, and mails the owner a link to"
                    + " confirm their email and choose a password; following it opens the storefront.")
    SignupResult signUp(@RequestBody SignupRequest request) {
        SignedUpTenant tenant = signups.signUp(new Signup(
                orEmpty(request.businessName()),
                orEmpty(request.slug()),
                orEmpty(request.ownerName()),
                orEmpty(request.ownerEmail()),
                orEmpty(request.currency()),
                orEmpty(request.timeZone()),
                orEmpty(request.locale())));
        return new SignupResult(tenant.tenantId().value(), tenant.slug(), "pending", tenant.ownerEmail());
    }

    @ExceptionHandler(SignupRejectedException.class)
    ProblemDetail rejected(SignupRejectedException e) {
        ProblemDetail problem = e.conflict()
                ? Problems.of(HttpStatus.CONFLICT, "Already taken", e.getMessage(), "signup-conflict")
                : Problems.of(HttpStatus.BAD_REQUEST, "Invalid signup", e.getMessage(), "invalid-signup");
        problem.setProperty("field", e.field());
        return problem;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    record SignupRequest(
            @Nullable String businessName,
            @Nullable String slug,
            @Nullable String ownerName,
            @Nullable String ownerEmail,
            @Nullable String currency,
            @Nullable String timeZone,
            @Nullable String locale) {}

    record SignupResult(UUID tenantId, String slug, String status, String ownerEmail) {}
}
