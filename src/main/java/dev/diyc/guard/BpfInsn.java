package dev.diyc.guard;

/** One struct sock_filter: {@code u16 code; u8 jt; u8 jf; u32 k;}, jumps relative to the next instruction. */
record BpfInsn(int code, int jt, int jf, int k) {
    BpfInsn {
        if (code < 0 || code > 0xffff || jt < 0 || jt > 0xff || jf < 0 || jf > 0xff) {
            throw new IllegalArgumentException("not a sock_filter: code=" + code + " jt=" + jt + " jf=" + jf);
        }
    }
}
