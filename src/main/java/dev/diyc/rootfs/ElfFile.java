package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the one fact diyc needs from an ELF program: which dynamic loader it asks for.
 *
 * <p>A dynamically linked program names its loader (e.g. /lib64/ld-linux-x86-64.so.2) in a
 * PT_INTERP program header; the kernel starts that loader, which then loads the shared libraries.
 * A static program has no PT_INTERP and runs alone in an empty root, which is what busybox-static
 * is for. Reading the header answers this without running the program (ldd would run the loader).
 */
final class ElfFile {

    private static final int PT_INTERP = 3;
    private static final int MAX_INTERPRETER_LENGTH = 4096;

    private ElfFile() {}

    /** The loader path a dynamic program asks for; empty for a static program. */
    static Optional<String> interpreter(Path program) throws IOException {
        try (FileChannel file = FileChannel.open(program, StandardOpenOption.READ)) {
            if (file.size() < 4 || read(file, 0, 4, program).getInt(0) != 0x7f454c46) { // "\x7fELF"
                throw new RootfsException(program + " is not a Linux program (it has no ELF header)");
            }
            ByteBuffer header = read(file, 0, 64, program);
            boolean is64 = header.get(4) == 2;
            header.order(header.get(5) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            long tableOffset = is64 ? header.getLong(0x20) : Integer.toUnsignedLong(header.getInt(0x1c));
            int entrySize = Short.toUnsignedInt(header.getShort(is64 ? 0x36 : 0x2a));
            int entries = Short.toUnsignedInt(header.getShort(is64 ? 0x38 : 0x2c));
            for (int i = 0; i < entries; i++) {
                ByteBuffer entry = read(file, tableOffset + (long) i * entrySize, entrySize, program);
                entry.order(header.order());
                if (entry.getInt(0) == PT_INTERP) {
                    long offset = is64 ? entry.getLong(8) : Integer.toUnsignedLong(entry.getInt(4));
                    long size = is64 ? entry.getLong(32) : Integer.toUnsignedLong(entry.getInt(16));
                    int length = (int) Math.min(size, MAX_INTERPRETER_LENGTH);
                    ByteBuffer name = read(file, offset, length, program);
                    String path = StandardCharsets.UTF_8.decode(name).toString();
                    return Optional.of(path.replace("\0", "")); // the name ends with a NUL byte
                }
            }
            return Optional.empty();
        }
    }

    private static ByteBuffer read(FileChannel file, long position, int length, Path program)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new RootfsException(program + " is not a complete Linux program (its ELF data is cut short)");
            }
        }
        return buffer.flip();
    }
}
