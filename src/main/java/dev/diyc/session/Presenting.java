package dev.diyc.session;

/** Presenter mode as the REPL's line reader does it (repl.Presenter); the session only switches it. */
public interface Presenting {
    /** The autopilot drives: from presenter mode off, or from free typing. */
    void start();

    /** Presenter mode off: the keyboard is the presenter's again. */
    void stop();
}
