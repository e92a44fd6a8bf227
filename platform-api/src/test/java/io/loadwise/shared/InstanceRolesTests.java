package io.loadwise.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class InstanceRolesTests {

    @Test
    void an_instance_is_web_and_worker_by_default() {
        assertThat(InstanceRoles.of(new StandardEnvironment()))
                .containsExactlyInAnyOrder(InstanceRoles.WEB, InstanceRoles.WORKER);
    }

    @Test
    void roles_are_trimmed_and_case_insensitive() {
        assertThat(InstanceRoles.of(withRoles(" Worker "))).containsExactly(InstanceRoles.WORKER);
        assertThat(InstanceRoles.of(withRoles("web, WORKER")))
                .containsExactlyInAnyOrder(InstanceRoles.WEB, InstanceRoles.WORKER);
    }

    @Test
    void a_web_only_instance_is_no_worker_and_names_must_match_whole() {
        assertThat(InstanceRoles.of(withRoles("web"))).doesNotContain(InstanceRoles.WORKER);
        assertThat(InstanceRoles.of(withRoles("webworker"))).containsExactly("webworker");
    }

    private static StandardEnvironment withRoles(String roles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(InstanceRoles.PROPERTY, roles)));
        return environment;
    }
}
