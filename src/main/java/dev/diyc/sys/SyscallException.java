package dev.diyc.sys;

/** A failed call: what was called, with which arguments, the errno, and the likely cause. */
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

    /** One line on what usually causes this errno from this call, or null. */
    public String explanation() {
        return Explanations.of(call);
    }
}
