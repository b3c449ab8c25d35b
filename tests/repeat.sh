#!/usr/bin/env bash
# Stability check: runs the README's test command (tests/run.sh) N times in a row, each on a fresh clone of HEAD placed
# beside this checkout (so ../shared is beside it too). With --alongside, another fresh clone is built (Release, from
# clean) over and over while each run goes, as load. One line per run: number, seconds, the runner's closing counts.
# Usage: tests/repeat.sh N [--alongside]
set -uo pipefail
n=${1:?usage: tests/repeat.sh N [--alongside]}
alongside=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
parent=$(dirname "$root")
commit=$(git -C "$root" rev-parse --short HEAD)
echo "repeat: $n runs of tests/run.sh on fresh clones of $commit${alongside:+, a clean Release build looping alongside}"
failures=0
for i in $(seq 1 "$n"); do
  clone="$parent/.repeat-$$-$i"
  git clone -q "$root" "$clone"
  load_pid=""
  if [[ $alongside == --alongside ]]; then
    load="$parent/.repeat-$$-load"
    [[ -d $load ]] || git clone -q "$root" "$load"
    ( while true; do git -C "$load" clean -xfdq; dotnet build "$load/Collector.sln" -c Release -nologo -v q >/dev/null 2>&1; done ) &
    load_pid=$!
  fi
  start=$(date +%s)
  (cd "$clone" && CI=true tests/run.sh >"$clone.log" 2>&1); rc=$?
  seconds=$(( $(date +%s) - start ))
  if [[ -n $load_pid ]]; then kill -- "$load_pid" 2>/dev/null; pkill -f "$load/Collector.sln" 2>/dev/null; wait "$load_pid" 2>/dev/null; fi
  counts=$(grep -E '^tests: ' "$clone.log" | tail -n 1)
  echo "run $i: exit $rc, ${seconds}s, ${counts:-no closing line}"
  if [[ $rc != 0 ]]; then
    failures=$((failures + 1))
    grep -E '^failed ' "$clone.log" | sed 's/^/    /'
    echo "    log kept: $clone.log"
  else
    rm -f "$clone.log"
  fi
  rm -rf "$clone"
done
[[ -n $alongside ]] && rm -rf "$parent/.repeat-$$-load"
echo "repeat: $((n - failures)) of $n runs passed"
exit $(( failures > 0 ))
