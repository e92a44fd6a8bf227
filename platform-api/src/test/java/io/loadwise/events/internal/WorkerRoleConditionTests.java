package io.loadwise.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerRoleConditionTests {

    @Test
    void the_default_roles_include_the_worker() {
        assertThat(WorkerRoleCondition.hasWorkerRole(WorkerRoleCondition.DEFAULT_ROLES))
                .isTrue();
    }

    @Test
    void roles_are_read_like_the_launcher_reads_them_trimmed_and_case_insensitive() {
        assertThat(WorkerRoleCondition.hasWorkerRole(" Worker ")).isTrue();
        assertThat(WorkerRoleCondition.hasWorkerRole("web, WORKER")).isTrue();
    }

    @Test
    void a_web_only_instance_is_no_worker() {
        assertThat(WorkerRoleCondition.hasWorkerRole("web")).isFalse();
        assertThat(WorkerRoleCondition.hasWorkerRole("webworker")).isFalse();
    }
}
