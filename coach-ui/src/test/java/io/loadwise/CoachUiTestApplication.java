package io.loadwise;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The UI with the platform underneath it, for coach-ui's integration tests. */
@SpringBootApplication
public class CoachUiTestApplication {}
