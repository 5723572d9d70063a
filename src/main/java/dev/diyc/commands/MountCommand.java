package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.Namespace;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Syscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mount", mixinStandardHelpOptions = true,
        description = {"Mount a filesystem in the container with mount(2), util-linux's spellings:",
                "  mount --bind rootfs rootfs",
                "  mount -t proc proc /proc",
                "  mount -t tmpfs tmpfs secret",
                "  mount -t overlay overlay -o lowerdir=rootfs,upperdir=up,workdir=work merged",
                "  mount --move SRC DST",
                "  mount --make-rprivate /",
                "(a bare `mount` lists mounts)"})
final class MountCommand extends NativeCommand {
    private static final Map<String, Long> OPTION_FLAGS = Map.of(
            "ro", Flags.MS_RDONLY, "nosuid", Flags.MS_NOSUID, "nodev", Flags.MS_NODEV, "noexec", Flags.MS_NOEXEC,
            "remount", Flags.MS_REMOUNT, "bind", Flags.MS_BIND, "rbind", Flags.MS_BIND | Flags.MS_REC,
            "move", Flags.MS_MOVE);

    @Option(names = {"-t", "--types"}, paramLabel = "TYPE", description = "filesystem type: proc, tmpfs, sysfs, ...")
    String type;

    @Option(names = {"-o", "--options"}, paramLabel = "OPTS", description = "comma-separated: ro, nosuid, nodev, noexec, remount, or filesystem data such as size=10m")
    String options;

    @Option(names = {"-n", "--no-mtab"}, description = "accepted and ignored (there is no /etc/mtab to write)")
    boolean noMtab;

    @Option(names = {"-B", "--bind"}, description = "bind SOURCE onto TARGET (MS_BIND)")
    boolean bind;

    @Option(names = {"-R", "--rbind"}, description = "bind recursively (MS_BIND|MS_REC)")
    boolean rbind;

    @Option(names = {"-M", "--move"}, description = "move the mount at SOURCE to TARGET (MS_MOVE)")
    boolean move;

    @Option(names = "--make-private") boolean makePrivate;
    @Option(names = "--make-rprivate") boolean makeRPrivate;
    @Option(names = "--make-shared") boolean makeShared;
    @Option(names = "--make-rshared") boolean makeRShared;
    @Option(names = "--make-slave") boolean makeSlave;
    @Option(names = "--make-rslave") boolean makeRSlave;
    @Option(names = "--make-unbindable") boolean makeUnbindable;
    @Option(names = "--make-runbindable") boolean makeRUnbindable;

    @Parameters(paramLabel = "SOURCE TARGET", arity = "1..2")
    List<String> paths = new ArrayList<>();

    private long propagation() {
        long f = 0;
        if (makePrivate || makeRPrivate) f |= Flags.MS_PRIVATE;
        if (makeShared || makeRShared) f |= Flags.MS_SHARED;
        if (makeSlave || makeRSlave) f |= Flags.MS_SLAVE;
        if (makeUnbindable || makeRUnbindable) f |= Flags.MS_UNBINDABLE;
        if (makeRPrivate || makeRShared || makeRSlave || makeRUnbindable) f |= Flags.MS_REC;
        return f;
    }

    @Override
    public Integer call() {
        var ctr = inv.container("mount", "would change the host's mounts");
        ctr.requireOwn(Namespace.MNT, "mounting", "unshare --mount");
        long flags = 0;
        List<String> data = new ArrayList<>();
        if (options != null) {
            for (String o : options.split(",")) {
                if (OPTION_FLAGS.containsKey(o)) {
                    flags |= OPTION_FLAGS.get(o);
                } else if (!o.equals("rw") && !o.equals("defaults") && !o.isEmpty()) {
                    data.add(o);
                }
            }
        }
        String dataString = data.isEmpty() ? null : String.join(",", data);
        long propagation = propagation();
        if (propagation != 0) {
            if (paths.size() != 1) {
                throw new UserError("mount: a propagation change takes one mount point, e.g. mount --make-rprivate /");
            }
            String target = paths.get(0);
            return mount("none", target, null, propagation, null);
        }
        if (paths.size() != 2) {
            throw new UserError("mount: give a SOURCE and a TARGET, e.g. mount --bind rootfs rootfs or mount -t tmpfs tmpfs secret");
        }
        String source = paths.get(0);
        String target = paths.get(1);
        if (bind || rbind || move) {
            flags |= move ? Flags.MS_MOVE : Flags.MS_BIND | (rbind ? Flags.MS_REC : 0);
            return mount(source, target, null, flags, dataString);
        }
        if (type == null) {
            throw new UserError("mount: which filesystem type? e.g. mount -t tmpfs tmpfs " + target + " (diyc reads no /etc/fstab)");
        }
        if (type.equals("proc")) {
            ctr.mountProc(source, target, flags, inv.console()::say);
            return 0;
        }
        if (type.equals("overlay")) {
            OverlayOptions layers = OverlayOptions.parse(dataString);
            mount(source, target, type, flags, dataString);
            inv.console().say(layers.describe(target));
            return 0;
        }
        return mount(source, target, type, flags, dataString);
    }

    private int mount(String source, String target, String fstype, long flags, String data) {
        inv.ctx().inShellCwd(() -> {
            Syscalls.mount(source, target, fstype, flags, data, null);
            return null;
        });
        return 0;
    }
}
