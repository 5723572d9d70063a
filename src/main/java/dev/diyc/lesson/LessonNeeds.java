package dev.diyc.lesson;

import dev.diyc.sys.Privileges;
import dev.diyc.term.UserError;
import dev.diyc.ns.UserNamespaces;
import java.util.List;

/** What a lesson needs from the host (root, or user namespaces for ordinary users), checked when it starts. */
public final class LessonNeeds {
    private LessonNeeds() {}

    /** Refuses, in one line that says what to do, a lesson this diyc cannot run here. */
    public static void require(Lesson l) {
        if (l.needsRoot() && !Privileges.isRoot()) {
            throw new UserError("lesson " + l.number() + " (" + l.id() + ") makes namespaces without a user namespace, which needs root: "
                    + "run diyc with sudo (sudo ./diyc)");
        }
        if (l.needWords().contains(Lesson.USER_NAMESPACES)) {
            UserNamespaces.blocker().ifPresent(why -> {
                throw new UserError("lesson " + l.number() + " needs user namespaces, but " + why);
            });
        }
    }

    /** Said at the start when diyc runs without root: which lessons it can run as it is, which need sudo. */
    public static String withoutRoot(List<Lesson> lessons) {
        List<String> mine = lessons.stream().filter(l -> !l.needsRoot()).map(l -> l.number() + " (" + l.id() + ")").toList();
        List<String> root = lessons.stream().filter(Lesson::needsRoot).map(l -> Integer.toString(l.number())).toList();
        return "diyc runs without root: " + (mine.isEmpty() ? "no lesson works that way"
                : (mine.size() == 1 ? "lesson " : "lessons ") + String.join(", ", mine) + " work" + (mine.size() == 1 ? "s" : "")
                        + " as you are, in a user namespace")
                + (root.isEmpty() ? "" : "; lessons " + String.join(", ", root) + " need root: sudo ./diyc");
    }
}
