package dev.diyc.session;

import dev.diyc.explain.Topic;
import dev.diyc.explain.TopicLoader;
import dev.diyc.explain.TopicView;
import dev.diyc.explain.Topics;
import dev.diyc.term.UserError;
import dev.diyc.term.Console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code explain [NAME]}: a syscall, a concept, a file or a command in diyc's words, read from
 * lessons/explain/NAME.yaml. With no name, the topics grouped by kind.
 */
public final class ExplainCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("explain [NAME]",
            "What a syscall or concept does, its flags and its common errors: unshare, pivot_root, mount propagation, /proc...",
            "explain pivot_root");

    private final Path dir;
    private Topics topics;
    private List<String> unreported = List.of();

    /** Reads the topics from {@code explainDir} on first use, so they cost nothing at start-up. */
    public ExplainCommand(Path explainDir) {
        super(Scope.SESSION, Group.UNDERSTANDING, HELP, "explain");
        this.dir = explainDir;
    }

    public ExplainCommand(Topics topics) {
        super(Scope.SESSION, Group.UNDERSTANDING, HELP, "explain");
        this.dir = null;
        this.topics = topics;
    }

    /** The topics, loading them if needed (tab completion can use {@code topics().names()}). */
    public synchronized Topics topics() {
        if (topics == null) {
            try {
                TopicLoader.Loaded loaded = TopicLoader.loadAll(dir);
                topics = loaded.topics();
                unreported = loaded.problems();
            } catch (IOException e) {
                throw new UserError("cannot read the explain topics in " + dir + ": " + e.getMessage());
            }
        }
        return topics;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(topics().names());
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        return run(engine.console(), call.args());
    }

    /** What {@link #run(Engine, Call)} does, given only the console (tests need no lab for this). */
    public Outcome run(Console console, String args) {
        Topics all = topics();
        reportProblems(console);
        if (all.size() == 0) {
            throw new UserError("no explain topics could be read from " + dir);
        }
        String query = args.strip();
        Optional<Topic> found = query.isEmpty() ? Optional.empty() : all.find(query);
        if (found.isPresent()) {
            TopicView.show(console, found.get());
        } else if (query.isEmpty() || query.equals("list")) {
            TopicView.list(console, all);
        } else {
            throw new UserError(unknown(all, query));
        }
        return Outcome.OK;
    }

    /** Problems with the files are shown once, on first use, like the lesson loader's at start-up. */
    private synchronized void reportProblems(Console console) {
        for (String p : unreported) {
            console.error("lessons/explain/" + p);
        }
        unreported = List.of();
    }

    static String unknown(Topics all, String query) {
        List<String> near = all.suggest(query);
        String guess = switch (near.size()) {
            case 0 -> "";
            case 1 -> "did you mean " + near.get(0) + "? ";
            default -> "did you mean " + String.join(", ", near.subList(0, near.size() - 1)) + " or " + near.get(near.size() - 1) + "? ";
        };
        return "no topic '" + query + "'; " + guess + "explain lists the " + all.size() + " topics";
    }
}
