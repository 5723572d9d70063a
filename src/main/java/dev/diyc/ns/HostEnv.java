package dev.diyc.ns;

import java.util.ArrayList;
import java.util.List;

/** The environment diyc gives the programs it starts: small and predictable, like a login shell's. */
public final class HostEnv {
    private HostEnv() {}

    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Where the programs diyc starts look for programs. */
    public static String path() {
        return PATH;
    }

    public static List<String> get() {
        List<String> env = new ArrayList<>();
        env.add("PATH=" + PATH);
        env.add("HOME=/root");
        env.add("LC_ALL=C");
        String term = System.getenv("TERM");
        env.add("TERM=" + (term == null || term.isEmpty() ? "dumb" : term));
        return env;
    }
}
