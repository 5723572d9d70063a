package dev.diyc.commands;

import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * An overlay mount's layers, read from its {@code -o} options as the kernel reads them:
 * {@code lowerdir=TOP:...:BOTTOM} (read-only, the first one on top), {@code upperdir} (where
 * writes go) and {@code workdir} (overlayfs's scratch space, on the upper's filesystem). The kernel
 * answers a missing piece with a bare EINVAL; diyc says which piece before it asks.
 */
record OverlayOptions(List<String> lowers, String upper, String work) {

    static OverlayOptions parse(String options) {
        List<String> lowers = List.of();
        String upper = null;
        String work = null;
        for (String o : options == null ? new String[0] : options.split(",")) {
            int eq = o.indexOf('=');
            String key = eq < 0 ? o : o.substring(0, eq);
            String value = eq < 0 ? "" : o.substring(eq + 1);
            switch (key) {
                case "lowerdir" -> lowers = layers(value);
                case "upperdir" -> upper = value;
                case "workdir" -> work = value;
                default -> { } // other overlay options (index=on, redirect_dir=...) are the kernel's to judge
            }
        }
        if (lowers.isEmpty()) {
            throw new UserError("mount: an overlay needs at least one read-only layer: -o lowerdir=rootfs,upperdir=upper,workdir=work");
        }
        if ((upper == null) != (work == null) || "".equals(upper) || "".equals(work)) {
            throw new UserError("mount: an overlay's upperdir and workdir go together (workdir is overlayfs's scratch space, "
                    + "an empty directory on the upper's filesystem): -o lowerdir=rootfs,upperdir=upper,workdir=work");
        }
        return new OverlayOptions(lowers, upper, work);
    }

    /** lowerdir's layers, top first; a colon separates them ({@code \:} is a colon inside a name). */
    private static List<String> layers(String value) {
        List<String> out = new ArrayList<>();
        for (String layer : value.split("(?<!\\\\):", -1)) {
            if (layer.isEmpty()) {
                throw new UserError("mount: an empty layer in lowerdir=" + value + " (layers are separated by one colon, top first)");
            }
            out.add(layer.replace("\\:", ":"));
        }
        return out;
    }

    /** The stack as the learner will see it through the mount point, top first. */
    String describe(String target) {
        StringBuilder s = new StringBuilder(target + " shows ");
        if (upper != null) {
            s.append(upper).append(" (read-write: new and changed files go there) over ");
        }
        s.append(String.join(" over ", lowers.stream().map(l -> l + " (read-only)").toList()));
        s.append(upper != null ? "; " + work + " is overlayfs's scratch space for copies and renames"
                : "; with no upperdir the whole mount is read-only");
        return s.toString();
    }
}
