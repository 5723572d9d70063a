package dev.diyc.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A cgroup v1 hierarchy: one tree per controller (or per few, as cpu,cpuacct), each mounted on its
 * own, so a cgroup with two controllers is two directories and a process is placed in each.
 *
 * @param name the {@code name=} of a hierarchy without controllers (systemd's), or null
 */
public record CgroupV1(Path mount, String root, Set<String> controllers, String name) implements Hierarchy {
    private static final String SWAP_NOTE = "and memory+swap to the same: beyond the limit the OOM killer acts instead of swap";
    private static final String SWAP_FIRST_NOTE = "memory+swap first: v1 refuses a memory limit above it (EINVAL)";

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean ownsLine(String controllersField) {
        if (name != null) {
            return controllersField.equals("name=" + name);
        }
        return !controllersField.isEmpty() && Set.of(controllersField.split(",")).equals(controllers);
    }

    @Override
    public String cannotCreate(Set<String> wanted) {
        return null;
    }

    @Override
    public String unlimited() {
        return "-1";
    }

    /**
     * memory.memsw.limit_in_bytes (memory plus swap) must never be below memory.limit_in_bytes, so
     * the order of the two writes depends on whether the limit goes up or down. Without swap
     * accounting (no memsw file) only the memory limit is written.
     */
    @Override
    public void limitMemory(Path dir, long bytes, Writer w) {
        String value = bytes == Sizes.UNLIMITED ? unlimited() : Long.toString(bytes);
        Path limit = dir.resolve(Knob.MEMORY_LIMIT.file(1));
        Path memsw = dir.resolve(Knob.SWAP_LIMIT.file(1));
        if (!Files.exists(memsw)) {
            w.write(limit, value + "\n", null);
            return;
        }
        String current = Hierarchy.read(memsw);
        long now = current == null ? Long.MAX_VALUE : Long.parseLong(current.strip());
        if (bytes == Sizes.UNLIMITED || bytes > now) {
            w.write(memsw, value + "\n", SWAP_FIRST_NOTE);
            w.write(limit, value + "\n", null);
        } else {
            w.write(limit, value + "\n", null);
            w.write(memsw, value + "\n", SWAP_NOTE);
        }
    }

    @Override
    public String describe() {
        return "cgroup v1 " + (name != null ? "name=" + name : String.join(",", controllers.stream().sorted().toList())) + " at " + mount;
    }
}
