package dev.diyc.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a guarded program must never change: the host's hostname, mount table and links, as PID 1 sees them. */
record HostSnapshot(String hostname, List<String> mounts, List<String> links) {
    static HostSnapshot take() {
        try {
            return new HostSnapshot(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(),
                    Files.readAllLines(Path.of("/proc/1/mountinfo")),
                    Files.readAllLines(Path.of("/proc/1/net/dev")).stream().skip(2).map(l -> l.strip().split(":")[0]).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
