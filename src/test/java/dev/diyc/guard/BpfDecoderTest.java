package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpfDecoderTest {
    private static byte[] hex(String... insns) {
        return HexFormat.of().parseHex(String.join("", insns).replace(" ", ""));
    }

    @Test
    void decodesHandWrittenBytesInstructionByInstruction() {
        byte[] bytes = hex(
                "20 00 00 00 04 00 00 00", // ld [4]      (each: code u16 LE, jt, jf, k u32 LE)
                "15 00 00 04 3e 00 00 c0", // jeq #0xc000003e, 0, 4
                "20 00 00 00 00 00 00 00", // ld [0]
                "15 00 01 00 aa 00 00 00", // jeq #170, 1, 0
                "06 00 00 00 00 00 ff 7f", // ret #0x7fff0000
                "06 00 00 00 01 00 05 00", // ret #0x00050001
                "06 00 00 00 00 00 00 80"); // ret #0x80000000
        assertEquals(List.of(
                "0000: 0x20 0x00 0x00 0x00000004  A = arch",
                "0001: 0x15 0x00 0x04 0xc000003e  if (A != AUDIT_ARCH_X86_64) goto 0006",
                "0002: 0x20 0x00 0x00 0x00000000  A = sys_number",
                "0003: 0x15 0x01 0x00 0x000000aa  if (A == sethostname) goto 0005",
                "0004: 0x06 0x00 0x00 0x7fff0000  return ALLOW",
                "0005: 0x06 0x00 0x00 0x00050001  return ERRNO(EPERM)",
                "0006: 0x06 0x00 0x00 0x80000000  return KILL_PROCESS"),
                BpfDecoder.decode(BpfProgram.fromBytes(bytes), AuditArch.X86_64));
    }

    @Test
    void namesSyscallsByTheArchitectureTheProgramChecks() {
        byte[] bytes = hex("20 00 00 00 04 00 00 00", "15 00 00 02 b7 00 00 c0", "20 00 00 00 00 00 00 00",
                "15 00 00 00 a1 00 00 00", "06 00 00 00 00 00 ff 7f");
        List<String> lines = BpfDecoder.decode(BpfProgram.fromBytes(bytes), AuditArch.X86_64);
        assertEquals("0001: 0x15 0x00 0x02 0xc00000b7  if (A != AUDIT_ARCH_AARCH64) goto 0004", lines.get(1));
        assertEquals("0003: 0x15 0x00 0x00 0x000000a1  (A == sethostname, then the next line either way)", lines.get(3));
    }

    @Test
    void decodesArgumentLoadsAndEveryComparison() {
        byte[] bytes = hex(
                "20 00 00 00 10 00 00 00", // ld args[0] low
                "45 00 03 00 00 00 00 80", // jset #0x80000000, 3, 0
                "20 00 00 00 1c 00 00 00", // ld args[1] high
                "35 00 00 01 00 00 00 40", // jge #0x40000000, 0, 1
                "25 00 00 00 02 00 00 00", // jgt #2 (falls through both ways)
                "05 00 00 00 00 00 00 00", // ja +0
                "06 00 00 00 00 00 03 00"); // ret TRAP
        assertEquals(List.of(
                "0000: 0x20 0x00 0x00 0x00000010  A = args[0]",
                "0001: 0x45 0x03 0x00 0x80000000  if (A & 0x80000000) goto 0005",
                "0002: 0x20 0x00 0x00 0x0000001c  A = args[1] >> 32",
                "0003: 0x35 0x00 0x01 0x40000000  if (A < 0x40000000) goto 0005",
                "0004: 0x25 0x00 0x00 0x00000002  (A > 2, then the next line either way)",
                "0005: 0x05 0x00 0x00 0x00000000  goto 0006",
                "0006: 0x06 0x00 0x00 0x00030000  return TRAP"),
                BpfDecoder.decode(BpfProgram.fromBytes(bytes), AuditArch.X86_64));
    }

    @Test
    void theAssemblerCountsJumpsAndTheBytesRoundTrip() {
        BpfProgram p = new BpfAssembler().load(Bpf.NR).jump(Bpf.JEQ_K, 62, "deny", null).jump(Bpf.JGE_K, 5, null, "deny")
                .ret(Bpf.RET_ALLOW).label("deny").ret(Bpf.RET_ERRNO | 1).assemble();
        assertEquals(new BpfInsn(Bpf.JEQ_K, 2, 0, 62), p.insns().get(1));
        assertEquals(new BpfInsn(Bpf.JGE_K, 0, 1, 5), p.insns().get(2));
        assertArrayEquals(p.bytes(), BpfProgram.fromBytes(p.bytes()).bytes());
        assertEquals(p, BpfProgram.fromBytes(p.bytes()));
    }
}
