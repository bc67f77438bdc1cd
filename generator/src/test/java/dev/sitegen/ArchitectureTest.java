package dev.sitegen;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's packages are its pipeline's stages (load, check, plan, render, search, output, build, …), and they
 * depend on each other one way only: no two packages need each other, and only the entry points (the dev server and
 * the command line) use the façade.
 */
class ArchitectureTest {
    /** The engine's own classes as Maven compiled them (not the whole class path: that takes seconds to read). */
    private static final JavaClasses ENGINE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.sitegen.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void onlyTheEntryPointsUseTheFacade() {
        noClasses().that().resideOutsideOfPackages("dev.sitegen", "dev.sitegen.serve", "dev.sitegen.cli")
                .should().dependOnClassesThat().haveFullyQualifiedName(SiteGenerator.class.getName()).check(ENGINE);
    }

    @Test
    void theEngineKnowsNothingOfMaven() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..").check(ENGINE);
    }
}
