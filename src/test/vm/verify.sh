#!/usr/bin/env bash
# The whole test suite in a workshop-like VM: Debian's kernel 6.1, one pure cgroup v2 hierarchy, no
# network device, two CPUs (../shared/vm, see its README). Copies this working tree as it is (tracked
# and untracked files, not target/ nor the rootfs image) to a temporary directory, builds it there
# offline on the host so that the VM's Maven finds every plugin in ~/.m2, and runs `./diyc doctor`
# and `mvn -o -B verify` in the VM. The VM writes target/ and its own rootfs image in that copy,
# never in this tree.
# Usage (as root): src/test/vm/verify.sh [MAVEN ARGS...]   e.g. -Dit.test=CgroupIT -Dtest=none
#   DIYC_VM: the directory of run.sh (default ../shared/vm beside the project)
#   VM_TIMEOUT: as run.sh's (here 5400 s: the suite takes about 40 minutes under software emulation)
#   KEEP=1: keep the copy (its target/surefire-reports and target/failsafe-reports) even when green
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
vm="${DIYC_VM:-$root/../shared/vm}"
[ -x "$vm/run.sh" ] || { echo "verify.sh: no $vm/run.sh (set DIYC_VM)" >&2; exit 2; }

copy="$(mktemp -d "${TMPDIR:-/tmp}/diyc-vm-verify.XXXXXX")"
(cd "$root" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$copy"
echo "verify.sh: the working tree copied to $copy"
(cd "$copy" && mvn -o -B -q -DskipTests package test-compile) || { echo "verify.sh: the build failed on the host" >&2; exit 1; }

start=$(date +%s)
status=0
VM_SHARE="$copy" VM_TIMEOUT="${VM_TIMEOUT:-5400}" VM_LOG="$copy/vm.log" "$vm/run.sh" \
  "uname -r; ./diyc doctor; mvn -o -B verify $(printf '%q ' "$@")" >"$copy/console.log" 2>&1 || status=$?
took=$(( $(date +%s) - start ))

grep -E 'Tests run:|FAIL|ERROR\]|BUILD|^Ready|not ready' "$copy/vm.log" | grep -v 'Tests run:.*Failures: 0, Errors: 0, Skipped: 0, Time' | tail -60 || true
echo "verify.sh: the VM said $status after $((took / 60)) min $((took % 60)) s (console: $copy/console.log, output: $copy/vm.log)"
if [ "$status" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then
  rm -rf --one-file-system "$copy"
fi
exit "$status"
