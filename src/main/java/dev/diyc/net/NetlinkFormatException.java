package dev.diyc.net;

/** A message from the kernel that does not parse: a bug in diyc's decoder, never a learner's mistake. */
public final class NetlinkFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetlinkFormatException(String message) {
        super(message);
    }
}
