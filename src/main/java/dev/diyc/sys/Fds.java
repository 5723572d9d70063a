package dev.diyc.sys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Pipes and plain blocking I/O on raw fds, for talking to spawned processes. */
public final class Fds {
    private Fds() {}

    /** @return {read end, write end}, both close-on-exec */
    public static int[] pipe() {
        int[] fds = new int[2];
        if (Native.libc().pipe2(fds, Syscalls.O_CLOEXEC) < 0) {
            throw new IllegalStateException("pipe2: " + Errno.message(Native.errno()));
        }
        return fds;
    }

    public static void close(int fd) {
        if (fd >= 0) {
            Native.libc().close(fd);
        }
    }

    public static InputStream in(int fd) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                byte[] buf = off == 0 ? b : new byte[len];
                while (true) {
                    long n = Native.libc().read(fd, buf, len);
                    if (n < 0 && Native.errno() == Errno.EINTR) {
                        continue;
                    }
                    if (n < 0) {
                        throw new IOException("read: " + Errno.message(Native.errno()));
                    }
                    if (n == 0) {
                        return -1;
                    }
                    if (off != 0) {
                        System.arraycopy(buf, 0, b, off, (int) n);
                    }
                    return (int) n;
                }
            }

            @Override
            public void close() {
                Fds.close(fd);
            }
        };
    }

    public static OutputStream out(int fd) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] rest = Arrays.copyOfRange(b, off, off + len);
                while (rest.length > 0) {
                    long n = Native.libc().write(fd, rest, rest.length);
                    if (n < 0 && Native.errno() == Errno.EINTR) {
                        continue;
                    }
                    if (n < 0) {
                        throw new IOException("write: " + Errno.message(Native.errno()));
                    }
                    rest = Arrays.copyOfRange(rest, (int) n, rest.length);
                }
            }

            @Override
            public void close() {
                Fds.close(fd);
            }
        };
    }

    /** Waits for a child; returns its status as a shell reports it (exit code, or 128+signal). */
    public static int waitFor(int pid) {
        int[] status = new int[1];
        while (true) {
            int r = Native.libc().waitpid(pid, status, 0x40000000 /* __WALL */);
            if (r < 0 && Native.errno() == Errno.EINTR) {
                continue;
            }
            if (r < 0) {
                return -1;
            }
            int s = status[0];
            return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
        }
    }

    public static boolean kill(int pid, int signal) {
        return Native.libc().kill(pid, signal) == 0;
    }
}
