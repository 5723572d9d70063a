package dev.diyc;

import dev.diyc.doctor.Doctor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diyc doctor}: can every lesson run on this machine? For an instructor preparing a room's VM image. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that every lesson can run on this machine: a row per lesson, and for each missing piece the one command that fixes it.",
                "Reads only; changes nothing. Exit status 0 when every lesson can run, 1 otherwise."})
final class DoctorCli implements Callable<Integer> {
    @Option(names = "--json", description = "the same facts as JSON, for a script that checks a room's machines")
    boolean json;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "lay the table out for this many columns (default: $COLUMNS, else 80)")
    Integer width;

    @Option(names = "--no-color", description = "plain text, even on a terminal")
    boolean noColor;

    @Override
    public Integer call() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return Doctor.run(Home.dir(), json, width != null ? width : columns(), terminal && !noColor, System.out);
    }

    /** $COLUMNS when the shell exports it; 80 otherwise (a pipe has no width). */
    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
