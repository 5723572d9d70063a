package dev.diyc.session;

import java.util.Collection;
import java.util.List;

/**
 * What the word under the cursor can be: these values, or a path as the context's shell would resolve
 * it (the adapter on the terminal lists the files, as it alone knows how to show them).
 */
public record Candidates(Collection<String> values, boolean paths) {
    public static final Candidates PATHS = new Candidates(List.of(), true);

    public static Candidates of(Collection<String> values) {
        return new Candidates(values, false);
    }
}
