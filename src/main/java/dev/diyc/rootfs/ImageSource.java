package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where the programs of an image come from: busybox, the host's own binaries, or a tarball. */
interface ImageSource {

    /** A few words for the progress line: "building X from {describe()}". */
    String describe();

    /** Quick checks before anything is written, so that a wrong input fails at once and leaves nothing. */
    default void check() throws IOException {}

    /** Puts this source's files into an empty staging directory; the skeleton is added afterwards. */
    void fillInto(Path staging, Consumer<String> progress) throws IOException;
}
