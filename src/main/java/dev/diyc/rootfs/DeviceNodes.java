package dev.diyc.rootfs;

import dev.diyc.sys.Privileges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handful of device nodes every Unix program expects in /dev.
 *
 * <p>Only the host's real root may create device nodes, so as anyone else this step is skipped
 * without a word: a rootless container bind-mounts the host's nodes instead.
 */
final class DeviceNodes {

    /** A character device: its name under /dev and its kernel major:minor numbers. */
    private record Node(String name, int major, int minor) {}

    private static final List<Node> NODES =
            List.of(
                    new Node("null", 1, 3),
                    new Node("zero", 1, 5),
                    new Node("random", 1, 8),
                    new Node("urandom", 1, 9),
                    new Node("tty", 5, 0));

    private DeviceNodes() {}

    static void addTo(Path image, Consumer<String> progress) throws IOException {
        if (!Privileges.isRealRoot()) {
            return;
        }
        Path mknod = HostPrograms.require("mknod", "coreutils");
        for (Node node : NODES) {
            Path path = ImagePaths.writable(image, "dev/" + node.name());
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue; // an imported image may bring its own
            }
            HostCommand.Result made =
                    HostCommand.run(
                            Duration.ofSeconds(10),
                            mknod,
                            "-m",
                            "666",
                            path.toString(),
                            "c",
                            String.valueOf(node.major()),
                            String.valueOf(node.minor()));
            if (!made.succeeded()) {
                // Not fatal: a shell and most lessons work without them. Say so and go on.
                progress.accept("could not create /dev/" + node.name() + " (" + made.firstLine() + "); /dev stays incomplete");
                return;
            }
        }
    }
}
