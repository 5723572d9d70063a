package dev.diyc;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.lesson.LessonNeeds;
import dev.diyc.lesson.SessionSlot;
import dev.diyc.repl.Repl;
import dev.diyc.session.Io;
import dev.diyc.session.Script;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.sys.Privileges;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diyc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RootfsCli.class, DoctorCli.class, NotesCli.class},
        description = {"Do it yourself containers: an interactive shell that builds a container by hand, one real syscall at a time.",
                "",
                "With no options, opens the REPL. Run it with sudo: namespaces and mounts need root; without sudo, "
                        + "lesson 6 (user namespaces, rootless containers) works and the rest say they need root.",
                "In the REPL, `host CMD` runs on the host, `ctr CMD` in the container; `help` lists the rest."},
        footer = {"", "Examples:",
                "  sudo ./diyc                      open the REPL",
                "  sudo ./diyc --script lesson.txt  run REPL lines from a file, as a transcript",
                "  echo 'lesson run all' | sudo ./diyc --script -",
                "  sudo ./diyc --record demo.cast   record the session for asciinema play",
                "  ./diyc notes                     speaker notes for a session in another tab",
                "  sudo ./diyc rootfs build         rebuild the default root filesystem",
                "  ./diyc doctor                    can every lesson run on this machine?"})
public final class Main implements Callable<Integer> {
    public static final int OK = 0, FAILED = 1, USAGE = 2;

    private final Io io;

    @Option(names = "--script", paramLabel = "FILE", description = "run REPL lines from FILE (- for standard input), echoing each after its prompt; exit 1 if a command failed or a check did not pass")
    Path script;

    @Option(names = "--record", paramLabel = "FILE.cast", description = "record the session as asciicast v2 (asciinema play FILE.cast replays it), with or without --script")
    Path record;

    @Option(names = "--no-color", description = "plain text, even on a terminal")
    boolean noColor;

    @Option(names = "--cds-training", hidden = true, description = "load what start-up loads, then exit (the launcher records a CDS archive)")
    boolean cdsTraining;

    /** @param io where diyc reads, writes and finds its environment: System's, or a test's */
    public Main(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(new Main(Io.system()).run(args));
    }

    public int run(String[] args) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UserError || e instanceof IOException) {
                commandLine.getErr().println("diyc: " + e.getMessage());
                return FAILED;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (cdsTraining) {
            Repl.training(io, CompletableFuture.supplyAsync(() -> loadLessons(Home.dir())));
            return OK;
        }
        Path home = Home.dir();
        Path image = Rootfs.defaultImage(home);
        if (!Rootfs.isImage(image)) {
            io.out().println("diyc: preparing the default root filesystem (once) ...");
            Rootfs.ensureDefault(home, line -> io.out().println("  " + line));
        }
        // Parsing the lessons takes longer than showing the prompt: the REPL lets it happen meanwhile.
        CompletableFuture<List<Lesson>> lessons = CompletableFuture.supplyAsync(() -> loadLessons(home));
        if (!Privileges.isRoot()) {
            io.out().println(LessonNeeds.withoutRoot(lessons.join()));
        }
        if (script != null) {
            return Script.run(script.toString().equals("-") ? io.in() : Files.newInputStream(script), io, home, image, lessons, noColor, record);
        }
        return Repl.run(io, home, image, lessons, noColor, record);
    }

    private List<Lesson> loadLessons(Path home) {
        try {
            SessionSlot slot = SessionSlot.claim();
            if (slot.notice() != null) {
                io.err().println("diyc: " + slot.notice());
            }
            LessonLoader.Loaded loaded = LessonLoader.loadAll(home.resolve("lessons"), slot.rename());
            for (String problem : loaded.problems()) {
                io.err().println("diyc: lesson file skipped: " + problem);
            }
            return loaded.lessons();
        } catch (IOException e) {
            io.err().println("diyc: cannot read the lessons: " + e.getMessage());
            return List.of();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"diyc " + p.getProperty("version", "unknown") + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
