package dev.diyc.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose syscalls diyc makes itself (rather than running a program), parsed with
 * util-linux's options and spellings.
 */
public abstract class NativeCommand implements Callable<Integer> {
    protected Invocation inv;

    @Spec
    protected CommandSpec spec;

    void bind(Invocation invocation) {
        this.inv = invocation;
    }

    /**
     * Lets a command look at its raw arguments before picocli does: for friendlier errors, or for
     * util-linux's spellings picocli reads differently.
     */
    java.util.List<String> normalize(java.util.List<String> args) {
        return args;
    }
}
