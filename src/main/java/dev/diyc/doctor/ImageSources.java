package dev.diyc.doctor;

import dev.diyc.rootfs.Rootfs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the default image would be built from, were it missing: the host's static busybox, else the
 * host's own programs (unless one they need is missing). Read from the machine by diyc's rootfs code;
 * made up in tests.
 */
record ImageSources(Optional<Path> staticBusybox, Optional<String> hostProgramsProblem) {
    static ImageSources ofThisMachine() {
        Optional<Path> busybox = Rootfs.staticBusybox();
        return new ImageSources(busybox, busybox.isPresent() ? Optional.empty() : Rootfs.hostProgramsProblem());
    }
}
