package io.loadwise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of STYLE.md, checked on every build. */
class ModuleStructureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LoadwiseApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loadwise");

    @Test
    void feature_modules_use_each_other_only_through_their_api_and_have_no_cycles() {
        MODULES.verify();
    }

    @Test
    void billing_and_notifications_never_depend_on_the_ui() {
        noClasses()
                .that()
                .resideInAnyPackage("io.loadwise.billing..", "io.loadwise.notifications..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.loadwise.ui..")
                .check(CLASSES);
    }

    @Test
    void the_platform_depends_on_no_outer_module() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.loadwise.tenancy..",
                        "io.loadwise.identity..",
                        "io.loadwise.roster..",
                        "io.loadwise.intake..",
                        "io.loadwise.messaging..",
                        "io.loadwise.onboarding..",
                        "io.loadwise.team..",
                        "io.loadwise.privacy..",
                        "io.loadwise.exercises..",
                        "io.loadwise.plans..",
                        "io.loadwise.checkins..",
                        "io.loadwise.planengine..",
                        "io.loadwise.events..",
                        "io.loadwise.catalog..",
                        "io.loadwise.commerce..",
                        "io.loadwise.shared..",
                        "io.loadwise.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.loadwise.ui..", "io.loadwise.billing..", "io.loadwise.notifications..", "io.loadwise.app..")
                .check(CLASSES);
    }

    @Test
    void stripe_stays_inside_billing() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.loadwise.billing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.stripe..")
                .check(CLASSES);
    }

    @Test
    void writes_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
