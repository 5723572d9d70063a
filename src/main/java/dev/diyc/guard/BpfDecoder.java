package dev.diyc.guard;

import dev.diyc.sys.Errno;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a seccomp program one instruction a line, as seccomp-tools dump does: the raw sock_filter,
 * then what it means, with syscall numbers and architectures by name.
 *
 * <pre>
 * 0000: 0x20 0x00 0x00 0x00000004  A = arch
 * 0001: 0x15 0x00 0x0b 0xc000003e  if (A != AUDIT_ARCH_X86_64) goto 0013
 * 0002: 0x20 0x00 0x00 0x00000000  A = sys_number
 * 0005: 0x15 0x07 0x00 0x000000aa  if (A == sethostname) goto 0013
 * </pre>
 *
 * Jumps only go forward, so one pass in order knows every way into an instruction before reaching
 * it: what A holds there is what every way in agrees on (a rule's "not this syscall" jump skips the
 * argument it loaded, and A is the syscall number again where it lands).
 */
public final class BpfDecoder {
    private BpfDecoder() {}

    public static List<String> decode(BpfProgram program, AuditArch assumed) {
        AuditArch arch = assumed;
        List<String> lines = new ArrayList<>();
        List<BpfInsn> insns = program.insns();
        int[] holds = new int[insns.size() + 256]; // per instruction: the seccomp_data offset A was loaded from
        Arrays.fill(holds, UNREACHED);
        holds[0] = NOTHING;
        for (int at = 0; at < insns.size(); at++) {
            BpfInsn i = insns.get(at);
            int loaded = holds[at];
            String meaning;
            if (i.code() == Bpf.LD_W_ABS) {
                meaning = "A = " + field(i.k());
                flow(holds, at + 1, i.k());
            } else if (i.code() == Bpf.RET_K) {
                meaning = "return " + action(i.k());
            } else if (i.code() == Bpf.JMP_JA) {
                meaning = "goto " + line(at + 1 + i.k());
                flow(holds, at + 1 + i.k(), loaded);
            } else if (isCompare(i.code())) {
                if (loaded == Bpf.ARCH && AuditArch.byAudit(i.k()) != null) {
                    arch = AuditArch.byAudit(i.k());
                }
                meaning = compare(i, at, operand(i.k(), loaded, arch));
                flow(holds, at + 1 + i.jt(), loaded);
                flow(holds, at + 1 + i.jf(), loaded);
            } else {
                meaning = "(an instruction diyc does not use)";
                flow(holds, at + 1, UNKNOWN);
            }
            lines.add(String.format("%s: 0x%02x 0x%02x 0x%02x 0x%08x  %s", line(at), i.code(), i.jt(), i.jf(), i.k(), meaning));
        }
        return lines;
    }

    private static final int UNREACHED = -3, UNKNOWN = -2, NOTHING = -1;

    private static void flow(int[] holds, int to, int loaded) {
        if (to < holds.length) {
            holds[to] = holds[to] == UNREACHED || holds[to] == loaded ? loaded : UNKNOWN;
        }
    }

    private static String line(int at) {
        return String.format("%04d", at);
    }

    private static boolean isCompare(int code) {
        return code == Bpf.JEQ_K || code == Bpf.JGT_K || code == Bpf.JGE_K || code == Bpf.JSET_K;
    }

    private static String field(int offset) {
        if (offset == Bpf.NR) {
            return "sys_number";
        }
        if (offset == Bpf.ARCH) {
            return "arch";
        }
        if (offset == Bpf.IP) {
            return "instruction_pointer";
        }
        if (offset == Bpf.IP + 4) {
            return "instruction_pointer >> 32";
        }
        if (offset >= Bpf.ARGS && offset < Bpf.ARGS + 48 && offset % 4 == 0) {
            int arg = (offset - Bpf.ARGS) / 8;
            return "args[" + arg + "]" + (offset % 8 == 0 ? "" : " >> 32");
        }
        return "data[" + offset + "]";
    }

    /** K as what A was loaded from: a syscall's name, an architecture's, or a number. */
    private static String operand(int k, int loaded, AuditArch arch) {
        if (loaded == Bpf.ARCH && AuditArch.byAudit(k) != null) {
            return AuditArch.byAudit(k).auditName();
        }
        if (loaded == Bpf.NR && arch != null && arch.name(k) != null) {
            return arch.name(k);
        }
        return Integer.compareUnsigned(k, 0xffff) <= 0 ? Integer.toString(k) : String.format("0x%x", k);
    }

    private static String compare(BpfInsn i, int at, String k) {
        String[] ops = switch (i.code()) {
            case Bpf.JEQ_K -> new String[] {"A == " + k, "A != " + k};
            case Bpf.JGT_K -> new String[] {"A > " + k, "A <= " + k};
            case Bpf.JGE_K -> new String[] {"A >= " + k, "A < " + k};
            default -> new String[] {"A & " + k, "!(A & " + k + ")"};
        };
        String t = line(at + 1 + i.jt()), f = line(at + 1 + i.jf());
        if (i.jt() == 0 && i.jf() == 0) {
            return "(" + ops[0] + ", then the next line either way)";
        }
        if (i.jt() == 0) {
            return "if (" + ops[1] + ") goto " + f;
        }
        if (i.jf() == 0) {
            return "if (" + ops[0] + ") goto " + t;
        }
        return "if (" + ops[0] + ") goto " + t + " else goto " + f;
    }

    static String action(int k) {
        int data = k & Bpf.RET_DATA;
        return switch (k & Bpf.RET_ACTION_FULL) {
            case Bpf.RET_KILL_PROCESS -> "KILL_PROCESS";
            case Bpf.RET_KILL_THREAD -> "KILL_THREAD";
            case Bpf.RET_TRAP -> "TRAP";
            case Bpf.RET_ERRNO -> "ERRNO(" + Errno.name(data) + ")";
            case Bpf.RET_USER_NOTIF -> "USER_NOTIF";
            case Bpf.RET_TRACE -> "TRACE(" + data + ")";
            case Bpf.RET_LOG -> "LOG";
            case Bpf.RET_ALLOW -> "ALLOW";
            default -> String.format("0x%08x", k);
        };
    }
}
