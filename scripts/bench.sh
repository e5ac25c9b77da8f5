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
review_cmd=(go test -run '^$' -bench 'BenchmarkBrowserReview' -benchtime 1x ./web/)
for c in web_cmd exhibit_cmd review_cmd; do
  declare -n cc=$c
  echo "running: ${cc[*]}" >&2
  "${cc[@]}" | tee -a "$web_out" >&2
done

# Scanned records as devices store them (CCITT G4 fax and copier, JPEG
# grey, JBIG2, a multi-page G4 TIFF): medchron end to end (fresh database)
# against the Tesseract CLI floor over the same page images and OCRmyPDF
# (-j 2), interleaved runs, medians. MEDCHRON_BENCH_BEFORE=<git ref> adds
# the medchron built from that ref ("medchron-before"). MEDCHRON_BENCH_BIG=1
# adds the 1,000-page mixed bundle and the 1,000- and 5,000-page fax
# bundles (memory), which take an hour or more.
scan_pages=${MEDCHRON_BENCH_SCAN_PAGES:-40}
scan_runs=${MEDCHRON_BENCH_RUNS:-3}
scan_dir="${TMPDIR:-/tmp}/medchron-bench-scan-$scan_pages"
if [ ! -f "$scan_dir/scanned-g4.tif" ]; then
  go run ./cmd/genfixtures -bench-pages "$scan_pages" -bench-out "$scan_dir" -encodings fax-g4,copier-g4,jpeg-grey-200,jbig2-mmr,tiff-g4 >&2
fi
tools_dir=$(mktemp -d)
go build -o "$tools_dir/medchron" ./cmd/medchron
go build -o "$tools_dir/benchscan" ./cmd/benchscan
before_args=()
if [ -n "${MEDCHRON_BENCH_BEFORE:-}" ]; then
  mkdir -p "$tools_dir/before"
  git archive "$MEDCHRON_BENCH_BEFORE" | tar -x -C "$tools_dir/before"
  (cd "$tools_dir/before" && go build -o "$tools_dir/medchron-before" ./cmd/medchron)
  before_args=(-before "$tools_dir/medchron-before")
fi
scan_out=$(mktemp)
scan_cmd=(benchscan -medchron bin/medchron "${before_args[@]}" -runs "$scan_runs")
scan_files=("$scan_dir"/scanned-fax-g4.pdf "$scan_dir"/scanned-copier-g4.pdf "$scan_dir"/scanned-jpeg-grey-200.pdf "$scan_dir"/scanned-jbig2-mmr.pdf "$scan_dir"/scanned-g4.tif)
echo "running: ${scan_cmd[*]} ${scan_files[*]}" >&2
"$tools_dir/benchscan" -medchron "$tools_dir/medchron" "${before_args[@]}" -runs "$scan_runs" "${scan_files[@]}" > "$scan_out"
big_out=$(mktemp)
if [ "${MEDCHRON_BENCH_BIG:-}" = 1 ]; then
  for n in 1000 5000; do
    d="${TMPDIR:-/tmp}/medchron-bench-scan-$n"
    [ -f "$d/$( [ $n = 1000 ] && echo mixed.pdf || echo scanned-fax-g4.pdf)" ] ||
      go run ./cmd/genfixtures -bench-pages "$n" -bench-out "$d" -encodings "$( [ $n = 1000 ] && echo mixed || echo fax-g4)" >&2
  done
  "$tools_dir/benchscan" -medchron "$tools_dir/medchron" -runs 1 -tools medchron,floor "${TMPDIR:-/tmp}/medchron-bench-scan-1000/mixed.pdf" >> "$big_out"
  "$tools_dir/benchscan" -medchron "$tools_dir/medchron" -runs 1 -tools medchron "${TMPDIR:-/tmp}/medchron-bench-scan-1000/scanned-fax-g4.pdf" "${TMPDIR:-/tmp}/medchron-bench-scan-5000/scanned-fax-g4.pdf" | tail -n +3 >> "$big_out"
fi
acc_out=$(mktemp)
acc_cmd=(go test -timeout 60m -run '^$' -bench BenchmarkOCRAccuracy -benchtime 1x ./extract/sandbox/)
echo "running: ${acc_cmd[*]}" >&2
"${acc_cmd[@]}" | tee "$acc_out" >&2

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
  echo "Bates-stamped exhibit PDF (stamps and bookmarks) of the 200-page generated bundle in ten documents. BenchmarkBrowserReview"
  echo "reviews every entry of a generated 75-page matter in headless Chromium as a paralegal: half one at a time from the chronology"
  echo "(open, Verify, back: 3 actions an entry), half with the review keys (v verifies and opens the next: 1 action an entry);"
  echo "s/entry is the machine's time per entry (page loads), not reading time."
  echo
  echo '```'
  echo "${web_cmd[*]}"
  echo "${exhibit_cmd[*]}"
  echo "${review_cmd[*]}"
  grep -E '^(Benchmark|pkg|ok|PASS|FAIL)' "$web_out" || true
  echo '```'
  if [ -n "$floor" ]; then
    echo
    echo "## The Tesseract floor"
    echo
    echo "Tesseract's command line alone on the first 40 page images of the same scanned bundle, two processes in parallel"
    echo "(\`pdfimages -png\`, then \`xargs -P 2 tesseract IMG - -c tessedit_do_invert=0\`): $floor."
  fi
  echo
  echo "## Scanned encodings: medchron, the Tesseract floor and OCRmyPDF"
  echo
  echo "Bundles of $scan_pages generated pages stored as scanning devices store them (internal/fixture: CCITT G4 fax"
  echo "2550×3300 at 300 dpi, G4 as copiers write it with /BlackIs1 and /Decode [1 0] and every seventh page sideways"
  echo "under /Rotate 90, JPEG grey at 200 dpi, JBIG2 MMR generic regions, and the same fax as a multi-page G4 TIFF)."
  echo "medchron: \`medchron process\` with a fresh database and cache. floor: \`pdfimages -tiff\` then two \`tesseract\`"
  echo "processes (OMP_THREAD_LIMIT=1). ocrmypdf: \`ocrmypdf -j 2 --skip-text\` (Debian's OCRmyPDF 14). Peak memory sums"
  echo "the proportional set size (PSS) of every process of the command, sampled every 50 ms; the RSS sum counts shared pages"
  echo "once per process. "medchron ÷ this" above 1 means medchron is faster. Median of $scan_runs interleaved runs."
  echo
  echo '```'
  echo "go run ./cmd/genfixtures -bench-pages $scan_pages -bench-out DIR -encodings fax-g4,copier-g4,jpeg-grey-200,jbig2-mmr,tiff-g4"
  echo "${scan_cmd[*]} DIR/scanned-*.pdf DIR/scanned-g4.tif"
  echo '```'
  echo
  cat "$scan_out"
  if [ -s "$big_out" ]; then
    echo
    echo "1,000-page mixed bundle (born-digital and fax G4 pages, three runs of five in five scanned; the floor OCRs only"
    echo "the scanned pages' images) and memory at 1,000 and 5,000 fax pages:"
    echo
    cat "$big_out"
  fi
  echo
  echo "OCR word accuracy per encoding, the page image as stored against the page rendered by pdftoppm (the path before),"
  echo "on the first 8 pages of the small bundle, against the born-digital twin's text layer:"
  echo
  echo '```'
  echo "${acc_cmd[*]}"
  grep -E '^Benchmark' "$acc_out" || true
  echo '```'
  # The Accuracy section is written by scripts/eval.sh ("make eval").
  if [ -f ACCURACY.md ]; then
    echo
    echo "<!-- accuracy -->"
    cat ACCURACY.md
    echo "<!-- /accuracy -->"
  fi
} > BENCHMARKS.md
rm -f "$out" "$search_out" "$web_out" "$born_out" "$scan_out" "$big_out" "$acc_out"
rm -rf "$tools_dir"
echo "wrote BENCHMARKS.md" >&2

# Security figures (hostile corpus, load, attacks, kill -9 chaos) go to
# SECURITY.md, by their own script.
scripts/security.sh
