package dev.diyc.session;

import dev.diyc.progress.StateDir;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code transcript save FILE.md}: the session so far as Markdown, a handout of what was typed and what the kernel was asked. */
final class TranscriptCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("transcript save FILE.md",
            "Write the session so far as Markdown for a handout: each typed line, the syscalls and output in fenced blocks, "
                    + "the views as text, the checks; plain text, no escape codes.",
            "transcript save lesson2.md");

    private final Transcript transcript;

    TranscriptCommand(Transcript transcript) {
        super(Scope.SESSION, Group.LESSONS, HELP, "transcript");
        this.transcript = transcript;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return args.size() <= 1 ? Candidates.of(List.of("save")) : Candidates.PATHS;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String[] words = call.args().strip().split("\\s+", 2);
        if (words.length < 2 || !words[0].equals("save") || words[1].isBlank()) {
            throw new UserError("transcript save FILE.md writes the session so far as Markdown (a path, relative to where diyc started)");
        }
        Path file = Path.of(words[1].strip()).toAbsolutePath();
        try {
            Files.writeString(file, transcript.markdown(), StandardCharsets.UTF_8);
            StateDir.of(engine.env()).own(file); // under sudo, the handout is the instructor's, not root's
        } catch (IOException e) {
            throw new UserError("could not write " + file + ": " + e.getMessage());
        }
        engine.console().say("the session so far is in " + file);
        return Outcome.OK;
    }
}
