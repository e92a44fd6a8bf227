package io.loadwise.notifications;

import io.loadwise.NotificationsTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Notifications and the platform it sees use each other only through module APIs, without
 * cycles (deploy's ModuleStructureTests checks the whole application; this runs with the module).
 */
class NotificationsModuleTests {

    @Test
    void notifications_uses_the_platform_only_through_its_api() {
        ApplicationModules.of(NotificationsTestApplication.class).verify();
    }
}
