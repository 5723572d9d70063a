package dev.diyc.guard;

import dev.diyc.sys.Flags;

/**
 * A namespace type a context may still share with the host: what the guard is chosen by. Named the
 * way the learner meets it, with the {@code unshare} option that ends the sharing.
 */
public enum HostNamespace {
    UTS("UTS", "--uts", Flags.CLONE_NEWUTS),
    MOUNT("mount", "--mount", Flags.CLONE_NEWNS),
    NET("network", "--net", Flags.CLONE_NEWNET),
    PID("PID", "--pid --fork", Flags.CLONE_NEWPID),
    IPC("IPC", "--ipc", Flags.CLONE_NEWIPC),
    CGROUP("cgroup", "--cgroup", Flags.CLONE_NEWCGROUP),
    TIME("time", "--time", Flags.CLONE_NEWTIME),
    USER("user", "--user", Flags.CLONE_NEWUSER);

    private final String title;
    private final String unshareOption;
    private final long cloneFlag;

    HostNamespace(String title, String unshareOption, long cloneFlag) {
        this.title = title;
        this.unshareOption = unshareOption;
        this.cloneFlag = cloneFlag;
    }

    /** As in "the host's UTS namespace". */
    public String title() {
        return title;
    }

    /** What ends the sharing: {@code ctr unshare --uts}. */
    public String unshareOption() {
        return unshareOption;
    }

    public long cloneFlag() {
        return cloneFlag;
    }
}
