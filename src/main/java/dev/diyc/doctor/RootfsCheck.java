package dev.diyc.doctor;

import dev.diyc.rootfs.Rootfs;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** The root filesystem every lesson's playground copies: built already, or what diyc will build it from at its first start. */
final class RootfsCheck {
    private RootfsCheck() {}

    static Finding check(Machine m, ImageSources sources) {
        Path image = Rootfs.defaultImage(m.home());
        if (Rootfs.isImage(image)) {
            boolean busybox = Files.isRegularFile(image.resolve("bin/busybox"), LinkOption.NOFOLLOW_LINKS);
            return Finding.ok(Piece.ROOTFS, "built: rootfs-images/default (" + (busybox ? "busybox" : "host programs") + ")")
                    .with(Map.of("image", "built", "from", busybox ? "busybox" : "host"));
        }
        if (sources.staticBusybox().isPresent()) {
            return Finding.ok(Piece.ROOTFS, "built at diyc's first start, from busybox-static (" + sources.staticBusybox().get() + ")")
                    .with(Map.of("image", "to-build", "from", "busybox"));
        }
        if (sources.hostProgramsProblem().isEmpty()) {
            return Finding.ok(Piece.ROOTFS, "built at diyc's first start, from this machine's programs (no busybox-static)")
                    .with(Map.of("image", "to-build", "from", "host"));
        }
        return Finding.missing(Piece.ROOTFS, "no image, no busybox-static, and " + sources.hostProgramsProblem().get(),
                "sudo apt-get install busybox-static");
    }
}
