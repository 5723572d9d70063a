package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An image unpacked from a root filesystem tarball the learner brings: Alpine's minirootfs,
 * or the output of {@code docker export} (posts 001 and 004). "A container is just a tarball."
 */
final class TarballImage implements ImageSource {

    private final Path tarball;

    TarballImage(Path tarball) {
        this.tarball = tarball.toAbsolutePath();
    }

    @Override
    public String describe() {
        return tarball.toString();
    }

    @Override
    public void check() throws RootfsException {
        if (!Files.isRegularFile(tarball)) {
            throw new RootfsException(
                    "there is no file " + tarball + "; give the path of a root filesystem tarball, e.g. alpine-minirootfs-3.20.3-x86_64.tar.gz");
        }
    }

    @Override
    public void fillInto(Path staging, Consumer<String> progress) throws IOException {
        Path tar = HostPrograms.require("tar", "tar");
        progress.accept("unpacking " + tarball.getFileName() + " with tar");
        // GNU tar recognises gzip, xz, bzip2 and zstd compression by itself when reading a file.
        // --numeric-owner keeps the tarball's uids and gids as numbers: matched by name against the
        // host's /etc/passwd they could turn into other ids.
        HostCommand.Result unpacked =
                HostCommand.run(
                        Duration.ofMinutes(10),
                        tar,
                        "--extract",
                        "--file=" + tarball,
                        "--directory=" + staging,
                        "--numeric-owner");
        if (!unpacked.succeeded()) {
            throw new RootfsException(
                    "tar could not unpack " + tarball + " (" + unpacked.firstLine() + "); diyc takes .tar, .tar.gz and .tar.xz root filesystem tarballs");
        }
        if (!ImagePaths.isFile(staging, "/bin/sh")) {
            throw new RootfsException(
                    tarball.getFileName() + " has no /bin/sh at its top level, so it is not a root filesystem; an Alpine minirootfs or a `docker export` tarball is one");
        }
    }
}
