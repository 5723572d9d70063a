package dev.diyc.ns;

/**
 * Whether diyc names a container's PID namespace for procfs ({@code fsconfig(..., "pidns", fd)},
 * Linux 6.18+). A lab makes one and its containers share it: it starts as asked
 * ({@code -Ddiyc.procfs.pidns=false} takes the older kernels' way on any kernel, so that path is
 * tested too) and turns off for good once this kernel has answered that it has no such option.
 */
final class ProcfsPidns {
    private volatile boolean usable;

    private ProcfsPidns(boolean usable) {
        this.usable = usable;
    }

    /** As the {@code diyc.procfs.pidns} system property asks: on unless it is {@code false}. */
    static ProcfsPidns asConfigured() {
        return new ProcfsPidns(!"false".equals(System.getProperty("diyc.procfs.pidns")));
    }

    boolean usable() {
        return usable;
    }

    /** This kernel's procfs has no pidns option: do not try again. */
    void unsupported() {
        usable = false;
    }
}
