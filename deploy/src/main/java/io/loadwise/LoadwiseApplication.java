package io.loadwise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Loadwise application: one jar, two roles. {@code loadwise.roles=web,worker} (the default)
 * serves the UI and API and runs the Kafka consumers; a deployment can split them.
 */
@SpringBootApplication
public class LoadwiseApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoadwiseApplication.class, args);
    }
}
