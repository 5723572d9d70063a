package dev.diyc.session;

import dev.diyc.explain.CallExplanations;
import dev.diyc.lesson.Tutor;
import dev.diyc.ns.Container;
import dev.diyc.ns.Context;
import dev.diyc.ns.Lab;
import dev.diyc.ns.ShellSession;
import dev.diyc.ns.ShellWords;
import dev.diyc.sys.SyscallException;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import dev.diyc.term.Words;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs one REPL line: a SESSION command by its first word, else the line in the prompt's context,
 * where a LINE form or a CONTEXT command may take it before the context's shell does. The
 * interactive REPL, scripted mode and the lesson runner all go through here, so they behave the same.
 */
public final class Engine {
    private final Lab lab;
    private final Console console;
    private final Registry registry;
    private final Map<String, String> env;
    private final PrintStream err;
    private volatile String current = "ctr";
    private volatile Context running;
    private volatile Predicate<String> confirmer = q -> false;
    private volatile Tutor tutor;
    private final Sudo sudo = new Sudo();

    /**
     * @param env the environment diyc was started with (DIYC_DEBUG=1 prints internal errors' stack traces)
     * @param err where those stack traces go
     */
    public Engine(Lab lab, Console console, Registry registry, Map<String, String> env, PrintStream err) {
        this.lab = lab;
        this.console = console;
        this.registry = registry;
        this.env = env;
        this.err = err;
        lab.recorder().listen(c -> CallExplanations.show(c, console));
    }

    /** How to ask a yes/no question: the REPL asks at the prompt; scripted mode answers no. */
    public void confirmWith(Predicate<String> c) {
        confirmer = c;
    }

    public boolean confirm(String question) {
        return confirmer.test(question);
    }

    void tutor(Tutor t) {
        tutor = t;
    }

    /** The learner's place in the lessons, for the status line; null before the tutor exists. */
    public Tutor tutor() {
        return tutor;
    }

    public Lab lab() {
        return lab;
    }

    public Console console() {
        return console;
    }

    /** The environment diyc was started with. */
    public Map<String, String> env() {
        return env;
    }

    public Registry registry() {
        return registry;
    }

    public String contextName() {
        return current;
    }

    /** Makes bare commands run in the named context ({@code use}). */
    void use(String context) {
        current = context;
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
        } catch (InvalidPathException e) {
            // Only a typed path can be one no file can have (a NUL in it): the learner's words, not diyc's fault.
            console.error("'" + e.getInput().replace("\0", "\\0") + "' cannot be a path: " + e.getReason().toLowerCase(Locale.ROOT));
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            console.error("internal error: " + e + " (please report it; DIYC_DEBUG=1 shows the stack trace)");
            if (env.get("DIYC_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return Outcome.FAILED;
        } finally {
            console.endLine();
        }
    }

    private Outcome dispatch(String line) {
        String[] split = line.split("\\s+", 2);
        Command own = registry.find(split[0], Scope.SESSION);
        if (own != null) {
            return own.run(this, new Call(line, split.length > 1 ? split[1] : "", List.of(), lab.context(current), false, console));
        }
        return inContext(lab.context(current), line, false);
    }

    /**
     * Runs a line in a context: a LINE form that recognises it, else the CONTEXT command its first word
     * names (if that command takes these arguments), else the context's shell.
     *
     * @param named whether the line named the context ({@code ctr CMD}) rather than leaving it to the prompt
     */
    public Outcome inContext(Context ctx, String line, boolean named) {
        String unsudoed = Sudo.strip(line);
        if (unsudoed != null) {
            sudo.noticeOnce(console);
            return named ? inContext(ctx, unsudoed, true) : dispatch(unsudoed);
        }
        String args = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).strip() : "";
        for (Command form : registry.of(Scope.LINE)) {
            Call call = new Call(line, args, List.of(), ctx, named, console);
            if (form.accepts(this, call)) {
                return form.run(this, call);
            }
        }
        List<String> words = Words.split(line, lab.vars());
        FullScreen.refuse(words, ctx.name());
        if (words != null && !words.isEmpty()) {
            Command c = registry.find(words.get(0), Scope.CONTEXT);
            if (c != null) {
                // $PPID and the like: what the context's shell would make of them, not nothing.
                words = ShellWords.split(ctx, line, lab.vars());
            }
            Call call = new Call(line, args, words, ctx, named, console);
            if (c != null && c.accepts(this, call)) {
                ctx.clearCancelled();
                return whileRunning(ctx, () -> c.run(this, call));
            }
        }
        return whileRunning(ctx, () -> inShell(ctx, line));
    }

    /** The line as the context's shell runs it (what a line no command takes becomes). */
    Outcome inShell(Context ctx, String line) {
        ShellSession.Result r = ctx.run(line, console);
        console.endLine();
        noticeEndedShells();
        return r.ok() ? Outcome.OK : Outcome.FAILED;
    }

    /** Runs work with ctx as the context Ctrl-C interrupts. */
    private Outcome whileRunning(Context ctx, Supplier<Outcome> work) {
        running = ctx;
        try {
            return work.get();
        } finally {
            running = null;
        }
    }

    /** Ends a container's shell and namespaces; the container goes back to sharing the host's. */
    public Outcome exitContainer(Container ctr) {
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
