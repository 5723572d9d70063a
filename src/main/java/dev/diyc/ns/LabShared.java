package dev.diyc.ns;

import dev.diyc.sys.Recorder;
import dev.diyc.term.Sink;
import java.nio.file.Path;

/**
 * What a lab's containers share with it: where they start, the lifeline that outlives diyc, where
 * late output goes, the host's namespaces to compare with, the recorder their calls go to, and what
 * this kernel's procfs was found to take.
 */
record LabShared(Path playground, Lifeline lifeline, Sink background, HostNamespaces hostNamespaces, Recorder recorder,
        ProcfsPidns procfsPidns) {}
