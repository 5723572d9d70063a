package dev.diyc.cgroup;

import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;

/** The likely cause of a failed change to a cgroup file or directory, in one line a learner can act on. */
public final class CgroupExplanations {
    private static final int EAGAIN = 11, EOPNOTSUPP = 95;

    private CgroupExplanations() {}

    /** Whether a call touched the cgroup filesystem (its first argument is a path there). */
    public static boolean applies(Call c) {
        return !c.args().isEmpty() && c.args().get(0).startsWith("\"/sys/fs/cgroup");
    }

    public static String of(Call c) {
        String path = c.args().get(0);
        int e = c.errno();
        return switch (c.name()) {
            case "open" -> e == Errno.ENOENT
                    ? "no such file: its controller is not enabled for this cgroup, or it is the other cgroup version's name (cgset and cgget translate)"
                    : null;
            case "write" -> {
                if (path.endsWith("cgroup.procs\"")) {
                    yield switch (e) {
                        case Errno.ESRCH -> "no such process: write a PID as the host sees it ($CTR), not as the container numbers it";
                        case Errno.EBUSY -> "cgroup v2 keeps processes out of a cgroup that passes controllers on to its children (cgroup.subtree_control)";
                        case EOPNOTSUPP -> "this cgroup is threaded: only threads of one process can be placed here";
                        default -> null;
                    };
                }
                yield switch (e) {
                    case Errno.EINVAL -> "the kernel did not take the value: a number of bytes, max (v2) or -1 (v1); "
                            + "v1 also refuses a memory limit above memory.memsw.limit_in_bytes";
                    case Errno.EBUSY -> "the cgroup already uses more than that, and the kernel could not reclaim enough to fit under the new limit";
                    case EAGAIN -> "fork or clone at pids.max";
                    default -> null;
                };
            }
            case "mkdir" -> switch (e) {
                case Errno.EEXIST -> "that cgroup exists already";
                case Errno.ENOENT -> "no such cgroup tree is mounted there";
                default -> null;
            };
            case "rmdir" -> e == Errno.EBUSY
                    ? "a cgroup can only be removed once no process is left in it and it has no sub-cgroup (cat its cgroup.procs)"
                    : null;
            default -> null;
        };
    }
}
