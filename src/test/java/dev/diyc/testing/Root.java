package dev.diyc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.diyc.sys.Privileges;

/** The namespace tests make real syscalls and need root; without it they fail loudly, never skip. */
public final class Root {
    private Root() {}

    public static void require() {
        if (!Privileges.isRoot()) {
            fail("these tests make real namespace and mount syscalls and must run as root: sudo mvn -B verify");
        }
    }
}
