package dev.diyc.sys;

/** A failed call: what was called, with which arguments, and the errno (explain.CallExplanations says the likely cause). */
public final class SyscallException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Call call;

    public SyscallException(Call call) {
        super(call.line());
        this.call = call;
    }

    public Call call() {
        return call;
    }

    public int errno() {
        return call.errno();
    }
}
