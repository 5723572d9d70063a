package dev.diyc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * diyc's layers, as ARCHITECTURE.md draws them: each package may use only packages on a lower level,
 * never one on its own level or above, so the graph has no cycle and reads from either end. A new
 * arrow upward fails here.
 */
class LayersTest {
    /** Top to bottom; packages on one level are peers and may not use each other. */
    private static final List<List<String>> LEVELS = List.of(
            List.of("dev.diyc"),                              // Main, the launcher's subcommands
            List.of("dev.diyc.repl", "dev.diyc.doctor"),      // JLine's side; diyc doctor
            List.of("dev.diyc.session"),                      // the engine, the command registry, scripted mode
            List.of("dev.diyc.lesson"),                       // lessons, checks, the tutor
            List.of("dev.diyc.commands", "dev.diyc.explain"), // native commands parsed as util-linux spells them; explain topics
            List.of("dev.diyc.view"),                         // probes and side-by-side views
            List.of("dev.diyc.ns"),                           // contexts, their threads and shells, the lab, the lifeline
            List.of("dev.diyc.net", "dev.diyc.cgroup", "dev.diyc.rootfs", "dev.diyc.guard"), // guard: the seccomp filter
            List.of("dev.diyc.sys"),                          // libc through jnr-ffi, and the recorder of calls
            List.of("dev.diyc.progress", "dev.diyc.data"),
            List.of("dev.diyc.term"));                        // output, wrapping, words, quoting: uses nothing of diyc

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
    void eachPackageUsesOnlyTheLevelsBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> level : LEVELS) {
            for (String pkg : level) {
                layers = layers.layer(pkg).definedBy(pkg.equals("dev.diyc") ? pkg : pkg + "..");
            }
        }
        List<String> above = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String pkg : level) {
                layers = above.isEmpty() ? layers.whereLayer(pkg).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(pkg).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.addAll(level);
        }
        layers.check(classes);
    }

    @Test
    void theTerminalLayerUsesNothingOfDiyc() {
        noClasses().that().resideInAPackage("dev.diyc.term..")
                .should().dependOnClassesThat().resideInAnyPackage(LEVELS.stream().flatMap(List::stream)
                        .filter(p -> !p.equals("dev.diyc.term")).map(p -> p.equals("dev.diyc") ? p : p + "..")
                        .toArray(String[]::new))
                .check(classes);
    }
}
