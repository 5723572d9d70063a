package dev.diyc.lesson;

import dev.diyc.ns.Context;

/** A check's probe as the loader parsed it, {@code ns:uts}: a kind and the argument after its colon ("" for none). */
record ProbeSpec(ProbeKind kind, String argument) {

    /**
     * Parses a probe as a lesson file writes it.
     *
     * @throws IllegalArgumentException with a one-line reason, for the loader to prefix with file, step and check
     */
    static ProbeSpec parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String arg = colon < 0 ? "" : text.substring(colon + 1);
        ProbeKind kind = ProbeKind.named(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown probe '" + text + "' (see lessons/FORMAT.md)");
        }
        boolean fits = kind.takesArgument() ? colon >= 0 && kind.argument().accepts(arg) : colon < 0;
        if (!fits) {
            throw new IllegalArgumentException("probe '" + text + "': " + name + " " + kind.argument().rule()
                    + " (see lessons/FORMAT.md)");
        }
        return new ProbeSpec(kind, arg);
    }

    String read(Context ctx) {
        return kind.read(ctx, argument);
    }

    /** As the lesson file wrote it. */
    @Override
    public String toString() {
        return kind.takesArgument() ? kind.fileName() + ":" + argument : kind.fileName();
    }
}
