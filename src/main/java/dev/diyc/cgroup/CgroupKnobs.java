package dev.diyc.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A cgroup's files as cgset and cgget name them: a knob typed in either version's terms
 * (memory.limit_in_bytes, memory.max) is written to or read from the file this tree has, in the
 * units it takes, and the learner is told when the name or the scale differs.
 */
final class CgroupKnobs {
    private final Cgroups cgroups;
    private final Cgroups.Fs fs;

    CgroupKnobs(Cgroups cgroups, Cgroups.Fs fs) {
        this.cgroups = cgroups;
        this.fs = fs;
    }

    /** The directory of the cgroup in the tree holding a controller, or a clear refusal. */
    private Path dirFor(Cgroup cg, String controller, String file) {
        if (controller == null) {
            throw new IllegalArgumentException(file + " is not a controller's file; cgclassify puts a process in a cgroup");
        }
        Hierarchy h = cg.treeOf(controller);
        if (h == null) {
            throw new IllegalArgumentException(cgroups.treeOf(controller) == null
                    ? "no cgroup tree on this machine has the " + controller + " controller (" + cgroups.layout() + ")"
                    : cg.name() + " has no " + controller + " directory: cgcreate -g " + controller + ":" + cg.name() + " first");
        }
        return cg.dirs().get(h);
    }

    /** "cgroup v2 here: memory.limit_in_bytes is v1's name; diyc writes memory.max", or null when the name is the tree's own. */
    private static String renamed(Knob k, String typed, Hierarchy h) {
        String actual = k.file(h.version());
        if (actual.equals(typed)) {
            return null;
        }
        return "cgroup v" + h.version() + " here: " + typed + " is v" + (3 - h.version()) + "'s name; diyc writes " + actual;
    }

    /** {@code cgset -r FILE=VALUE}: the value written to the file this tree has, in the units it takes. */
    void set(Cgroup cg, String file, String value, Consumer<String> say) {
        Knob k = Knob.byFile(file);
        Path dir = dirFor(cg, Knob.controllerOf(file), file);
        if (k == null) {
            fs.write(dir.resolve(file), value + "\n", null);
            return;
        }
        Hierarchy h = cg.treeOf(k.controller());
        String renamed = renamed(k, file, h);
        if (renamed != null) {
            say.accept(renamed);
        }
        switch (k) {
            case MEMORY_LIMIT -> h.limitMemory(dir, Sizes.parse(value), fs);
            case SWAP_LIMIT -> setSwap(h, dir, file, Sizes.parse(value), say);
            case PIDS_LIMIT -> {
                long n = Sizes.parseCount(value);
                fs.write(dir.resolve(k.file(h.version())), (n == Sizes.UNLIMITED ? "max" : Long.toString(n)) + "\n", null);
            }
            case CPU_WEIGHT -> {
                long n = Sizes.parseCount(value);
                long converted = renamed == null ? n : h.version() == 2 ? Knob.sharesToWeight(n) : Knob.weightToShares(n);
                fs.write(dir.resolve(k.file(h.version())), converted + "\n",
                        renamed == null ? null : "the scales differ: cpu.shares " + (h.version() == 2 ? n + " is cpu.weight " + converted : converted + " is cpu.weight " + n));
            }
            default -> throw new IllegalArgumentException(file + " is read-only, a meter the kernel keeps: cgget -r " + file + " " + cg.name() + " reads it");
        }
    }

    /**
     * v1's memory.memsw.limit_in_bytes limits memory plus swap, v2's memory.swap.max swap alone; a
     * value typed in the other version's terms is converted against the memory limit in force.
     */
    private void setSwap(Hierarchy h, Path dir, String typed, long bytes, Consumer<String> say) {
        String actual = Knob.SWAP_LIMIT.file(h.version());
        if (!Files.exists(dir.resolve(actual))) {
            throw new IllegalArgumentException("this kernel keeps no swap accounting (no " + actual + "), so there is no swap limit to set");
        }
        long value = bytes;
        if (Knob.SWAP_LIMIT.spelledIn(typed) != h.version() && bytes != Sizes.UNLIMITED) {
            long memory = limitOf(dir.resolve(Knob.MEMORY_LIMIT.file(h.version())));
            value = h.version() == 1 ? (memory == Sizes.UNLIMITED ? Sizes.UNLIMITED : memory + bytes)
                    : (memory == Sizes.UNLIMITED ? bytes : Math.max(0, bytes - memory));
            say.accept(h.version() == 1 ? "v1 counts memory and swap together: the memory limit plus " + Sizes.human(bytes)
                    : "v2 counts swap alone: " + Sizes.human(bytes) + " less the memory limit");
        }
        fs.write(dir.resolve(actual), (value == Sizes.UNLIMITED ? h.unlimited() : Long.toString(value)) + "\n", null);
    }

    /** A limit file's value in bytes; unlimited for max, -1, or v1's huge page-rounded LONG_MAX. */
    private static long limitOf(Path file) {
        String s = Hierarchy.read(file);
        if (s == null || s.isBlank() || s.strip().equals("max") || s.strip().equals("-1")) {
            return Sizes.UNLIMITED;
        }
        long v = Long.parseLong(s.strip());
        return v >= Long.MAX_VALUE / 2 ? Sizes.UNLIMITED : v;
    }

    /** {@code cgget -r FILE}: the file this tree has for what the learner named. */
    Cgroups.Reading get(Cgroup cg, String file, Consumer<String> say) {
        Knob k = Knob.byFile(file);
        Path dir = dirFor(cg, Knob.controllerOf(file), file);
        String actual = file;
        if (k != null) {
            Hierarchy h = cg.treeOf(k.controller());
            String renamed = renamed(k, file, h);
            if (renamed != null) {
                say.accept(renamed.replace("diyc writes", "diyc reads"));
            }
            actual = k.file(h.version());
        }
        Path f = dir.resolve(actual);
        String content = Hierarchy.read(f);
        if (content == null) {
            throw new IllegalArgumentException(f + ": no such file (" + (k == null ? "is the name right?" : "this kernel does not have it") + ")");
        }
        return new Cgroups.Reading(f, content);
    }

    /** The files of one controller in the cgroup ({@code cgget -g memory:box}), sorted. */
    List<Path> filesOf(Cgroup cg, String controller) {
        Path dir = dirFor(cg, controller, controller);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(controller + ".") && Files.isReadable(p))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
