package dev.diyc.net;

import dev.diyc.sys.Call;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends rtnetlink requests and records each, decoded, as a {@link Call}: a change always, a read
 * (a dump or a lookup) unless reads are kept out of the log. A request the kernel refuses is
 * recorded with the kernel's own message and thrown as {@link SyscallException}.
 */
final class RecordedExchange implements AutoCloseable {
    private final NetlinkSocket socket;
    private volatile boolean recordReads = true;

    RecordedExchange(NetlinkSocket socket) {
        this.socket = socket;
    }

    NetlinkSocket socket() {
        return socket;
    }

    void recordReads(boolean record) {
        this.recordReads = record;
    }

    /** A request that changes something: recorded always, answered by an ACK. */
    void change(NetlinkMessage request, StraceFormat.Names names) {
        NetlinkSocket.Answer a = socket.exchange(request);
        record(request, a, 0, null, names, false);
    }

    /** A request for one answer (a lookup), recorded as a read, with why it was asked when diyc asked on its own. */
    NetlinkSocket.Answer read(NetlinkMessage request, String why) {
        NetlinkSocket.Answer a = socket.exchange(request);
        record(request, a, 0, why, Names.none(), !recordReads);
        return a;
    }

    /** Sends without recording yet: the caller looks at the answer first (then {@link #dump} or {@link #readNothing}). */
    NetlinkSocket.Answer send(NetlinkMessage request) {
        return socket.exchange(request);
    }

    /** A read that found nothing, and why, recorded as an empty answer. */
    void readNothing(NetlinkMessage request, String why) {
        record(request, new NetlinkSocket.Answer(List.of(), null, false), 0, why, Names.none(), !recordReads);
    }

    /** A dump, repeated if the kernel says the table changed while it was read; recorded with the count. */
    List<NetlinkMessage> dump(NetlinkMessage request) {
        return dump(request, socket.exchange(request));
    }

    List<NetlinkMessage> dump(NetlinkMessage request, NetlinkSocket.Answer first) {
        NetlinkSocket.Answer a = first;
        for (int tries = 1; a.interrupted() && !a.failed() && tries < 5; tries++) {
            a = socket.exchange(request);
        }
        record(request, a, a.messages().size(), null, Names.none(), !recordReads);
        return a.messages();
    }

    private static void record(NetlinkMessage request, NetlinkSocket.Answer a, long result, String note,
            StraceFormat.Names names, boolean quietIfOk) {
        Call call = new Call(StraceFormat.typeName(request.type()), StraceFormat.args(request, names),
                a.failed() ? -1 : result, a.errno(), note);
        if (a.failed()) {
            NetlinkExplanations.kernelSaid(call, a.ack().kernelMessage());
            Recorder.record(call);
            throw new SyscallException(call);
        }
        if (!quietIfOk) {
            Recorder.record(call);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** Builds the strace-line names of one request from what it knows. */
    static final class Names {
        private Names() {}

        static StraceFormat.Names none() {
            return StraceFormat.Names.NONE;
        }

        static StraceFormat.Names of(Map<Integer, String> links, Netns a, Netns b) {
            Map<Integer, String> fds = new HashMap<>();
            for (Netns n : new Netns[] {a, b}) {
                if (n instanceof Netns.Fd f) {
                    fds.put(f.fd(), f.path());
                }
            }
            Map<Integer, String> l = links == null ? Map.of() : links;
            return new StraceFormat.Names(fds::get, l::get);
        }
    }
}
