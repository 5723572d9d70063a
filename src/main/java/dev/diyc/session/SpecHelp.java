package dev.diyc.session;

import dev.diyc.term.Console;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help read from a command's own picocli spec: {@code help unshare} prints what {@code unshare --help}
 * prints, through the very method --help uses, so the two cannot disagree. The overview's line is the
 * description's first sentence, up to a colon that announces details or examples (picocli lists
 * subcommands by their description's first line too).
 */
public final class SpecHelp implements CommandHelp {
    private final Supplier<CommandSpec> spec;
    private final Consumer<Console> usage;

    /** @param usage what the command's --help prints */
    public SpecHelp(Supplier<CommandSpec> spec, Consumer<Console> usage) {
        this.spec = spec;
        this.usage = usage;
    }

    @Override
    public String summary() {
        String[] description = spec.get().usageMessage().description();
        return description.length == 0 ? "" : firstSentence(description[0]);
    }

    @Override
    public void show(Console console) {
        usage.accept(console);
    }

    /** Up to the first ". " or ": " outside parentheses ("(default: a shell)" is not the end), as a sentence. */
    static String firstSentence(String paragraph) {
        int depth = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean ends = i + 1 == paragraph.length() || paragraph.charAt(i + 1) == ' ';
            if (depth == 0 && ends && (c == '.' || c == ':')) {
                return paragraph.substring(0, i) + ".";
            }
        }
        return paragraph.endsWith(".") ? paragraph : paragraph + ".";
    }
}
