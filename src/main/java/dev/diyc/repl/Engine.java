package dev.diyc.repl;

import dev.diyc.explain.CallExplanations;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import dev.diyc.commands.Invocation;
import dev.diyc.commands.NativeCommands;
import dev.diyc.ns.Container;
import dev.diyc.ns.Context;
import dev.diyc.ns.Lab;
import dev.diyc.ns.ShellSession;
import dev.diyc.sys.SyscallException;
import dev.diyc.term.Words;
import dev.diyc.view.Views;
import java.util.List;
import java.util.Map;

/**
 * Runs one REPL line: a diyc command, or a command in a context ({@code host CMD}, {@code ctr CMD},
 * or a bare CMD in the prompt's context). The interactive REPL, scripted mode and the lesson runner
 * all go through here, so they behave the same.
 */
public final class Engine {
    public enum Outcome { OK, FAILED, QUIT }

    /** diyc's own commands, which never reach a context. */
    public interface Builtin {
        Outcome run(Engine engine, String args);
    }

    private final Lab lab;
    private final Console console;
    private final Map<String, Builtin> builtins;
    private volatile String current = "ctr";
    private volatile Context running;

    public Engine(Lab lab, Console console, Map<String, Builtin> extra) {
        this.lab = lab;
        this.console = console;
        this.builtins = new java.util.HashMap<>(extra);
        builtins.put("use", (e, a) -> e.use(a.strip()));
        builtins.put("compare", (e, a) -> e.compare(a));
        builtins.put("quit", (e, a) -> Outcome.QUIT);
        lab.recorder().listen(c -> CallExplanations.show(c, console));
    }

    /** Adds a diyc command (the tutor's commands are added once the lab exists). */
    public void register(String name, Builtin b) {
        builtins.put(name, b);
    }

    private volatile java.util.function.Predicate<String> confirmer = q -> false;

    /** How to ask a yes/no question: the REPL asks at the prompt; scripted mode answers no. */
    public void confirmWith(java.util.function.Predicate<String> c) {
        confirmer = c;
    }

    public boolean confirm(String question) {
        return confirmer.test(question);
    }

    private volatile dev.diyc.lesson.Tutor tutor;

    void tutor(dev.diyc.lesson.Tutor t) {
        tutor = t;
    }

    /** The learner's place in the lessons, for the status line; null before the tutor exists. */
    public dev.diyc.lesson.Tutor tutor() {
        return tutor;
    }

    public Lab lab() {
        return lab;
    }

    public Console console() {
        return console;
    }

    public String contextName() {
        return current;
    }

    public java.util.Set<String> builtinNames() {
        return builtins.keySet();
    }

    /** What a builtin's argument can be, for tab completion (explain topics, help topics). */
    public java.util.Collection<String> completions(String builtin) {
        return builtins.get(builtin) instanceof Completable c ? c.completions() : java.util.List.of();
    }

    /** A builtin whose arguments can be completed. */
    public interface Completable {
        java.util.Collection<String> completions();
    }

    /** {@code ctr[4242]>} once the container has namespaces of its own, else {@code ctr>}, {@code ctr2>} or {@code host>}. */
    public String prompt() {
        noticeEndedShells();
        if (!current.equals("host") && !lab.container(current).sharesEverything()) {
            return current + "[" + lab.container(current).pid() + "]> ";
        }
        return current + "> ";
    }

    /** The container the prompt is in, or ctr when it is in the host: the one views compare with the host. */
    public Container currentContainer() {
        return lab.container(current.equals("host") ? "ctr" : current);
    }

    /** Ctrl-C: stops what the running command started; the contexts live on. */
    public void interrupt() {
        Context c = running;
        if (c != null) {
            c.interrupt();
        }
    }

    public Outcome execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Outcome.OK;
        }
        noticeEndedShells();
        try {
            return dispatch(trimmed);
        } catch (UserError e) {
            console.error(e.getMessage());
            return Outcome.FAILED;
        } catch (SyscallException e) {
            return Outcome.FAILED; // already printed, strace-style, with its likely cause
        } catch (RuntimeException e) {
            console.error("internal error: " + e + " (please report it; DIYC_DEBUG=1 shows the stack trace)");
            if (System.getenv("DIYC_DEBUG") != null) {
                e.printStackTrace();
            }
            return Outcome.FAILED;
        } finally {
            console.endLine();
        }
    }

    private Outcome dispatch(String line) {
        String[] split = line.split("\\s+", 2);
        String first = split[0];
        String rest = split.length > 1 ? split[1] : "";
        if (Lab.isContextName(first)) {
            if (rest.isBlank()) {
                throw new UserError(first + " what? Give a command, e.g. " + first + " ps aux, or switch with: use " + first);
            }
            return inContext(lab.context(first), rest);
        }
        if (first.equals("exit") && rest.isBlank()) {
            // Like exit in the posts' shells: it leaves the container, and at the top level, diyc.
            return !current.equals("host") && !lab.container(current).sharesEverything() ? exitContainer(lab.container(current)) : Outcome.QUIT;
        }
        Builtin b = builtins.get(first);
        if (b != null) {
            return b.run(this, rest);
        }
        return inContext(lab.context(current), line);
    }

    private Outcome use(String ctx) {
        if (!Lab.isContextName(ctx)) {
            throw new UserError("use takes host, ctr, or ctr2 ... ctr9 for another container");
        }
        current = ctx;
        return Outcome.OK;
    }

    private Outcome compare(String what) {
        if (what.isBlank()) {
            throw new UserError("compare what? One of: " + String.join(", ", Views.NAMED) + ", or any command (compare cat /proc/self/status); "
                    + "compare ctr ctr2 VIEW compares two containers");
        }
        String[] w = what.strip().split("\\s+", 3);
        if (w.length == 3 && Lab.isContextName(w[0]) && Lab.isContextName(w[1])) {
            Views.compare(w[2], lab.context(w[0]), lab.context(w[1]), console, this::output); // compare ctr ctr2 ip addr
        } else {
            Views.compare(what, lab.host(), currentContainer(), console, this::output);
        }
        return Outcome.OK;
    }

    private List<String> output(Context ctx, String line) {
        return NativeCommands.output(lab, ctx, line);
    }

    private Outcome inContext(Context ctx, String line) {
        Integer written = dev.diyc.commands.IdMapWrite.tryRun(line, new Invocation(ctx, lab, console));
        if (written != null) {
            return written == 0 ? Outcome.OK : Outcome.FAILED;
        }
        List<String> words = Words.split(line, lab.vars());
        if (words != null && !words.isEmpty()) {
            String name = words.get(0);
            List<String> args = words.subList(1, words.size());
            if (name.equals("exit")) {
                return ctx instanceof Container c ? exitContainer(c) : Outcome.QUIT;
            }
            if (NativeCommands.handles(name, args)) {
                ctx.clearCancelled();
                running = ctx;
                try {
                    return NativeCommands.run(name, args, new Invocation(ctx, lab, console)) == 0 ? Outcome.OK : Outcome.FAILED;
                } finally {
                    running = null;
                }
            }
        }
        running = ctx;
        try {
            ShellSession.Result r = ctx.run(line, console);
            console.endLine();
            noticeEndedShells();
            return r.ok() ? Outcome.OK : Outcome.FAILED;
        } finally {
            running = null;
        }
    }

    private Outcome exitContainer(Container ctr) {
        if (ctr.sharesEverything()) {
            console.say(ctr.name() + " shares every namespace with the host: there is nothing to exit (quit leaves diyc)");
            return Outcome.OK;
        }
        int pid = ctr.pid();
        lab.resetContainer(ctr.name());
        console.say(ctr.name() + "'s shell (host PID " + pid + ") has exited and its namespaces are gone; "
                + ctr.name() + " shares the host's namespaces again");
        return Outcome.OK;
    }

    /** A shell that ended by itself (killed from the host, or exit inside a compound line) is reported once. */
    private void noticeEndedShells() {
        for (Container ctr : lab.containers()) {
            if (!ctr.shell().alive()) {
                int status = ctr.shell().exited().join();
                int pid = ctr.pid();
                lab.resetContainer(ctr.name());
                console.say(ctr.name() + "'s shell (host PID " + pid + ") ended"
                        + (status > 128 ? " (killed by signal " + (status - 128) + ")" : " (status " + status + ")")
                        + "; its namespaces are gone and " + ctr.name() + " shares the host's again");
            }
        }
        lab.host().ensureShell();
    }
}
