package dev.diyc.commands;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.Main;
import dev.diyc.session.Io;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli wraps each element of a {@code description} (or {@code footer}) on its own, at the usage
 * width: an element must therefore be a whole paragraph, left to picocli to wrap, or an example line,
 * indented by two spaces and short enough (78 characters) to fit 80 columns unwrapped. Lines broken by
 * hand at some other width come out ragged, cut in the middle of sentences and of table rows.
 */
class HelpLayoutTest {
    private static final int EXAMPLE_MAX = 78;
    private static final int WIDTH = 80;

    @Test
    void everyDescriptionIsParagraphsOrShortExampleLines() {
        List<String> problems = new ArrayList<>();
        commands().forEach((label, cl) -> {
            CommandSpec spec = cl.getCommandSpec();
            checkElements(label + " description", spec.usageMessage().description(), true, problems);
            checkElements(label + " footer", spec.usageMessage().footer(), true, problems);
            for (ArgSpec arg : args(spec)) {
                // An option's description is a lowercase phrase by picocli's habit: only its elements
                // before the last need a sentence's end.
                checkElements(label + " " + argName(arg), arg.description(), false, problems);
            }
        });
        assertTrue(problems.isEmpty(), "help texts broken by hand:\n" + String.join("\n", problems));
    }

    @Test
    void exampleLinesComeOutWholeAt80Columns() {
        List<String> problems = new ArrayList<>();
        commands().forEach((label, cl) -> {
            cl.setUsageHelpWidth(WIDTH);
            String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = usage.lines().toList();
            CommandSpec spec = cl.getCommandSpec();
            List<String> elements = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
            elements.addAll(Arrays.asList(spec.usageMessage().footer()));
            for (String e : elements) {
                if (e.startsWith("  ") && !lines.contains(e.stripTrailing())) {
                    problems.add(label + ": example line wrapped: \"" + e + "\"");
                }
            }
            for (String line : lines) {
                if (line.length() > WIDTH) {
                    problems.add(label + ": line wider than " + WIDTH + ": \"" + line + "\"");
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void checkElements(String where, String[] elements, boolean lastIsSentence, List<String> problems) {
        for (int i = 0; i < elements.length; i++) {
            String e = elements[i];
            boolean last = i == elements.length - 1;
            if (e.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(e.charAt(0))) {
                if (!e.startsWith("  ") || Character.isWhitespace(e.charAt(2))) {
                    problems.add(where + ": an example line starts with exactly two spaces: \"" + e + "\"");
                } else if (e.length() > EXAMPLE_MAX) {
                    problems.add(where + ": example line of " + e.length() + " characters (at most " + EXAMPLE_MAX
                            + " fit 80 columns): \"" + e + "\"");
                }
                continue;
            }
            if ((lastIsSentence || !last) && !endsSentence(e)) {
                problems.add(where + ": a paragraph that stops mid-sentence (the rest of it should be in the same "
                        + "string): \"" + e + "\"");
            }
            // After a colon or a parenthesis, a lowercase start is the same sentence going on; after a full
            // stop it may be a new one that opens with a command's name (chroot changes ...).
            if (!last && e.matches("(?s).*[:)]") && !elements[i + 1].isEmpty()
                    && Character.isLowerCase(elements[i + 1].charAt(0))) {
                problems.add(where + ": a paragraph continued in the next element: \"" + elements[i + 1] + "\"");
            }
        }
    }

    private static boolean endsSentence(String s) {
        return s.stripTrailing().matches("(?s).*[.:)?!]");
    }

    private static List<ArgSpec> args(CommandSpec spec) {
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        return args;
    }

    private static String argName(ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** Every command with a --help: the native ones, run, and diyc itself with its subcommands. */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new LinkedHashMap<>();
        for (String name : NativeCommands.names()) {
            all.put("ctr " + name, new CommandLine(NativeCommands.create(name)));
        }
        all.put("run", new CommandLine(runCommand()));
        addWithSubcommands("diyc", new CommandLine(new Main(Io.system())), all);
        return all;
    }

    private static void addWithSubcommands(String label, CommandLine cl, Map<String, CommandLine> all) {
        all.put(label, cl);
        cl.getSubcommands().forEach((name, sub) -> addWithSubcommands(label + " " + name, sub, all));
    }

    /** RunCommand lives in dev.diyc.session; reflection spares it a public constructor for this test's sake. */
    private static Object runCommand() {
        try {
            var ctor = Class.forName("dev.diyc.session.RunCommand").getDeclaredConstructor(boolean.class);
            ctor.setAccessible(true);
            return ctor.newInstance(false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
