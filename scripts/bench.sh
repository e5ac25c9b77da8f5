#!/usr/bin/env bash
# Runs medchron's benchmarks and writes BENCHMARKS.md with the command that
# produced each figure. Called by "make bench".
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
out=$(mktemp)
cmd=(go test -run '^$' -bench . -benchtime 1x -benchmem ./...)
echo "running: ${cmd[*]}" >&2
"${cmd[@]}" | tee "$out" >&2
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh) on $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), Go $(go env GOVERSION), OMP_THREAD_LIMIT=1."
  echo
  echo "Command:"
  echo
  echo '```'
  echo "${cmd[*]}"
  echo '```'
  echo
  echo "BenchmarkProcess runs the built \`medchron process\` binary end to end on a generated bundle of"
  echo "\${MEDCHRON_BENCH_PAGES:-200} pages (internal/fixture), born-digital and scanned: pages/s is wall-clock"
  echo "throughput including start-up, peak-MB the process's maximum resident memory, *-F1 the accuracy against the bundle's truth file."
  echo
  echo '```'
  grep -E '^(Benchmark|goos|goarch|pkg|cpu|ok|PASS|FAIL)' "$out" || true
  echo '```'
  # The Accuracy section is written by scripts/eval.sh ("make eval").
  if [ -f ACCURACY.md ]; then
    echo
    echo "<!-- accuracy -->"
    cat ACCURACY.md
    echo "<!-- /accuracy -->"
  fi
} > BENCHMARKS.md
rm -f "$out"
echo "wrote BENCHMARKS.md" >&2
