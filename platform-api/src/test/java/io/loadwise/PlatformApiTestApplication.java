package io.loadwise;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform-api module on its own, for its integration tests. Not part of the test-jar. */
@SpringBootApplication
public class PlatformApiTestApplication {}
