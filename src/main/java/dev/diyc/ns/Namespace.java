package dev.diyc.ns;

import dev.diyc.sys.Flags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The namespace types, in the order /proc/PID/ns lists them, with their clone flag. */
public enum Namespace {
    CGROUP("cgroup", Flags.CLONE_NEWCGROUP),
    IPC("ipc", Flags.CLONE_NEWIPC),
    MNT("mnt", Flags.CLONE_NEWNS),
    NET("net", Flags.CLONE_NEWNET),
    PID("pid", Flags.CLONE_NEWPID),
    PID_FOR_CHILDREN("pid_for_children", Flags.CLONE_NEWPID),
    TIME("time", Flags.CLONE_NEWTIME),
    TIME_FOR_CHILDREN("time_for_children", Flags.CLONE_NEWTIME),
    USER("user", Flags.CLONE_NEWUSER),
    UTS("uts", Flags.CLONE_NEWUTS);

    private final String procName;
    private final long cloneFlag;

    Namespace(String procName, long cloneFlag) {
        this.procName = procName;
        this.cloneFlag = cloneFlag;
    }

    public String procName() {
        return procName;
    }

    public long cloneFlag() {
        return cloneFlag;
    }

    public static Namespace byProcName(String name) {
        for (Namespace n : values()) {
            if (n.procName.equals(name)) {
                return n;
            }
        }
        return null;
    }

    /**
     * The namespace's identity, like {@code uts:[4026531838]}, read from a /proc task directory such
     * as {@code /proc/4242} or {@code /proc/self/task/17}; null when the task is gone.
     */
    public String of(Path procTask) {
        try {
            return Files.readSymbolicLink(procTask.resolve("ns").resolve(procName)).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
