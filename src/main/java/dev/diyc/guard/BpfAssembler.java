package dev.diyc.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a seccomp program with named labels instead of counted jumps, the way a person would by
 * hand; {@link #assemble()} counts them. Classic BPF jumps only forward, at most 255 instructions.
 */
final class BpfAssembler {
    /** An instruction whose jump targets are still labels (null: the next instruction). */
    private record Pending(int code, String jt, String jf, int k) {}

    private final List<Pending> code = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    /**
     * Every filter's opening: a call from another architecture goes to {@code other} (its numbers mean
     * other syscalls), and A holds the syscall number after it. On x86_64, x32 reaches the same kernel
     * with other numbers (sethostname is 0x40000000+170) and goes to {@code other} too; -1 is no
     * syscall at all (a tracer skipping one), and libseccomp lets it through, as this does.
     */
    BpfAssembler nativeSyscallsOf(AuditArch arch, String other) {
        load(Bpf.ARCH).jump(Bpf.JEQ_K, arch.audit(), null, other).load(Bpf.NR);
        if (arch.hasX32()) {
            jump(Bpf.JGE_K, AuditArch.X32_SYSCALL_BIT, null, "native").jump(Bpf.JEQ_K, -1, null, other).label("native");
        }
        return this;
    }

    BpfAssembler load(int offset) {
        code.add(new Pending(Bpf.LD_W_ABS, null, null, offset));
        return this;
    }

    /** {@code if (A op k) goto ifTrue else goto ifFalse}; a null label falls through. */
    BpfAssembler jump(int op, int k, String ifTrue, String ifFalse) {
        code.add(new Pending(op, ifTrue, ifFalse, k));
        return this;
    }

    BpfAssembler jumpAlways(String target) {
        code.add(new Pending(Bpf.JMP_JA, target, null, 0));
        return this;
    }

    BpfAssembler ret(int action) {
        code.add(new Pending(Bpf.RET_K, null, null, action));
        return this;
    }

    BpfAssembler label(String name) {
        if (labels.putIfAbsent(name, code.size()) != null) {
            throw new IllegalStateException("label " + name + " defined twice");
        }
        return this;
    }

    BpfProgram assemble() {
        List<BpfInsn> out = new ArrayList<>();
        for (int at = 0; at < code.size(); at++) {
            Pending p = code.get(at);
            if (p.code() == Bpf.JMP_JA) {
                out.add(new BpfInsn(p.code(), 0, 0, offset(at, p.jt(), Integer.MAX_VALUE)));
            } else {
                out.add(new BpfInsn(p.code(), offset(at, p.jt(), 255), offset(at, p.jf(), 255), p.k()));
            }
        }
        return new BpfProgram(out);
    }

    private int offset(int at, String label, int max) {
        if (label == null) {
            return 0;
        }
        Integer target = labels.get(label);
        if (target == null) {
            throw new IllegalStateException("no label " + label);
        }
        int offset = target - at - 1;
        if (offset < 0 || offset > max) {
            throw new IllegalStateException("jump from " + at + " to " + label + " (" + target + ") is out of reach");
        }
        return offset;
    }
}
