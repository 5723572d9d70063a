package dev.diyc.guard;

/**
 * The classic-BPF subset a seccomp filter uses: loads from struct seccomp_data, compare-and-jump,
 * return. Values as in linux/filter.h and linux/seccomp.h.
 */
final class Bpf {
    // Opcodes: class | size | mode (loads), class | op | source (jumps), class | source (return).
    static final int LD_W_ABS = 0x20, JMP_JA = 0x05, JEQ_K = 0x15, JGT_K = 0x25, JGE_K = 0x35, JSET_K = 0x45, RET_K = 0x06;

    // Offsets in struct seccomp_data { int nr; u32 arch; u64 instruction_pointer; u64 args[6]; }.
    static final int NR = 0, ARCH = 4, IP = 8, ARGS = 16;

    // What a filter returns; the low 16 bits are data (the errno for ERRNO).
    static final int RET_KILL_PROCESS = 0x80000000, RET_KILL_THREAD = 0, RET_TRAP = 0x00030000, RET_ERRNO = 0x00050000,
            RET_USER_NOTIF = 0x7fc00000, RET_TRACE = 0x7ff00000, RET_LOG = 0x7ffc0000, RET_ALLOW = 0x7fff0000;
    static final int RET_ACTION_FULL = 0xffff0000, RET_DATA = 0x0000ffff;

    private Bpf() {}

    /** args[i]'s low 32 bits (both architectures are little-endian): where an int argument such as a pid is. */
    static int argLow(int i) {
        return ARGS + 8 * i;
    }
}
