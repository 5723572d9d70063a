package dev.diyc.session;

import dev.diyc.term.ConsoleKind;
import dev.diyc.term.Tap;
import java.util.ArrayList;
import java.util.List;

/**
 * The session so far as a Markdown handout ({@code transcript save}): each typed line, then the
 * syscalls and output it caused in a fenced block, views (compare's two columns) as text, checks as
 * a list, diyc's remarks as quotes. It keeps plain text only: no escape code reaches the file.
 */
final class Transcript implements Tap {
    private record Piece(ConsoleKind kind, String text) {}

    private final List<Piece> pieces = new ArrayList<>();

    @Override
    public synchronized void printed(ConsoleKind kind, String plain) {
        pieces.add(new Piece(kind, plain));
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder("# diyc session\n");
        StringBuilder fence = new StringBuilder();
        for (Piece p : pieces) {
            switch (p.kind()) {
                case CALL, OUTPUT, PLAIN, ERROR -> fence.append(p.text()).append(p.text().endsWith("\n") ? "" : "\n");
                default -> {
                    closeFence(md, fence);
                    md.append('\n').append(block(p)).append('\n');
                }
            }
        }
        closeFence(md, fence);
        return md.toString();
    }

    private static String block(Piece p) {
        String t = p.text().strip();
        return switch (p.kind()) {
            case TYPED -> "**`` " + t + " ``**";
            case HEADING -> "## " + t.replaceAll("^[━─\\s]+", "");
            case OK, FAIL -> "- " + t;
            case SAY -> "> " + t.replace("\n", "\n> ");
            default -> t;
        };
    }

    /** Output as it was printed, in a fence no output line can close (~~~ never starts one). */
    private static void closeFence(StringBuilder md, StringBuilder fence) {
        String body = fence.toString().replaceAll("\\n+$", "");
        fence.setLength(0);
        if (body.isBlank()) {
            return;
        }
        md.append("\n~~~text\n").append(body.replaceAll("(?m)^~~~", " ~~~")).append("\n~~~\n");
    }
}
