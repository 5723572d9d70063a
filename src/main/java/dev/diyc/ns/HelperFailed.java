package dev.diyc.ns;

/** A helper program (util-linux's unshare) could not start the shell: its exit status, and what it printed. */
public final class HelperFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    HelperFailed(int status, String output) {
        super(output);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
