#!/bin/sh
# How long the lifeline's kill -9 cleanup takes to find the processes in diyc's namespaces, the old way
# (a forked readlink per /proc/PID/ns link) against the new one (one find for every link). Both scan
# for a namespace that no process is in, so nothing is killed: only the scan is timed.
# Usage (any user; root sees every process): sh src/bench/lifeline-scan.sh
nss=' mnt:[1] '
now() { date +%s%N; }
procs=$(ls -d /proc/[0-9]* | wc -l)

s=$(now)
for p in /proc/[0-9]*; do
  for l in $p/ns/*; do
    id=$(readlink $l 2>/dev/null) || continue
    case "$nss" in *" $id "*) echo "$p"; break ;; esac
  done
done
e=$(now)
echo "readlink per link: $(( (e - s) / 1000000 )) ms for $procs processes"

s=$(now)
find /proc/[0-9]*/ns -maxdepth 1 -type l -printf '%h %l\n' 2>/dev/null |
  while read -r d id; do
    case "$nss" in *" $id "*) echo "$d" ;; esac
  done
e=$(now)
echo "one find:          $(( (e - s) / 1000000 )) ms for $procs processes"
