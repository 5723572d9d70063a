package dev.diyc.term;

/** Where a command's output goes: to the terminal as it comes, or into a string for a view or check. */
public interface Sink {
    /** A piece of standard output; complete lines end with a newline. */
    void out(String text);

    /** A piece of standard error. */
    void err(String text);

    /** Collects everything, standard error included, in order. */
    final class Capture implements Sink {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void out(String s) {
            text.append(s);
        }

        @Override
        public synchronized void err(String s) {
            text.append(s);
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
    }
}
