package dev.diyc.session;

import dev.diyc.Home;
import dev.diyc.lesson.Tutor;
import dev.diyc.progress.Progress;
import dev.diyc.term.Console;
import dev.diyc.testing.Layout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** help's overview at 60, 80 and 120 columns: every summary wrapped at a word, beside its command. */
class HelpLayoutAtWidthsTest {
    private static String help(int columns) {
        Registry r = new Registry();
        // The tutor is only registered with its commands here: no lab is made, nothing is run.
        StandardCommands.register(r, Home.dir(), new Tutor(CompletableFuture.completedFuture(List.of()), null, null, line -> true,
                () -> "", null, Progress.fresh()), Frontend.script());
        StringWriter out = new StringWriter();
        HelpCommand.overview(r, new Console(new PrintWriter(out, true), false, () -> columns));
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void noSummaryIsCutMidWord(int columns) {
        Layout.assertFits(help(columns), help(100_000), columns, "help");
    }
}
