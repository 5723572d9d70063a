package dev.diyc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * diyc's layers, as ARCHITECTURE.md draws them: each package may use only the ones below it, so the
 * graph has no cycle and a newcomer can read it from either end. A new arrow upward fails here.
 */
class LayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.diyc");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.diyc.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("dev.diyc")
                .layer("Repl").definedBy("dev.diyc.repl..")
                .layer("Lessons").definedBy("dev.diyc.lesson..")
                .layer("Commands").definedBy("dev.diyc.commands..")
                .layer("Explain").definedBy("dev.diyc.explain..")
                .layer("Views").definedBy("dev.diyc.view..")
                .layer("Namespaces").definedBy("dev.diyc.ns..")
                .layer("Guard").definedBy("dev.diyc.guard..")
                .layer("Net").definedBy("dev.diyc.net..")
                .layer("Cgroups").definedBy("dev.diyc.cgroup..")
                .layer("Rootfs").definedBy("dev.diyc.rootfs..")
                .layer("Sys").definedBy("dev.diyc.sys..")
                .layer("Progress").definedBy("dev.diyc.progress..")
                .layer("Data").definedBy("dev.diyc.data..")
                .layer("Terminal").definedBy("dev.diyc.term..")

                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Repl").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Lessons").mayOnlyBeAccessedByLayers("App", "Repl")
                .whereLayer("Commands").mayOnlyBeAccessedByLayers("Repl")
                .whereLayer("Explain").mayOnlyBeAccessedByLayers("Repl")
                .whereLayer("Views").mayOnlyBeAccessedByLayers("Repl", "Lessons", "Commands")
                .whereLayer("Namespaces").mayOnlyBeAccessedByLayers("Repl", "Lessons", "Commands", "Views")
                .whereLayer("Guard").mayOnlyBeAccessedByLayers("Repl", "Lessons", "Commands", "Views", "Explain", "Namespaces")
                .whereLayer("Net").mayOnlyBeAccessedByLayers("Repl", "Lessons", "Commands", "Views", "Explain", "Namespaces")
                .whereLayer("Cgroups").mayOnlyBeAccessedByLayers("Repl", "Lessons", "Commands", "Views", "Explain", "Namespaces")
                .whereLayer("Rootfs").mayOnlyBeAccessedByLayers("App", "Repl", "Lessons", "Commands", "Namespaces")
                .whereLayer("Sys").mayOnlyBeAccessedByLayers("App", "Repl", "Lessons", "Commands", "Explain", "Views",
                        "Namespaces", "Guard", "Net", "Cgroups", "Rootfs")
                .whereLayer("Progress").mayOnlyBeAccessedByLayers("Repl", "Lessons")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Lessons", "Explain")
                // The terminal layer (output, wrapping, words, quoting) serves all and uses nothing of diyc.
                .check(classes);
    }

    @Test
    void theTerminalLayerUsesNothingOfDiyc() {
        noClasses().that().resideInAPackage("dev.diyc.term..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.diyc", "dev.diyc.repl..", "dev.diyc.lesson..",
                        "dev.diyc.commands..", "dev.diyc.explain..", "dev.diyc.view..", "dev.diyc.ns..", "dev.diyc.guard..", "dev.diyc.net..",
                        "dev.diyc.cgroup..", "dev.diyc.rootfs..", "dev.diyc.sys..", "dev.diyc.progress..", "dev.diyc.data..")
                .check(classes);
    }
}
