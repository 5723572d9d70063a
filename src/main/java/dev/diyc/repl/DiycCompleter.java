package dev.diyc.repl;

import dev.diyc.ns.Context;
import dev.diyc.ns.Lab;
import dev.diyc.session.Candidates;
import dev.diyc.session.Command;
import dev.diyc.session.Engine;
import dev.diyc.session.Scope;
import dev.diyc.view.Probes;
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
 * Tab completion on the terminal, JLine's side of it: command names from the registry, and for a
 * command's arguments whatever the command itself offers; paths as the right context sees them (a
 * container path completes inside the container's root).
 */
final class DiycCompleter implements Completer {
    /** Programs learners type in the posts; the rest complete as paths. */
    private static final List<String> PROGRAMS = List.of("ls", "ps", "cat", "echo", "mkdir", "touch", "sleep", "kill",
            "id", "whoami", "cd", "pwd", "grep", "wc", "readlink", "pgrep", "pkill");
    /** Before the lab is up there is no registry yet: where commands run, at least. */
    private static final List<String> BEFORE_READY = List.of("host", "ctr", "use", "exit", "quit", "shell");

    private final CompletableFuture<Engine> engine;

    DiycCompleter(CompletableFuture<Engine> engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<String> words = new ArrayList<>(line.words().subList(0, Math.min(line.wordIndex() + 1, line.words().size())));
        while (words.size() <= line.wordIndex()) {
            words.add("");
        }
        words.set(line.wordIndex(), word);
        Engine e = engine.getNow(null);
        // After host or ctr, the line goes on as a line in that context.
        boolean named = words.size() > 1 && Lab.isContextName(words.get(0));
        String context = named ? words.get(0) : e == null ? "ctr" : e.contextName();
        List<String> rest = named ? words.subList(1, words.size()) : words;
        if (rest.size() == 1) {
            Set<String> all = new TreeSet<>(PROGRAMS);
            if (e == null) {
                all.addAll(BEFORE_READY);
            } else {
                all.addAll(e.registry().names(Scope.CONTEXT));
                if (!named) {
                    all.addAll(e.registry().names(Scope.SESSION));
                }
            }
            add(candidates, all);
            return;
        }
        if (e == null) {
            return;
        }
        Command command = e.registry().find(rest.get(0), named ? Scope.CONTEXT : Scope.SESSION);
        if (command == null && !named) {
            command = e.registry().find(rest.get(0), Scope.CONTEXT);
        }
        Candidates offered = command == null ? Candidates.PATHS : command.complete(e, rest.subList(1, rest.size()));
        if (offered.paths()) {
            paths(e.lab().context(context), word, candidates);
        } else {
            add(candidates, offered.values());
        }
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
