package dev.diyc;

import dev.diyc.rootfs.Rootfs;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diyc rootfs build|import}: the root filesystem images under rootfs-images/. */
@Command(name = "rootfs", mixinStandardHelpOptions = true, description = "Build or import the default root filesystem image.",
        subcommands = {RootfsCli.Build.class, RootfsCli.Import.class})
final class RootfsCli {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Rebuild rootfs-images/default: from busybox-static when installed, else from the host's own binaries and their libraries.")
    static final class Build implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "busybox|host", description = "force one method")
        String from;

        @Option(names = "--busybox", paramLabel = "FILE", description = "the static busybox binary to use")
        Path busybox;

        @Override
        public Integer call() throws IOException {
            Path target = Rootfs.defaultImage(Home.dir());
            if ("host".equals(from)) {
                Rootfs.buildFromHost(target, Build::progress);
            } else if (busybox != null || "busybox".equals(from)) {
                Path bb = busybox != null ? busybox : Path.of("/bin/busybox");
                Rootfs.buildFromBusybox(bb, target, Build::progress);
            } else if (from != null) {
                throw new UserError("--from takes busybox or host");
            } else {
                Rootfs.rebuild(target, Build::progress);
            }
            System.out.println("built " + target);
            return Main.OK;
        }

        static void progress(String line) {
            System.out.println("  " + line);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a root filesystem tarball you bring (Alpine's minirootfs .tar.gz, a docker export) as the default image.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path tarball;

        @Override
        public Integer call() throws IOException {
            Path target = Rootfs.defaultImage(Home.dir());
            Rootfs.importTarball(tarball, target, Build::progress);
            System.out.println("imported " + tarball + " as " + target);
            return Main.OK;
        }
    }
}
