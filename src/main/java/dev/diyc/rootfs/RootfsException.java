package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A root filesystem could not be built, imported or copied.
 *
 * <p>The message is written for the learner: one line saying what was wrong and what to try. Callers
 * print {@link #getMessage()} as it is and never the stack trace (the cause is kept for debugging).
 */
public final class RootfsException extends IOException {

    public RootfsException(String message) {
        super(message);
    }

    public RootfsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code failure} as a RootfsException saying what diyc was doing, e.g. "could not build X". */
    static RootfsException wrap(String doing, Throwable failure) {
        if (failure instanceof RootfsException known) {
            return known;
        }
        return new RootfsException(doing + ": " + reason(failure), failure);
    }

    /**
     * One line saying why an I/O call failed. Java's own messages for file errors are often just the
     * file name ("AccessDeniedException: /x"), which tells a learner nothing.
     */
    static String reason(Throwable failure) {
        if (failure instanceof RootfsException) {
            return failure.getMessage();
        }
        if (failure instanceof FileSystemException file) {
            String why = file.getReason();
            if (why == null) {
                why = failure instanceof AccessDeniedException ? "permission denied (is diyc running with sudo?)"
                        : failure instanceof NoSuchFileException ? "no such file or directory"
                        : failure instanceof FileAlreadyExistsException ? "already exists"
                        : failure instanceof DirectoryNotEmptyException ? "directory not empty"
                        : failure.getClass().getSimpleName();
            }
            return file.getFile() + ": " + why;
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
