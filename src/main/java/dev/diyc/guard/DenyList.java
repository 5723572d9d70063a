package dev.diyc.guard;

import dev.diyc.sys.Errno;
import java.util.List;

/**
 * The simplest useful seccomp filter, the one a learner asks for by name ({@code seccomp --deny
 * mkdir,mkdirat}): the named syscalls fail with an errno, everything else is allowed. It is what
 * docker's default profile does at a larger scale (there an allow list, with ERRNO(EPERM) for the
 * rest), and what {@link GuardPolicy} does with rules per shared namespace.
 */
public final class DenyList {
    private DenyList() {}

    /**
     * @param syscalls names this architecture knows ({@link AuditArch#knows})
     * @param errno what the refused calls return, EPERM as docker's profile does
     */
    public static BpfProgram of(List<String> syscalls, int errno, AuditArch arch) {
        if (syscalls.isEmpty()) {
            throw new IllegalArgumentException("a deny list names at least one syscall");
        }
        BpfAssembler a = new BpfAssembler().nativeSyscallsOf(arch, "kill");
        for (String s : syscalls) {
            a.jump(Bpf.JEQ_K, arch.number(s), "deny", null);
        }
        return a.ret(Bpf.RET_ALLOW).label("deny").ret(Bpf.RET_ERRNO | (errno & Bpf.RET_DATA))
                .label("kill").ret(Bpf.RET_KILL_PROCESS).assemble();
    }

    /** EPERM by default; the errno's name as strace prints it (EACCES, ENOSYS) for another. */
    public static int errno(String name) {
        for (int e = 1; e < 134; e++) {
            if (Errno.name(e).equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no errno called " + name + " (EPERM, EACCES, ENOSYS...)");
    }
}
