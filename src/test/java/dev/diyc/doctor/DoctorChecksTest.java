package dev.diyc.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check against a made-up /proc, /sys and PATH: what a workshop VM shows, and the one fix doctor names. */
class DoctorChecksTest {
    @TempDir
    Path dir;
    FakeMachine fake;

    @BeforeEach
    void ubuntu() {
        fake = new FakeMachine(dir);
    }

    @Test
    void pureV2WithBothControllersEnabledIsReady() {
        Finding f = CgroupCheck.check(fake.machine());
        assertTrue(f.ok(), f.toString());
        assertEquals("v2", f.facts().get("version"));
        assertEquals("v2 /sys/fs/cgroup", f.facts().get("memory"));
        assertEquals("pure v2 at /sys/fs/cgroup", f.found());
    }

    @Test
    void pureV2WithoutMemoryInSubtreeControlNamesTheEcho() {
        fake.cgroupV2("cpu memory pids", "cpu pids");
        Finding f = CgroupCheck.check(fake.machine());
        assertFalse(f.ok());
        assertEquals("echo +memory | sudo tee /sys/fs/cgroup/cgroup.subtree_control", f.fix());
        assertTrue(f.found().contains("memory not enabled for child cgroups"), f.found());
    }

    @Test
    void bothControllersMissingAreEnabledInOneWrite() {
        fake.cgroupV2("cpu memory pids", "");
        assertEquals("echo '+memory +pids' | sudo tee /sys/fs/cgroup/cgroup.subtree_control", CgroupCheck.check(fake.machine()).fix());
    }

    @Test
    void aV2KernelWithoutTheMemoryControllerNeedsABootOption() {
        fake.cgroupV2("cpu pids", "cpu pids");
        Finding f = CgroupCheck.check(fake.machine());
        assertFalse(f.ok());
        assertTrue(f.fix().contains("cgroup_enable=memory"), f.fix());
    }

    @Test
    void hybridTakesMemoryAndPidsFromV1() {
        fake.cgroupV1(true, "cpu", "memory", "pids");
        Finding f = CgroupCheck.check(fake.machine());
        assertTrue(f.ok(), f.toString());
        assertEquals("hybrid", f.facts().get("version"));
        assertEquals("v1 /sys/fs/cgroup/memory", f.facts().get("memory"));
        assertEquals("v1 /sys/fs/cgroup/pids", f.facts().get("pids"));
    }

    @Test
    void v1WithoutAPidsHierarchyNamesTheMount() {
        fake.cgroupV1(false, "cpu", "memory");
        Finding f = CgroupCheck.check(fake.machine());
        assertFalse(f.ok());
        assertEquals("v1", f.facts().get("version"));
        assertEquals("sudo mkdir -p /sys/fs/cgroup/pids && sudo mount -t cgroup -o pids cgroup /sys/fs/cgroup/pids", f.fix());
    }

    @Test
    void appArmorsSwitchIsNamedWithItsSysctl() {
        fake.write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1\n");
        Finding f = UserNamespaceCheck.check(fake.machine());
        assertFalse(f.ok());
        assertEquals("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0", f.fix());
        assertEquals("kernel.apparmor_restrict_unprivileged_userns=1", f.facts().get("forbidden_by"));
    }

    @Test
    void debiansAndTheCountsSwitchesToo() {
        fake.write("/proc/sys/kernel/unprivileged_userns_clone", "0\n");
        assertEquals("sudo sysctl -w kernel.unprivileged_userns_clone=1", UserNamespaceCheck.check(fake.machine()).fix());
        fake.remove("/proc/sys/kernel/unprivileged_userns_clone").write("/proc/sys/user/max_user_namespaces", "0\n");
        assertEquals("sudo sysctl -w user.max_user_namespaces=15000", UserNamespaceCheck.check(fake.machine()).fix());
        fake.write("/proc/sys/user/max_user_namespaces", "15000\n");
        assertTrue(UserNamespaceCheck.check(fake.machine()).ok());
    }

    @Test
    void natTakesIptablesFirstThenNftElseSaysWhatToInstall() {
        assertEquals("nft", ProgramChecks.nat(fake.machine()).facts().get("tool"));
        fake.program("/usr/sbin/iptables");
        assertEquals("iptables", ProgramChecks.nat(fake.machine()).facts().get("tool"));
        fake.remove("/usr/sbin/iptables").remove("/usr/sbin/nft");
        Finding none = ProgramChecks.nat(fake.machine());
        assertFalse(none.ok());
        assertEquals("sudo apt-get install nftables", none.fix());
    }

    @Test
    void programsAreFoundInSbinEvenWhenPathLacksIt() {
        fake.env("PATH", "/usr/bin");
        assertTrue(ProgramChecks.nat(fake.machine()).ok());
    }

    @Test
    void utilLinuxNeedsBothHelpers() {
        assertTrue(ProgramChecks.utilLinux(fake.machine()).ok());
        fake.remove("/usr/bin/nsenter");
        Finding f = ProgramChecks.utilLinux(fake.machine());
        assertEquals("no nsenter", f.found());
        assertEquals("sudo apt-get install util-linux", f.fix());
    }

    @Test
    void procfsPidnsSaysWhichPathIsUsedAndBothAreFine() {
        Finding old = KernelChecks.procfsPidns(fake.machine());
        assertTrue(old.ok());
        assertEquals("fallback", old.facts().get("path"));
        fake.write("/proc/sys/kernel/osrelease", "6.18.2\n");
        assertEquals("pidns", KernelChecks.procfsPidns(fake.machine()).facts().get("path"));
        assertTrue(KernelChecks.atLeast("7.0.1", 6, 18));
        assertFalse(KernelChecks.atLeast("6.17.9", 6, 18));
        assertFalse(KernelChecks.atLeast("", 6, 18));
    }

    @Test
    void timeOverlayAndSeccompAreReadFromProc() {
        Machine m = fake.machine();
        assertTrue(KernelChecks.timeNamespace(m).ok());
        assertTrue(KernelChecks.overlayfs(m).ok());
        assertTrue(KernelChecks.seccomp(m).ok());
        fake.remove("/proc/self/ns/time").write("/proc/filesystems", "nodev\tproc\n").write("/proc/self/status", "Uid:\t0\t0\t0\t0\n");
        assertFalse(KernelChecks.timeNamespace(m).ok());
        assertEquals("sudo modprobe overlay", KernelChecks.overlayfs(m).fix());
        assertFalse(KernelChecks.seccomp(m).ok());
        // Ubuntu's overlay is a module that the first overlay mount loads.
        fake.write("/lib/modules/6.8.0-45-generic/modules.dep", "kernel/fs/overlayfs/overlay.ko.zst:\n");
        assertTrue(KernelChecks.overlayfs(m).ok());
        fake.write("/proc/sys/kernel/seccomp/actions_avail", "kill_process errno allow\n");
        assertTrue(KernelChecks.seccomp(m).ok());
    }

    @Test
    void anOrdinaryUserWithoutSudoIsToldHowToGetIt() {
        fake.uid(1000).write("/etc/passwd", "root:x:0:0::/root:/bin/bash\nada:x:1000:1000::/home/ada:/bin/bash\n");
        Finding f = PrivilegeCheck.check(fake.machine());
        assertFalse(f.ok());
        assertEquals("su -c 'apt-get install -y sudo && adduser ada sudo'", f.fix());
        fake.program("/usr/bin/sudo").write("/etc/group", "root:x:0:\nsudo:x:27:ada\n");
        Finding sudo = PrivilegeCheck.check(fake.machine());
        assertTrue(sudo.ok());
        assertTrue(sudo.found().contains("in group sudo"), sudo.found());
        assertTrue(LearnerCheck.check(fake.machine()).ok(), "an ordinary user is lesson 6's learner");
    }

    @Test
    void sessionSlotsAreCountedWithoutTakingOne() {
        StringBuilder unix = new StringBuilder("Num       RefCount Protocol Flags    Type St Inode Path\n");
        for (int n = 0; n < 2; n++) {
            unix.append("0000000000000000: 00000002 00000000 00000000 0001 01 1905").append(n).append(" @diyc-slot-").append(n).append('\n');
        }
        unix.append("0000000000000000: 00000002 00000000 00000000 0001 01 19099 @diyc-slot-test\n");
        fake.write("/proc/net/unix", unix.toString());
        Finding two = SessionSlotCheck.check(fake.machine());
        assertTrue(two.ok());
        assertEquals("2", two.facts().get("sessions_running"));
        for (int n = 2; n < 10; n++) {
            unix.append("0000000000000000: 00000002 00000000 00000000 0001 01 1906").append(n).append(" @diyc-slot-").append(n).append('\n');
        }
        fake.write("/proc/net/unix", unix.toString());
        Finding full = SessionSlotCheck.check(fake.machine());
        assertFalse(full.ok());
        assertTrue(full.fix().startsWith("quit one of the diyc sessions"), full.fix());
    }

    @Test
    void theImageComesFromBusyboxOrTheHostsProgramsElseBusyboxIsInstalled() {
        Machine m = fake.machine();
        assertEquals("busybox", RootfsCheck.check(m, new ImageSources(Optional.of(Path.of("/bin/busybox")), Optional.empty())).facts().get("from"));
        assertEquals("host", RootfsCheck.check(m, new ImageSources(Optional.empty(), Optional.empty())).facts().get("from"));
        Finding none = RootfsCheck.check(m, new ImageSources(Optional.empty(), Optional.of("this machine lacks ps (apt-get install procps)")));
        assertFalse(none.ok());
        assertEquals("sudo apt-get install busybox-static", none.fix());
    }

    @Test
    void diskSpaceIsTheImageAndAMargin() {
        Finding enough = DiskSpaceCheck.decide(100 * DiskSpaceCheck.MB, 5000 * DiskSpaceCheck.MB, "/tmp");
        assertTrue(enough.ok());
        assertNull(enough.fix());
        Finding tight = DiskSpaceCheck.decide(100 * DiskSpaceCheck.MB, 30 * DiskSpaceCheck.MB, "/tmp");
        assertFalse(tight.ok());
        assertTrue(tight.fix().startsWith("free 70 MB in /tmp"), tight.fix());
        Finding real = DiskSpaceCheck.check(fake.machine(), new ImageSources(Optional.empty(), Optional.empty()));
        assertEquals(Long.toString((2 * DiskSpaceCheck.HOST_IMAGE_ESTIMATE + DiskSpaceCheck.MARGIN) / DiskSpaceCheck.MB), real.facts().get("need_mb"),
                "an image still to be built on the playground's disk counts twice");
    }
}
