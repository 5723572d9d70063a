package dev.diyc.view;

import dev.diyc.ns.Context;
import dev.diyc.sys.Fds;
import dev.diyc.sys.Syscalls;
import dev.diyc.sys.Syscalls.Ipc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The System V IPC objects a context sees, from /proc/sysvipc. Those files show the IPC namespace
 * of the task that opens them, so they are opened on the context's own thread.
 */
public final class Ipcs {
    /** One object: its key, id, owner's uid, mode, and the size column (bytes used, bytes, or semaphores). */
    public record Entry(Ipc kind, long key, int id, int uid, int mode, long size) {}

    private Ipcs() {}

    public static List<Entry> list(Context ctx, Ipc kind) {
        String file = switch (kind) {
            case QUEUE -> "sysvipc/msg";
            case SHM -> "sysvipc/shm";
            case SEM -> "sysvipc/sem";
        };
        int fd = ctx.thread().call(() -> Syscalls.openHostProc(file, "/proc/" + file));
        String text;
        try (InputStream in = Fds.in(fd)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            // msg: key msqid perms cbytes qnum lspid lrpid uid ...; shm: key shmid perms size cpid lpid nattch uid ...;
            // sem: key semid perms nsems uid ...
            int uidColumn = kind == Ipc.SEM ? 4 : 7;
            out.add(new Entry(kind, Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[uidColumn]),
                    Integer.parseInt(f[2], 8), Long.parseLong(f[3]))); // perms are printed in octal
        }
        return out;
    }

    /** util-linux's ipcs layout. */
    public static String format(Context ctx, List<Ipc> kinds) {
        StringBuilder b = new StringBuilder();
        for (Ipc kind : kinds) {
            String title = switch (kind) {
                case QUEUE -> "Message Queues";
                case SHM -> "Shared Memory Segments";
                case SEM -> "Semaphore Arrays";
            };
            String id = switch (kind) {
                case QUEUE -> "msqid";
                case SHM -> "shmid";
                case SEM -> "semid";
            };
            String size = switch (kind) {
                case QUEUE -> "used-bytes";
                case SHM -> "bytes";
                case SEM -> "nsems";
            };
            b.append("\n------ ").append(title).append(" --------\n");
            b.append(String.format("%-10s %-10s %-10s %-10s %-10s%n", "key", id, "owner", "perms", size));
            for (Entry e : list(ctx, kind)) {
                b.append(String.format("0x%08x %-10d %-10s %-10o %-10d%n", e.key(), e.id(), e.uid() == 0 ? "root" : Integer.toString(e.uid()),
                        e.mode() & 0777, e.size()));
            }
        }
        return b.toString();
    }
}
