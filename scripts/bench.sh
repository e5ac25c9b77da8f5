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

# Born-digital processing takes about a second, so one run is at the mercy
# of whatever else the machine does: average five.
born_out=$(mktemp)
born_cmd=(go test -run '^$' -bench 'BenchmarkProcess/born-digital' -benchtime 5x -benchmem ./internal/cli/)
echo "running: ${born_cmd[*]}" >&2
"${born_cmd[@]}" | tee "$born_out" >&2

# Search latency needs many queries for a median and a 95th percentile.
search_out=$(mktemp)
search_cmd=(go test -run '^$' -bench 'BenchmarkSearch' -benchtime 200x ./store/...)
echo "running: ${search_cmd[*]}" >&2
"${search_cmd[@]}" | tee "$search_out" >&2

# The review workflow: rendering the chronology page of a 2,000-entry
# matter (p50/p95 over 40 renders) and building the Bates-stamped exhibit.
web_out=$(mktemp)
web_cmd=(go test -run '^$' -bench 'BenchmarkChronologyPage' -benchtime 40x -benchmem ./web/)
exhibit_cmd=(go test -run '^$' -bench 'BenchmarkBuild' -benchtime 3x -benchmem ./chronology/exhibit/)
for c in web_cmd exhibit_cmd; do
  declare -n cc=$c
  echo "running: ${cc[*]}" >&2
  "${cc[@]}" | tee -a "$web_out" >&2
done

# The floor: Tesseract's own command line on the same scanned pages, two
# processes in parallel (one per core), without medchron around it.
floor=""
bundle="${TMPDIR:-/tmp}/medchron-bench-${MEDCHRON_BENCH_PAGES:-200}/scanned.pdf"
if [ -f "$bundle" ] && command -v tesseract >/dev/null && command -v pdfimages >/dev/null; then
  imgs=$(mktemp -d)
  pdfimages -f 1 -l 40 -png "$bundle" "$imgs/p"
  n=$(ls "$imgs" | wc -l)
  start=$(date +%s.%N)
  ls "$imgs"/*.png | xargs -P 2 -I{} tesseract {} - -c tessedit_do_invert=0 >/dev/null 2>&1
  end=$(date +%s.%N)
  floor=$(awk -v n="$n" -v a="$start" -v b="$end" 'BEGIN{printf "%d pages in %.1f s: %.2f pages/s", n, b-a, n/(b-a)}')
  rm -rf "$imgs"
fi
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh) on $(date -u +%Y-%m-%d), $(nproc --all) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), Go $(go env GOVERSION), OMP_THREAD_LIMIT=1."
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
  echo
  echo "Born-digital throughput averaged over five runs (one run takes about a second):"
  echo
  echo '```'
  echo "${born_cmd[*]}"
  grep -E '^Benchmark' "$born_out" || true
  echo '```'
  echo
  echo "BenchmarkServerWorkers runs \`medchron serve --workers 0\` and one or two \`medchron worker --workers 1\` processes on PostgreSQL"
  echo "and uploads the scanned bundle through the API; reprocess-s (in BenchmarkProcess) is \`medchron reprocess --force\` of the"
  echo "unchanged matter right after its first run."
  echo
  echo "## Search latency"
  echo
  echo "One matter of 2,000 generated clinical pages and 200 entries; p50/p95 per query over 200 queries."
  echo
  echo '```'
  echo "${search_cmd[*]}"
  grep -E '^(Benchmark|pkg|ok|PASS|FAIL)' "$search_out" || true
  echo '```'
  echo
  echo "## Review workflow"
  echo
  echo "BenchmarkChronologyPage renders GET /matters/{id}/chronology (timeline, 2,000 entries over 20 providers, gaps, provider"
  echo "index, specials, bills) through the handler on the embedded store; p50-ms/p95-ms per render. BenchmarkBuild writes the"
  echo "Bates-stamped exhibit PDF (stamps and bookmarks) of the 200-page generated bundle in ten documents."
  echo
  echo '```'
  echo "${web_cmd[*]}"
  echo "${exhibit_cmd[*]}"
  grep -E '^(Benchmark|pkg|ok|PASS|FAIL)' "$web_out" || true
  echo '```'
  if [ -n "$floor" ]; then
    echo
    echo "## The Tesseract floor"
    echo
    echo "Tesseract's command line alone on the first 40 page images of the same scanned bundle, two processes in parallel"
    echo "(\`pdfimages -png\`, then \`xargs -P 2 tesseract IMG - -c tessedit_do_invert=0\`): $floor."
  fi
  # The Accuracy section is written by scripts/eval.sh ("make eval").
  if [ -f ACCURACY.md ]; then
    echo
    echo "<!-- accuracy -->"
    cat ACCURACY.md
    echo "<!-- /accuracy -->"
  fi
} > BENCHMARKS.md
rm -f "$out" "$search_out" "$web_out" "$born_out"
echo "wrote BENCHMARKS.md" >&2
