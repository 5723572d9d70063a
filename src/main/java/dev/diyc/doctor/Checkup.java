package dev.diyc.doctor;

import dev.diyc.lesson.Lesson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every piece read from the machine once, then each lesson judged by the pieces it needs. */
public final class Checkup {
    private Checkup() {}

    /**
     * @param lessons the lessons that loaded
     * @param problems one line per lesson file that did not load
     */
    public static Report run(Machine m, ImageSources sources, List<Lesson> lessons, List<String> problems) {
        Map<Piece, Finding> found = findings(m, sources);
        List<LessonRow> rows = new ArrayList<>();
        for (Lesson l : lessons) {
            LessonPieces.Needs needs = LessonPieces.of(l);
            List<Finding> missing = needs.pieces().stream().map(found::get).filter(f -> !f.ok()).toList();
            rows.add(new LessonRow(l.number(), l.id(), l.file().getFileName().toString(), needs.pieces(), missing, needs.unknownWords()));
        }
        return new Report(m.kernelRelease(), List.copyOf(found.values()), rows, problems);
    }

    /** On this machine, with diyc's own image sources. */
    public static Report run(Machine m, List<Lesson> lessons, List<String> problems) {
        return run(m, ImageSources.ofThisMachine(), lessons, problems);
    }

    static Map<Piece, Finding> findings(Machine m, ImageSources sources) {
        Map<Piece, Finding> f = new EnumMap<>(Piece.class);
        f.put(Piece.ROOT, PrivilegeCheck.check(m));
        f.put(Piece.USER_NAMESPACES, UserNamespaceCheck.check(m));
        f.put(Piece.LEARNER, LearnerCheck.check(m));
        f.put(Piece.ROOTFS, RootfsCheck.check(m, sources));
        f.put(Piece.DISK_SPACE, DiskSpaceCheck.check(m, sources));
        f.put(Piece.SESSION_SLOT, SessionSlotCheck.check(m));
        f.put(Piece.NAT, ProgramChecks.nat(m));
        f.put(Piece.UTIL_LINUX, ProgramChecks.utilLinux(m));
        f.put(Piece.CGROUP_LIMITS, CgroupCheck.check(m));
        f.put(Piece.PROCFS_PIDNS, KernelChecks.procfsPidns(m));
        f.put(Piece.TIME_NAMESPACE, KernelChecks.timeNamespace(m));
        f.put(Piece.OVERLAYFS, KernelChecks.overlayfs(m));
        f.put(Piece.SECCOMP, KernelChecks.seccomp(m));
        return f;
    }
}
