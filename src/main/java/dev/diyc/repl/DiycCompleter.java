package dev.diyc.repl;

import dev.diyc.commands.NativeCommands;
import dev.diyc.lesson.Lesson;
import dev.diyc.ns.Context;
import dev.diyc.view.Probes;
import dev.diyc.view.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: diyc's commands, lesson targets, explain topics, the flags of the native
 * commands, and file paths as the right context sees them (a container path completes inside the
 * container's root).
 */
final class DiycCompleter implements Completer {
    /** Programs learners type in the posts; the rest complete as paths. */
    private static final List<String> PROGRAMS = List.of("ls", "ps", "cat", "echo", "mkdir", "touch", "sleep", "kill",
            "id", "whoami", "cd", "pwd", "grep", "wc", "readlink", "pgrep", "pkill");
    private static final List<String> CONTEXT_FREE = List.of("host", "ctr", "use", "exit", "quit", "shell");

    private final CompletableFuture<Engine> engine;

    DiycCompleter(CompletableFuture<Engine> engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int at = line.wordIndex();
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        Engine e = engine.getNow(null);
        String first = words.isEmpty() ? "" : words.get(0);
        int offset = dev.diyc.ns.Lab.isContextName(first) ? 1 : 0;
        String context = offset == 1 ? first : e == null ? "ctr" : e.contextName();
        if (at == 0) {
            Set<String> all = new TreeSet<>(CONTEXT_FREE);
            if (e != null) {
                all.addAll(e.builtinNames());
            }
            all.addAll(NativeCommands.names());
            all.addAll(PROGRAMS);
            add(candidates, all);
            return;
        }
        String command = words.size() > offset ? words.get(offset) : "";
        if (offset == 1 && at == 1) {
            Set<String> all = new TreeSet<>(NativeCommands.names());
            all.addAll(PROGRAMS);
            all.add("exit");
            add(candidates, all);
            return;
        }
        switch (command) {
            case "use" -> add(candidates, List.of("host", "ctr", "ctr2"));
            case "shell" -> add(candidates, List.of("ctr", "ctr2"));
            case "lesson" -> add(candidates, at == 1 ? TutorCommands.LESSON_SUBCOMMANDS : lessonTargets(e, words));
            case "explain" -> add(candidates, e == null ? List.of() : e.completions("explain"));
            case "help" -> add(candidates, e == null ? List.of() : e.completions("help"));
            case "compare" -> add(candidates, at == 1 ? Views.NAMED : List.of());
            case "reset" -> add(candidates, List.of("--all", "--yes"));
            case "ip" -> add(candidates, at == offset + 1 ? List.of("link", "addr", "route", "-br")
                    : at == offset + 2 ? List.of("show", "add", "set", "del") : List.of("type", "veth", "bridge", "peer",
                    "name", "netns", "dev", "up", "down", "master", "nomaster", "via", "default"));
            default -> {
                if (word.startsWith("-") && NativeCommands.has(command)) {
                    add(candidates, NativeCommands.options(command));
                } else if (e != null) {
                    paths(e.lab().context(context), word, candidates);
                }
            }
        }
    }

    private static List<String> lessonTargets(Engine e, List<String> words) {
        if (e == null || e.tutor() == null) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        for (Lesson l : e.tutor().lessons()) {
            targets.add(Integer.toString(l.number()));
            targets.add(l.id());
        }
        if (words.size() > 1 && words.get(1).equals("run")) {
            targets.add("all");
        }
        return targets;
    }

    /** Completes a path as the context's shell would resolve it (its root, its working directory). */
    private static void paths(Context ctx, String word, List<Candidate> candidates) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        Path dir = Probes.resolve(ctx, dirPart.isEmpty() ? "." : dirPart);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                String name = p.getFileName().toString();
                boolean isDir = Files.isDirectory(p);
                candidates.add(new Candidate(dirPart + name + (isDir ? "/" : ""), name + (isDir ? "/" : ""), null, null,
                        null, null, !isDir));
            }
        } catch (IOException | RuntimeException e) {
            // nothing to offer
        }
    }

    private static void add(List<Candidate> candidates, Collection<String> values) {
        for (String v : values) {
            candidates.add(new Candidate(v));
        }
    }
}
