package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text diyc sends a shell for one line, and the end-of-command marker in it: the line runs with
 * {@code command eval '...'} (a syntax error is reported, the shell lives on), then the shell prints
 * a random token, the command's number and its status on stdout, and the token and number on
 * stderr, so diyc knows when the command is over on both streams.
 */
final class CommandScript {
    /**
     * A plain {@code exec PROG ARGS} line (no lists, pipes or redirections): the shell becomes another
     * program, which must inherit the shell's input. Other lines with exec go to the shell as typed.
     */
    private static final Pattern EXEC = Pattern.compile("\\s*exec\\s+([^\\s;&|<>()`]+)[^;&|<>()`\\n]*");

    /**
     * How a shell names the {@code command eval} that runs each line, in its error messages: dash's
     * {@code /bin/sh: 1: eval: }, busybox ash's {@code sh: eval: line 1: }. The learner typed no eval.
     */
    private static final Pattern EVAL_PREFIX = Pattern.compile("^(?:\\S*/)?([a-z]*sh): (\\d+: )?eval: (?:line \\d+: )?");

    private final String token = "__diyc_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + "__";

    /**
     * A line of the shell's standard error as a shell would print it for the line typed:
     * {@code sh: 1: Syntax error: Unterminated quoted string}, without diyc's eval plumbing.
     */
    static String asTyped(String stderr) {
        Matcher m = EVAL_PREFIX.matcher(stderr);
        return m.find() ? m.group(1) + ": " + (m.group(2) == null ? "" : m.group(2)) + stderr.substring(m.end()) : stderr;
    }

    /** What a marker line said after the token: the command's number, and its status (stdout's only). */
    record Marker(int seq, int status) {}

    /** The token that starts every marker, unlikely in any program's output. */
    String token() {
        return token;
    }

    /** Whether the line is a plain exec, after which whatever the shell became reads the rest of diyc's input. */
    static boolean isExec(String line) {
        return EXEC.matcher(line).matches();
    }

    /**
     * The script for command number {@code seq}. {@code vars} are set as shell variables first (for
     * example {@code CTR}, the container's host PID, so the shell itself expands {@code $CTR}).
     */
    String forLine(String line, Map<String, String> vars, int seq, int shellPid) {
        StringBuilder script = new StringBuilder();
        vars.forEach((k, v) -> script.append(k).append('=').append(ShellQuote.word(v)).append("; "));
        Matcher exec = EXEC.matcher(line);
        if (exec.matches()) {
            // exec discards the rest of the input line, marker included, and a non-interactive
            // shell dies when exec fails: check the program first, as an interactive one survives.
            script.append("if command -v ").append(ShellQuote.word(exec.group(1))).append(" >/dev/null 2>&1; then command eval ")
                    .append(ShellQuote.word(line)).append("; else echo ").append(ShellQuote.word("exec: " + exec.group(1) + ": not found"))
                    .append(" >&2; (exit 127); fi; ");
        } else {
            // A missing /dev/null (a bare rootfs after pivot_root) must not stop the command.
            String noInput = Files.exists(Path.of("/proc/" + shellPid + "/root/dev/null")) ? "</dev/null" : "<&-";
            script.append("command eval ").append(ShellQuote.word(line)).append(' ').append(noInput).append("; ");
        }
        return script.append(marker(seq, "\"$?\"")).toString();
    }

    /** The end-of-command marker: the token and the command's number on both streams, its status on stdout. */
    String marker(int seq, String status) {
        return "printf '%s %d %d\\n' " + token + " " + seq + " " + status + "; printf '%s %d\\n' " + token + " " + seq + " >&2\n";
    }

    /** What followed the token on a marker line; null when it is not a marker of ours after all (a program echoing our input back). */
    static Marker parse(String rest) {
        String[] f = rest.trim().split("\\s+");
        int seq;
        try {
            seq = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        int status;
        try {
            status = f.length > 1 ? Integer.parseInt(f[1]) : -1;
        } catch (NumberFormatException e) {
            status = -1;
        }
        return new Marker(seq, status);
    }
}
