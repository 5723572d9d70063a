package dev.diyc.sys;

/** Syscall numbers that differ between the architectures a workshop VM runs on. */
final class Arch {
    static final long SYS_PIVOT_ROOT;
    static final long SYS_SETRESUID;
    static final long SYS_SETRESGID;
    static final long SYS_SETGROUPS;
    static final long SYS_SECCOMP;
    // Syscalls added since Linux 5.1 share one number on every architecture.
    static final long SYS_MOVE_MOUNT = 429;
    static final long SYS_FSOPEN = 430;
    static final long SYS_FSCONFIG = 431;
    static final long SYS_FSMOUNT = 432;

    static {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64", "x86_64" -> {
                SYS_PIVOT_ROOT = 155;
                SYS_SETRESUID = 117;
                SYS_SETRESGID = 119;
                SYS_SETGROUPS = 116;
                SYS_SECCOMP = 317;
            }
            case "aarch64", "arm64", "riscv64" -> {
                SYS_PIVOT_ROOT = 41;
                SYS_SETRESUID = 147;
                SYS_SETRESGID = 149;
                SYS_SETGROUPS = 159;
                SYS_SECCOMP = 277;
            }
            default -> throw new UnsupportedOperationException("diyc does not know the syscall numbers of " + arch);
        }
    }

    private Arch() {}
}
