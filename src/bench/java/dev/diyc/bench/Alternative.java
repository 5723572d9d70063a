package dev.diyc.bench;

import java.io.IOException;
import java.util.List;

/** The tool diyc is measured against (util-linux unshare, runc), run as a learner would run it. */
final class Alternative {
    private Alternative() {}

    /** Runs the program on the bench's own terminal and fails the bench when it fails. */
    static void run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
    }
}
