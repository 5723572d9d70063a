package dev.diyc.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.ns.Masquerade;
import dev.diyc.ns.UserNamespaces;
import dev.diyc.testing.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Doctor on this very machine: what it reports agrees with what diyc's own code (and the JVM) finds
 * here, and reading it all leaves the machine as it was. Asserted from those sources rather than
 * written down, so it holds on the workshop VMs too (pure v2 there, hybrid v1 here).
 */
class DoctorThisMachineTest {
    private static Map<Piece, Finding> byPiece(Report r) {
        return r.pieces().stream().collect(Collectors.toMap(Finding::piece, f -> f));
    }

    @Test
    void agreesWithDiycsOwnViewOfThisMachineAndChangesNothing() throws IOException {
        Root.require();
        List<String> before = hostTraces();
        long start = System.nanoTime();
        Report r = Doctor.check(Machine.thisOne(Path.of("").toAbsolutePath()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(before, hostTraces(), "doctor made no cgroup, took no session slot, left no playground");
        assertTrue(millis < 2000, "doctor took " + millis + " ms");

        Map<Piece, Finding> f = byPiece(r);
        assertEquals(Finding.ok(Piece.ROOT, "running as root"), f.get(Piece.ROOT));

        Cgroups host = Cgroups.host();
        Finding cg = f.get(Piece.CGROUP_LIMITS);
        assertEquals(CgroupCheck.version(host.trees()), cg.facts().get("version"));
        boolean creatable = true;
        for (String c : CgroupCheck.CONTROLLERS) {
            Hierarchy h = host.treeOf(c);
            creatable &= h != null && h.cannotCreate(Set.of(c)) == null;
            if (h != null) {
                assertEquals("v" + h.version() + " " + h.mount(), cg.facts().get(c));
            }
        }
        assertEquals(creatable, cg.ok(), cg.toString());

        String release = System.getProperty("os.version"); // uname -r, by the JVM
        assertEquals(release, r.kernel());
        assertEquals(KernelChecks.atLeast(release, 6, 18) ? "pidns" : "fallback", f.get(Piece.PROCFS_PIDNS).facts().get("path"));
        assertEquals(Files.exists(Path.of("/proc/self/ns/time")), f.get(Piece.TIME_NAMESPACE).ok());
        assertEquals(UserNamespaces.blocker().isEmpty(), f.get(Piece.USER_NAMESPACES).ok());
        Masquerade.Tool tool = Masquerade.tool();
        assertEquals(tool == null ? null : tool.name().toLowerCase(), f.get(Piece.NAT).facts().get("tool"));

        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), r.lessons().stream().map(LessonRow::number).toList());
        assertEquals(List.of(), r.brokenLessonFiles());
        assertEquals(r.allReady(), r.lessons().stream().allMatch(LessonRow::ready));
    }

    /** What doctor must not leave behind: diyc cgroups at the top of each tree, taken slots, playgrounds. */
    private static List<String> hostTraces() throws IOException {
        List<String> traces = new ArrayList<>();
        for (Hierarchy h : Cgroups.host().trees()) {
            try (Stream<Path> dirs = Files.list(h.mount())) {
                dirs.filter(d -> d.getFileName().toString().startsWith(Cgroups.sessionPrefix())).forEach(d -> traces.add(d.toString()));
            }
        }
        Set<String> mine = ownSocketInodes();
        for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
            String[] f = line.strip().split("\\s+"); // ... Inode Path
            if (f.length >= 8 && f[7].startsWith("@diyc-slot-") && mine.contains(f[6])) {
                traces.add("slot " + f[7]);
            }
        }
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(p -> p.getFileName().toString().equals("diyc-playground." + ProcessHandle.current().pid())).forEach(p -> traces.add(p.toString()));
        }
        return traces;
    }

    /** The inodes of this JVM's sockets: a slot doctor took would be one of them. */
    private static Set<String> ownSocketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return inodes;
    }
}
