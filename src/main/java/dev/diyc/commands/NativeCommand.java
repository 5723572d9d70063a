package dev.diyc.commands;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
    List<String> normalize(List<String> args) {
        return args;
    }
}
