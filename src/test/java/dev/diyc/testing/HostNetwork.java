package dev.diyc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the network tests promise to leave alone: the host's links (/sys/class/net shows the
 * namespace that mounted sysfs, the host's) and the named network namespaces ({@code ip netns list}).
 */
public record HostNetwork(List<String> links, String namedNetns) {
    public static HostNetwork now() {
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            return new HostNetwork(s.map(p -> p.getFileName().toString()).sorted().toList(),
                    ThreadNetns.run(List.of("ip", "netns", "list")).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Namespaces are destroyed by the kernel a moment after their last reference goes: wait a little. */
    public void assertUnchanged() {
        HostNetwork after = now();
        for (int i = 0; i < 50 && !after.equals(this); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = now();
        }
        assertEquals(this, after, "the host's links and named network namespaces must be as before");
    }
}
