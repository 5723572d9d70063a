package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diyc.sys.Errno;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson 14's filter, byte for byte as the kernel receives it, and as the lesson prints it. */
class DenyListTest {
    private static byte[] hex(String... insns) {
        return HexFormat.of().parseHex(String.join("", insns).replace(" ", ""));
    }

    /** seccomp --deny mkdir,mkdirat on x86_64, each instruction's jumps counted by hand. */
    private static final byte[] LESSON_14 = hex(
            "20 00 00 00 04 00 00 00", // ld [4]                  arch
            "15 00 00 07 3e 00 00 c0", // jeq AUDIT_ARCH_X86_64, 0, 7 (to 9: kill)
            "20 00 00 00 00 00 00 00", // ld [0]                  nr
            "35 00 00 01 00 00 00 40", // jge 0x40000000, 0, 1    (below: to 5)
            "15 00 00 04 ff ff ff ff", // jeq -1, 0, 4            (x32: to 9)
            "15 00 02 00 53 00 00 00", // jeq 83 (mkdir), 2, 0    (to 8: deny)
            "15 00 01 00 02 01 00 00", // jeq 258 (mkdirat), 1, 0 (to 8: deny)
            "06 00 00 00 00 00 ff 7f", // ret ALLOW
            "06 00 00 00 01 00 05 00", // ret ERRNO | EPERM
            "06 00 00 00 00 00 00 80"); // ret KILL_PROCESS

    @Test
    void theLessonsFilterIsTheseBytes() {
        BpfProgram p = DenyList.of(List.of("mkdir", "mkdirat"), Errno.EPERM, AuditArch.X86_64);
        assertArrayEquals(LESSON_14, p.bytes());
    }

    @Test
    void itsBytesDecodeInstructionByInstruction() {
        assertEquals(List.of(
                "0000: 0x20 0x00 0x00 0x00000004  A = arch",
                "0001: 0x15 0x00 0x07 0xc000003e  if (A != AUDIT_ARCH_X86_64) goto 0009",
                "0002: 0x20 0x00 0x00 0x00000000  A = sys_number",
                "0003: 0x35 0x00 0x01 0x40000000  if (A < 0x40000000) goto 0005",
                "0004: 0x15 0x00 0x04 0xffffffff  if (A != 0xffffffff) goto 0009",
                "0005: 0x15 0x02 0x00 0x00000053  if (A == mkdir) goto 0008",
                "0006: 0x15 0x01 0x00 0x00000102  if (A == mkdirat) goto 0008",
                "0007: 0x06 0x00 0x00 0x7fff0000  return ALLOW",
                "0008: 0x06 0x00 0x00 0x00050001  return ERRNO(EPERM)",
                "0009: 0x06 0x00 0x00 0x80000000  return KILL_PROCESS"),
                BpfDecoder.decode(BpfProgram.fromBytes(LESSON_14), AuditArch.X86_64));
    }

    @Test
    void aarch64HasNoX32AndOnlyMkdirat() {
        BpfProgram p = DenyList.of(List.of("mkdirat"), Errno.ENOSYS, AuditArch.AARCH64);
        List<String> lines = BpfDecoder.decode(p, AuditArch.AARCH64);
        assertEquals(List.of(
                "0000: 0x20 0x00 0x00 0x00000004  A = arch",
                "0001: 0x15 0x00 0x04 0xc00000b7  if (A != AUDIT_ARCH_AARCH64) goto 0006",
                "0002: 0x20 0x00 0x00 0x00000000  A = sys_number",
                "0003: 0x15 0x01 0x00 0x00000022  if (A == mkdirat) goto 0005",
                "0004: 0x06 0x00 0x00 0x7fff0000  return ALLOW",
                "0005: 0x06 0x00 0x00 0x00050026  return ERRNO(ENOSYS)",
                "0006: 0x06 0x00 0x00 0x80000000  return KILL_PROCESS"), lines);
        assertThrows(IllegalArgumentException.class, () -> DenyList.of(List.of("mkdir"), Errno.EPERM, AuditArch.AARCH64),
                "aarch64 has no mkdir(2), only mkdirat");
    }

    @Test
    void errnoByName() {
        assertEquals(Errno.EPERM, DenyList.errno("EPERM"));
        assertEquals(Errno.ENOSYS, DenyList.errno("enosys"));
        assertThrows(IllegalArgumentException.class, () -> DenyList.errno("EWHATEVER"));
    }
}
