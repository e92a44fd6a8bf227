package io.loadwise.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RolesEnvironmentPostProcessorTests {

    RolesEnvironmentPostProcessor processor = new RolesEnvironmentPostProcessor();

    @Test
    void both_roles_by_default_keep_the_web_server() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
    }

    @Test
    void a_worker_only_instance_runs_without_a_web_server() {
        StandardEnvironment environment = withRoles(" Worker ");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
    }

    @Test
    void an_unknown_role_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> processor.postProcessEnvironment(withRoles("web,wroker"), new SpringApplication()))
                .hasMessageContaining("LOADWISE_ROLES")
                .hasMessageContaining("wroker");
    }

    private static StandardEnvironment withRoles(String roles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("loadwise.roles", roles)));
        return environment;
    }
}
