#!/usr/bin/env bash
# diyc's benchmarks, all in one run so the numbers share the same (noisy) machine:
#   1. launch to first prompt, and to the first answer, on a real pty
#   2. `lesson run all` in scripted mode
#   3. container creation in-process against util-linux unshare
#   4. run (a whole container with cgroup limits) against runc, from Debian's package
# Usage (as root, from the project directory): src/bench/bench.sh [ROUNDS] [RUN_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package test-compile >/dev/null
# The benchmarks live beside this script, out of the test tree: they are run, never asserted.
cp="target/classes:target/test-classes:target/lib/*"
rm -rf target/bench-classes
javac -d target/bench-classes -cp "$cp" $(find src/bench/java -name '*.java')
cp="target/bench-classes:$cp"
echo "== 1. ./diyc to first prompt"
python3 src/bench/first_prompt.py ./diyc 7
echo "== 2. lesson run all (scripted mode, whole process)"
times=()
for i in 1 2 3 4 5; do
  s=$(date +%s%N); echo 'lesson run all' | ./diyc --script - >/dev/null; e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms of " NR " runs"}'
echo "== 3. container creation"
java -XX:+UseSerialGC -Ddiyc.home="$PWD" -cp "$cp" dev.diyc.bench.ContainerBench "${1:-200}"
echo "== 4. run against runc"
command -v runc >/dev/null || { apt-get update -qq && apt-get install -y -qq runc >/dev/null; }
java -XX:+UseSerialGC -Ddiyc.home="$PWD" -cp "$cp" dev.diyc.bench.RunBench "${2:-100}"
