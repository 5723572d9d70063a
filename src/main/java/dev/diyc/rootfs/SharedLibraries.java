package dev.diyc.rootfs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared libraries a host program loads, as {@code ldd} lists them (post 003's method).
 *
 * <p>ldd prints lines such as
 *
 * <pre>
 *   linux-vdso.so.1 (0x00007ffd...)                      provided by the kernel: no file
 *   libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...) a library and where it was found
 *   /lib64/ld-linux-x86-64.so.2 (0x...)                   the dynamic loader, by absolute path
 *   libfoo.so.1 => not found                              broken on the host already
 * </pre>
 */
final class SharedLibraries {

    private static final Pattern FILE = Pattern.compile("^(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-fA-F]+\\)$");
    private static final Pattern MISSING = Pattern.compile("^(\\S+)\\s+=>\\s+not found$");

    private SharedLibraries() {}

    /** Absolute paths of every file the program needs loaded, the dynamic loader included. */
    static List<Path> of(Path program) throws RootfsException {
        Path ldd = HostPrograms.require("ldd", "libc-bin");
        HostCommand.Result listed = HostCommand.run(Duration.ofSeconds(30), ldd, program.toString());
        if (!listed.succeeded()) {
            if (listed.output().contains("not a dynamic executable")) {
                return List.of(); // static: nothing to load
            }
            throw new RootfsException("ldd could not list the libraries of " + program + " (" + listed.firstLine() + ")");
        }
        return parse(program, listed.output());
    }

    static List<Path> parse(Path program, String lddOutput) throws RootfsException {
        List<Path> files = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            String entry = line.strip();
            Matcher missing = MISSING.matcher(entry);
            if (missing.matches()) {
                throw new RootfsException(
                        program + " needs " + missing.group(1) + ", which this machine does not have (ldd says not found)");
            }
            Matcher file = FILE.matcher(entry);
            if (file.matches()) {
                files.add(Path.of(file.group(1)));
            }
        }
        return files;
    }
}
