package dev.diyc.rootfs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds programs on the host the way a shell does: the first executable file of that name on PATH. */
final class HostPrograms {

    /**
     * Searched after PATH. {@code sudo}, IDEs and CI runners often start Java with a PATH that lacks the
     * sbin directories, where Debian keeps chroot and ip.
     */
    private static final String[] SYSTEM_DIRS = {
        "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"
    };

    private HostPrograms() {}

    /** The program's path as found (not resolved: /usr/bin/sh stays /usr/bin/sh, not dash). */
    static Optional<Path> find(String name) {
        for (String dir : searchPath()) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find}, but a missing program is an error naming the Debian package to install. */
    static Path require(String name, String debianPackage) throws RootfsException {
        return find(name)
                .orElseThrow(
                        () ->
                                new RootfsException(
                                        "this machine has no `"
                                                + name
                                                + "` program, which diyc needs here; install it (apt-get install "
                                                + debianPackage
                                                + ") and try again"));
    }

    private static Set<String> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.startsWith("/")) { // a relative entry would depend on the JVM's working directory
                    dirs.add(dir);
                }
            }
        }
        dirs.addAll(List.of(SYSTEM_DIRS));
        return dirs;
    }
}
