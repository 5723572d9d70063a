package dev.diyc.commands;

import dev.diyc.guard.Restriction;
import dev.diyc.ns.Container;
import dev.diyc.sys.Capabilities;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * libcap's capsh, the forms lesson 13 uses. {@code --drop=LIST --} starts the container's next shell
 * without those capabilities: diyc makes prctl(PR_CAPBSET_DROP) and capset(2) on a thread that exists
 * only to spawn that shell (real capsh makes them in itself, then execs bash), so the container's own
 * thread, which makes diyc's syscalls, keeps them all.
 */
@Command(name = "capsh", mixinStandardHelpOptions = true,
        description = {"Capabilities as libcap's capsh spells them (lesson 13). --drop makes prctl(PR_CAPBSET_DROP) and "
                + "capset(2) on a thread that exists only to start the container's next shell, which lacks them; "
                + "--decode and --print name the sets /proc/PID/status shows in hex.",
                "  capsh --drop=cap_sys_admin,cap_net_admin --",
                "  capsh --decode=0000000000201000",
                "  capsh --print",
                "Inside, a shell without a capability keeps uid 0; the calls that need it fail with EPERM. "
                        + "exit ends it; the next container has them all again."})
final class CapshCommand extends NativeCommand {
    private static final List<String> FIELDS = List.of("CapEff", "CapPrm", "CapInh", "CapBnd", "CapAmb");
    private static final List<String> SETS = List.of("Effective", "Permitted", "Inheritable", "Bounding", "Ambient");

    @Option(names = "--drop", split = ",", paramLabel = "CAP", description = "take these away (cap_sys_admin, sys_admin or CAP_SYS_ADMIN)")
    List<String> drop = new ArrayList<>();

    @Option(names = "--decode", paramLabel = "HEX", description = "print the capabilities of a hex set, as /proc/PID/status shows them")
    String decode;

    @Option(names = "--print", description = "the context's shell's capability sets, by name")
    boolean print;

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "after --: nothing (diyc starts the container's next shell)")
    List<String> args = new ArrayList<>();

    /** Whether the words had capsh's {@code --}, which picocli takes away. */
    private boolean dashDash;

    @Override
    List<String> normalize(List<String> words) {
        dashDash = words.contains("--");
        return words;
    }

    @Override
    public Integer call() {
        if (decode != null) {
            long set = parseHex(decode);
            inv.console().plain(String.format("0x%016x=%s", set, Capabilities.decode(set)));
        }
        if (print) {
            print(inv.ctx().pid());
        }
        if (!drop.isEmpty() || dashDash) {
            startShell();
        } else if (decode == null && !print) {
            throw new UserError("capsh: what to do? --drop=CAP,... -- starts a shell without them; --decode=HEX, --print show sets");
        }
        return 0;
    }

    private void startShell() {
        if (!dashDash || !args.isEmpty()) {
            throw new UserError("capsh: diyc's capsh starts the container's next shell: capsh --drop=CAP,... -- "
                    + "(with nothing after --), then run commands in it");
        }
        Container ctr = inv.container("capsh", "would take capabilities from diyc's own host shell");
        long caps = capabilities(drop);
        ctr.restrictShell(Restriction.dropping(caps));
        inv.console().say("the container's shell is now host PID " + ctr.pid() + ", without "
                + Capabilities.decode(caps) + ": the host reads its sets in /proc/" + ctr.pid() + "/status (CapBnd, CapEff)");
    }

    /** A set from names in any of the spellings capsh, docker and the kernel use. */
    static long capabilities(List<String> names) {
        long set = 0;
        for (String n : names) {
            int cap = Capabilities.byName(n);
            if (cap < 0) {
                throw new UserError("capsh: no capability called " + n + " (cap_sys_admin, cap_net_admin, cap_chown...; "
                        + "capsh --print lists them)");
            }
            set |= Capabilities.bit(cap);
        }
        return set;
    }

    static long parseHex(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return Long.parseUnsignedLong(h, 16);
        } catch (NumberFormatException e) {
            throw new UserError("capsh: --decode takes a hex set such as 000001ffffffffff, as /proc/PID/status prints it");
        }
    }

    private void print(int pid) {
        List<String> status;
        try {
            status = Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inv.console().say("read from /proc/" + pid + "/status, the context's shell's, where the kernel prints each set in hex");
        for (int i = 0; i < FIELDS.size(); i++) {
            String prefix = FIELDS.get(i) + ":";
            for (String line : status) {
                if (line.startsWith(prefix)) {
                    inv.console().plain(SETS.get(i) + " set =" + Capabilities.decode(parseHex(line.substring(prefix.length()).strip())));
                }
            }
        }
    }
}
