package dev.diyc.term;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Everything diyc prints goes through here, so that a terminal gets colour and a pipe, a script or a
 * dumb terminal gets plain text with no escape codes.
 */
public final class Console implements Sink {
    private static final String RESET = "\033[0m", DIM = "\033[2m", BOLD = "\033[1m", RED = "\033[31m",
            GREEN = "\033[32m", YELLOW = "\033[33m", CYAN = "\033[36m";

    private final PrintWriter w;
    private final boolean color;
    private final IntSupplier width;
    private final boolean terminal;
    private boolean atLineStart = true;
    private volatile boolean muted;
    /** Set while the learner is at the prompt: late output (a background job's) goes above the prompt line. */
    private volatile Consumer<String> abovePrompt;
    private final Taps taps = new Taps();

    public Console(PrintWriter w, boolean color, IntSupplier width) {
        this(w, color, width, false);
    }

    /**
     * @param terminal output goes to a terminal, which cuts long lines at its last column: diyc then
     *     wraps syscall lines itself, at argument boundaries. Elsewhere (a script's transcript, a
     *     pipe) a call stays on one line, so that grep finds it whole.
     */
    public Console(PrintWriter w, boolean color, IntSupplier width, boolean terminal) {
        this.w = w;
        this.color = color;
        this.width = width;
        this.terminal = terminal;
    }

    /** Lets a recording or a transcript see everything printed from now on (what muted drops, it never sees). */
    public void tap(Tap t) {
        taps.add(t);
    }

    public void untap(Tap t) {
        taps.remove(t);
    }

    private void printed(ConsoleKind kind, String text) {
        if (!muted) {
            taps.printed(kind, text);
        }
    }

    public boolean color() {
        return color;
    }

    /** The terminal's width, or 80 where it has none (a pipe, a dumb terminal). */
    public int width() {
        int n = width.getAsInt();
        return n > 10 ? n : 80;
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }

    @Override
    public synchronized void out(String text) {
        printed(ConsoleKind.OUTPUT, text);
        raw(text);
    }

    @Override
    public synchronized void err(String text) {
        printed(ConsoleKind.OUTPUT, text);
        raw(color ? RED + text + RESET : text);
    }

    /**
     * A line the learner (or diyc for them) typed at the prompt.
     *
     * @param echo whether to print it: scripted mode and {@code step} echo it; the REPL's terminal has shown it already
     */
    public synchronized void typed(String prompt, String line, boolean echo) {
        printed(ConsoleKind.TYPED, prompt + line);
        if (echo) {
            endLine();
            line(prompt + line);
        } else if (!muted) {
            taps.shown(prompt + line + "\n");
        }
    }

    /**
     * While the REPL waits at the prompt, output arriving from elsewhere (a background job) is printed
     * above the prompt line instead of into what the learner is typing; null when the prompt is gone.
     */
    public void abovePrompt(Consumer<String> printAbove) {
        abovePrompt = printAbove;
    }

    /**
     * Runs with every line dropped: diyc replaying steps the learner has already seen. This is the
     * output side, and drops everything (a shell's output, messages, calls alike); it stays because
     * a replay has output that is not calls. To keep a call from being shown, callers use the
     * session's {@code Recorder.quietly}, the one way to mute calls (term knows nothing of calls).
     */
    public void muted(Runnable r) {
        muted = true;
        try {
            r.run();
        } finally {
            muted = false;
        }
    }

    private void raw(String text) {
        if (text.isEmpty() || muted) {
            return;
        }
        taps.shown(text);
        var above = abovePrompt;
        if (above != null) {
            above.accept(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            return;
        }
        w.print(text);
        atLineStart = text.endsWith("\n");
        w.flush();
    }

    /** Ends a partial line left by a command whose output had no final newline. */
    public synchronized void endLine() {
        if (!atLineStart) {
            line("");
        }
    }

    private void line(String s) {
        if (muted) {
            return;
        }
        taps.shown(s + "\n");
        w.println(s);
        atLineStart = true;
        w.flush();
    }

    /**
     * A syscall in strace's form ({@code name(args) = result}), its note, and for a failure the likely
     * cause. The caller says where the result starts, so this layer needs to know nothing of syscalls.
     *
     * @param why the likely cause of a failure, or null
     * @param note why diyc made the call, or null
     */
    public synchronized void call(String line, boolean failed, String why, String note) {
        endLine();
        printed(ConsoleKind.CALL, line);
        if (failed && why != null) {
            printed(ConsoleKind.CALL, "  → " + why);
        }
        if (note != null) {
            printed(ConsoleKind.CALL, "    # " + note);
        }
        String shade = note == null ? CYAN : DIM + CYAN;
        List<String> lines = terminal ? CallLines.wrap(line, width() - 1) : List.of(line);
        for (int i = 0; i < lines.size(); i++) {
            String piece = lines.get(i);
            // A failed result is red: wrapping never splits it, so it ends the last line whole.
            int result = failed && i == lines.size() - 1 ? piece.lastIndexOf(line.substring(line.lastIndexOf(" = ") + 1)) : -1;
            line(result < 0 ? paint(shade, piece) : paint(shade, piece.substring(0, result)) + paint(RED, piece.substring(result)));
        }
        if (failed && why != null) {
            wrapped(paint(YELLOW, "  → "), why, YELLOW);
        }
        if (note != null) {
            wrapped(paint(DIM, "    # "), note, DIM);
        }
    }

    /** diyc explaining something in its own voice. */
    public synchronized void say(String s) {
        endLine();
        printed(ConsoleKind.SAY, s);
        wrapped(paint(DIM, "  · "), s, DIM);
    }

    /**
     * Narrative text (a lesson), wrapped to the terminal once: the file's own line breaks inside a
     * paragraph are undone first, so a narrow terminal does not wrap lines that were already wrapped. On a colour terminal, {@code `commands`} are
     * shown in colour without their backticks; plain text keeps the backticks, which read well enough.
     */
    public synchronized void text(String s) {
        endLine();
        printed(ConsoleKind.TEXT, s.strip());
        boolean inCode = false;
        for (String para : Paragraphs.of(s.stripTrailing().replaceFirst("^\\s*\n", ""))) {
            for (String piece : Wrap.lines(para, Math.max(20, width() - 1))) {
                if (!color) {
                    line(piece);
                    continue;
                }
                StringBuilder b = new StringBuilder(inCode ? CYAN : "");
                for (char c : piece.toCharArray()) {
                    if (c == '`') {
                        inCode = !inCode;
                        b.append(inCode ? CYAN : RESET);
                    } else {
                        b.append(c);
                    }
                }
                line(b.append(inCode ? RESET : "").toString());
            }
        }
    }

    public synchronized void heading(String s) {
        endLine();
        printed(ConsoleKind.HEADING, s);
        for (String piece : Wrap.lines(s, Math.max(20, width() - 1))) {
            line(paint(BOLD, piece));
        }
    }

    public synchronized void plain(String s) {
        endLine();
        printed(ConsoleKind.PLAIN, s);
        line(s);
    }

    /**
     * A term and what it means, as help lists commands: the term in a column {@code termWidth} wide,
     * the meaning wrapped at word boundaries beside it, its later lines indented to that column.
     */
    public synchronized void item(String term, int termWidth, String meaning) {
        endLine();
        String head = String.format("  %-" + termWidth + "s ", term);
        if (head.length() > termWidth + 3) { // a term too long for its column: the meaning starts below it
            line(head.stripTrailing());
            head = " ".repeat(termWidth + 3);
        }
        wrapped(head, meaning, null);
    }

    /**
     * A command to type, indented, with an optional remark after it ({@code # fails, on purpose}) or
     * below it when both do not fit. A command wider than the terminal goes on at its word boundaries,
     * indented further, so that the terminal cuts nothing.
     */
    public synchronized void command(String line, String remark) {
        endLine();
        String beside = remark == null ? "" : "      " + remark;
        if (4 + line.length() + beside.length() < width()) {
            line("    " + line + beside);
            return;
        }
        // Continuation lines sit deeper (8 columns) than the first (4): wrap for the deeper one.
        List<String> pieces = Wrap.lines(line, Math.max(20, width() - 1 - 8));
        for (int i = 0; i < pieces.size(); i++) {
            line((i == 0 ? "    " : "        ") + pieces.get(i));
        }
        if (remark != null) {
            line("      " + remark);
        }
    }

    /** One clear line about a mistake: what was wrong and what to try. */
    public synchronized void error(String s) {
        endLine();
        printed(ConsoleKind.ERROR, "diyc: " + s);
        line(paint(RED, "diyc: " + s));
    }

    public synchronized void ok(String s) {
        endLine();
        printed(ConsoleKind.OK, "✓ " + s);
        wrapped(paint(GREEN, "✓ "), s, GREEN);
    }

    public synchronized void fail(String s) {
        endLine();
        printed(ConsoleKind.FAIL, "✗ " + s);
        wrapped(paint(RED, "✗ "), s, RED);
    }

    private void wrapped(String prefix, String s, String code) {
        int visiblePrefix = prefix.replaceAll("\033\\[[0-9;]*m", "").length();
        int room = Math.max(20, width() - visiblePrefix - 1);
        String indent = " ".repeat(visiblePrefix);
        boolean first = true;
        for (String piece : Wrap.lines(s, room)) {
            line((first ? prefix : indent) + (code == null ? piece : paint(code, piece)));
            first = false;
        }
    }
}
