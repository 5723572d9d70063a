#!/usr/bin/env python3
"""Time from launching ./diyc (jar already built) to the first prompt on a real pty, and to the
first command's answer (the lab ready). Median of N runs."""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

def once(launcher):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(launcher, [launcher])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf, prompt_at, answer_at = b"", None, None
    while answer_at is None and time.monotonic() - t0 < 30:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
        if prompt_at is None and b"ctr> " in buf:
            prompt_at = time.monotonic() - t0
            os.write(fd, b"ctr echo lab-$((40+2))\r")
        if prompt_at is not None and b"lab-42" in buf:
            answer_at = time.monotonic() - t0
    os.write(fd, b"quit\r")
    os.waitpid(pid, 0)
    return prompt_at, answer_at

if __name__ == "__main__":
    launcher, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 7
    runs = [once(launcher) for _ in range(n)]
    print("first prompt: median %.0f ms   first answer (lab ready): median %.0f ms   (%d runs)" % (
        1000 * statistics.median(r[0] for r in runs), 1000 * statistics.median(r[1] for r in runs), n))
