package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An image made of this machine's own programs and the shared libraries {@code ldd} lists for them:
 * post 003's method, for hosts without busybox-static.
 *
 * <p>Each program lands at the path it has on the host (/usr/bin/ps stays /usr/bin/ps), and
 * {@link HostPathMirror} repeats the host's symlinks, so a merged-/usr host (Debian 12: /bin ->
 * usr/bin) gives an image with the same layout, where /bin/sh and /bin/ls resolve as on the host.
 */
final class HostBinariesImage implements ImageSource {

    /** What lesson 1 cannot do without, each with the Debian package that provides it. */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("sh", "dash");
        REQUIRED.put("ls", "coreutils");
        REQUIRED.put("cat", "coreutils");
        REQUIRED.put("echo", "coreutils");
        REQUIRED.put("mkdir", "coreutils");
        REQUIRED.put("ps", "procps");
        REQUIRED.put("hostname", "hostname");
        REQUIRED.put("sleep", "coreutils");
    }

    /** What the lessons use when it is there; a host without one of them still gets an image. */
    private static final List<String> OPTIONAL =
            List.of(
                    "bash", "rmdir", "rm", "touch", "dd", "mount", "umount", "kill", "wc", "grep", "id", "whoami",
                    "uname", "head", "tail", "env", "true", "false", "pwd", "readlink", "ln", "cp", "mv",
                    "chmod", "sed", "tr", "sort", "stat", "pgrep", "pkill", "mountpoint", "nsenter", "ip", "date", "uptime");

    /** Top-level directories that a merged-/usr host makes symlinks (/bin -> usr/bin). */
    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    /** Every program name an image gets when the host has it, required ones first. */
    static List<String> programNames() {
        List<String> names = new ArrayList<>(REQUIRED.keySet());
        names.addAll(OPTIONAL);
        return names;
    }

    @Override
    public String describe() {
        return "this machine's programs";
    }

    @Override
    public void check() throws RootfsException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> program : REQUIRED.entrySet()) {
            if (HostPrograms.find(program.getKey()).isEmpty()) {
                missing.add(program.getKey() + " (apt-get install " + program.getValue() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new RootfsException(
                    "this machine lacks programs every image needs: " + String.join(", ", missing) + "; install them, or install busybox-static and build from it");
        }
    }

    @Override
    public void fillInto(Path staging, Consumer<String> progress) throws IOException {
        Map<Path, List<Path>> programs = new LinkedHashMap<>(); // program -> the libraries it loads
        List<String> skipped = new ArrayList<>();
        for (String name : REQUIRED.keySet()) {
            Path program = HostPrograms.find(name).orElseThrow(); // check() made sure
            programs.put(program, SharedLibraries.of(program));
        }
        for (String name : OPTIONAL) {
            Optional<Path> program = HostPrograms.find(name);
            try {
                if (program.isPresent()) {
                    programs.put(program.get(), SharedLibraries.of(program.get()));
                } else {
                    skipped.add(name);
                }
            } catch (RootfsException brokenOnTheHost) {
                skipped.add(name);
            }
        }
        progress.accept(
                "copying " + programs.size() + " programs and the libraries ldd lists for them"
                        + (skipped.isEmpty() ? "" : " (not on this machine: " + String.join(" ", skipped) + ")"));

        HostPathMirror mirror = new HostPathMirror(staging);
        for (String dir : TOP_LEVEL) {
            Path hostDir = Path.of("/", dir);
            if (Files.isSymbolicLink(hostDir)) {
                mirror.copy(hostDir);
            }
        }
        Set<Path> libraries = new LinkedHashSet<>();
        for (Map.Entry<Path, List<Path>> program : programs.entrySet()) {
            mirror.copy(program.getKey());
            libraries.addAll(program.getValue());
        }
        for (Path library : libraries) {
            mirror.copy(library);
        }
        ensureBinSh(staging, HostPrograms.find("sh").orElseThrow());
    }

    /**
     * Scripts and the posts' commands say /bin/sh. On a host whose sh lives elsewhere with /bin a real
     * directory, the image gets /bin/sh as a symlink to where sh was copied.
     */
    private static void ensureBinSh(Path image, Path hostSh) throws IOException {
        if (!ImagePaths.isFile(image, "/bin/sh")) {
            Path bin = ImagePaths.writable(image, "bin");
            Files.createDirectories(bin);
            Files.createSymbolicLink(ImagePaths.writable(image, "bin/sh"), hostSh);
        }
    }
}
