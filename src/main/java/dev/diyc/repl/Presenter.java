package dev.diyc.repl;

import dev.diyc.lesson.Tutor;
import dev.diyc.session.Presenting;
import dev.diyc.term.UserError;
import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * Presenter mode on the line reader. While the autopilot drives, the reader's main keymap is one
 * where every printable key runs a widget typing the autopilot's next character, Enter runs the
 * line, and Escape or Ctrl-P (itsalive's key) hands the keyboard back: then main is the usual emacs
 * map plus those two keys to take the autopilot back. Off, main is the usual map again. (readLine
 * starts every line in "main", so swapping what that name holds is what sticks.)
 */
final class Presenter implements Presenting {
    enum Mode {
        OFF("off"), AUTOPILOT("autopilot"), FREE("free");

        final String word;

        Mode(String word) {
            this.word = word;
        }
    }

    private static final String TYPE = "diyc-autopilot-type", HAND_OVER = "diyc-autopilot-hand-over";
    /** How long Escape waits for the rest of a key sequence in free typing, instead of JLine's second. */
    private static final long ESCAPE_MILLIS = 150;

    private final LineReader reader;
    private final KeyMap<Binding> usual, autopilotKeys, freeKeys;
    private final Autopilot autopilot = new Autopilot();
    private final Runnable changed;
    private volatile Mode mode = Mode.OFF;
    private Object ambiguousBefore;

    /** @param changed told after every change of mode (the status line, the notes' file) */
    Presenter(LineReader reader, Runnable changed) {
        this.reader = reader;
        this.changed = changed;
        this.usual = reader.getKeyMaps().get(LineReader.MAIN);
        reader.getWidgets().put(TYPE, this::typeNext);
        reader.getWidgets().put(HAND_OVER, () -> {
            mode = mode == Mode.AUTOPILOT ? Mode.FREE : Mode.AUTOPILOT;
            apply();
            reader.callWidget(LineReader.REDRAW_LINE);
            return true;
        });
        this.autopilotKeys = autopilotKeys();
        this.freeKeys = freeKeys();
    }

    private KeyMap<Binding> autopilotKeys() {
        KeyMap<Binding> k = new KeyMap<>();
        Reference type = new Reference(TYPE);
        k.bind(type, KeyMap.range(" -~"));
        k.bind(type, "\t");
        k.setUnicode(type);
        k.bind(new Reference(LineReader.ACCEPT_LINE), "\r", "\n");
        k.bind(new Reference(LineReader.BACKWARD_DELETE_CHAR), KeyMap.del(), KeyMap.ctrl('H'));
        k.bind(new Reference(LineReader.KILL_WHOLE_LINE), KeyMap.ctrl('U'));
        k.bind(new Reference(LineReader.CLEAR_SCREEN), KeyMap.ctrl('L'));
        k.bind(usual.getBound(KeyMap.ctrl('D')), KeyMap.ctrl('D'));
        // Nothing else starts with Escape here, so it acts at once.
        k.bind(new Reference(HAND_OVER), KeyMap.esc(), KeyMap.ctrl('P'));
        return k;
    }

    private KeyMap<Binding> freeKeys() {
        KeyMap<Binding> k = new KeyMap<>();
        usual.getBoundKeys().forEach((keys, binding) -> k.bind(binding, keys));
        k.setUnicode(usual.getUnicode());
        k.setNomatch(usual.getNomatch());
        k.bind(new Reference(HAND_OVER), KeyMap.esc(), KeyMap.ctrl('P'));
        return k;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public void start() {
        if (mode == Mode.OFF) {
            ambiguousBefore = reader.getVariable(LineReader.AMBIGUOUS_BINDING);
            reader.setVariable(LineReader.AMBIGUOUS_BINDING, ESCAPE_MILLIS);
        }
        mode = Mode.AUTOPILOT;
        apply();
    }

    @Override
    public void stop() {
        if (mode != Mode.OFF) {
            reader.setVariable(LineReader.AMBIGUOUS_BINDING, ambiguousBefore);
        }
        mode = Mode.OFF;
        apply();
    }

    private void apply() {
        reader.getKeyMaps().put(LineReader.MAIN, switch (mode) {
            case OFF -> usual;
            case AUTOPILOT -> autopilotKeys;
            case FREE -> freeKeys;
        });
        changed.run();
    }

    /** Before each prompt: the autopilot takes the lines of the step the tutor is at. */
    void follow(Tutor tutor) {
        try {
            String where = tutor.status();
            autopilot.follow(where == null ? "no lesson" : where, tutor.presented());
        } catch (UserError e) {
            autopilot.follow("no lessons", List.of()); // none could be read: the keys type nothing, and diyc said why at start
        }
    }

    void ran(String line) {
        autopilot.ran(line);
    }

    int typed() {
        return autopilot.done();
    }

    String nextLine() {
        return autopilot.nextLine();
    }

    /** For the status line, so the room knows what is typed by hand; null when off. */
    String label() {
        return switch (mode) {
            case OFF -> null;
            case AUTOPILOT -> "PRESENTING: autopilot (Esc or Ctrl-P: type freely)";
            case FREE -> "PRESENTING: typing freely (Esc or Ctrl-P: autopilot)";
        };
    }

    private boolean typeNext() {
        var buffer = reader.getBuffer();
        buffer.cursor(buffer.length());
        String next = autopilot.keyPressed(buffer.toString());
        if (next.isEmpty()) {
            return true; // the line is typed out: Enter runs it
        }
        buffer.write(next);
        return true;
    }
}
