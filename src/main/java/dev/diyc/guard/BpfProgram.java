package dev.diyc.guard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A seccomp program: the instructions and the bytes the kernel reads, 8 per instruction in the
 * machine's order (little-endian on x86_64 and aarch64).
 */
public record BpfProgram(List<BpfInsn> insns) {
    /** The kernel's limit, BPF_MAXINSNS. */
    static final int MAX_INSNS = 4096;

    public BpfProgram {
        insns = List.copyOf(insns);
        if (insns.isEmpty() || insns.size() > MAX_INSNS) {
            throw new IllegalArgumentException("a seccomp program has 1 to " + MAX_INSNS + " instructions, not " + insns.size());
        }
    }

    public int length() {
        return insns.size();
    }

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (BpfInsn i : insns) {
            b.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        }
        return b.array();
    }

    public static BpfProgram fromBytes(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes is not a whole number of 8-byte instructions");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<BpfInsn> insns = new ArrayList<>();
        while (b.hasRemaining()) {
            insns.add(new BpfInsn(b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff, b.getInt()));
        }
        return new BpfProgram(insns);
    }
}
