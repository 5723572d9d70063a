package dev.diyc.ns;

import dev.diyc.term.UserError;

/** The namespaces were made but no shell could start in them: the container must be ended. */
public final class ShellStartFailed extends UserError {
    private static final long serialVersionUID = 1L;

    ShellStartFailed(String message) {
        super(message);
    }
}
