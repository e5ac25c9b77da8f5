#!/usr/bin/env bash
# Measures extraction accuracy with "medchron eval" on the layout families
# of internal/fixture/zoo (development and held-out families, each set
# generated apart: the development set never holds a held-out family), on
# the committed small bundle and on a generated 60-page bundle, and writes
# the tables with the
# commands that produced them to ACCURACY.md and into BENCHMARKS.md between
# the <!-- accuracy --> and <!-- /accuracy --> markers (only that section
# is touched; scripts/bench.sh writes the rest of BENCHMARKS.md and
# includes ACCURACY.md). Called by "make eval".
#   EXTRACTOR=llm scripts/eval.sh   measures the LLM extractor instead.
#   ZOO_MATTERS=N                    matters per zoo set (default 3).
set -uo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
extractor=${EXTRACTOR:-rules}
pages=${EVAL_BENCH_PAGES:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/medchron" ./cmd/medchron || exit 1
gen=(go run ./cmd/genfixtures -bench-pages "$pages" -bench-out "$tmp/bench-$pages")
echo "running: ${gen[*]}" >&2
"${gen[@]}" >&2 || exit 1

status=0
frag="$tmp/accuracy.md"
{
  echo "## Accuracy"
  echo
  echo "Written by \`make eval\` (scripts/eval.sh) on $(date -u +%Y-%m-%d), $(nproc --all) cores, Go $(go env GOVERSION), extractor \`$extractor\`."
  echo "Per file: precision, recall and F1 per field against the bundle's truth.json; the total is micro-averaged (counts summed over files)."
  echo "\"grounded quotes not on page\" re-checks every quote of a grounded entry or bill against the stored page text with extract.Grounded: it must be 0."
} > "$frag"
run_eval() { # title, truth dir
  local cmd=(medchron eval --truth "$2" --extractor "$extractor")
  echo "running: ${cmd[*]}" >&2
  {
    echo
    echo "### $1"
    echo
    echo '```'
    echo "go run ./cmd/genfixtures -bench-pages $pages -bench-out BENCH_DIR   # for the generated bundle"
    echo "${cmd[*]}" | sed "s#$tmp/bench-$pages#BENCH_DIR#"
    echo '```'
    echo
  } >> "$frag"
  "$tmp/medchron" eval --truth "$2" --extractor "$extractor" | sed 's/^### /#### /' >> "$frag" || status=1
}
# Layout families: one set of matters from the development families, one
# from the held-out families, each born-digital and scanned three ways.
matters=${ZOO_MATTERS:-3}
zoo="$tmp/zoo"
zgens=()
for set in dev heldout; do
  if grep -qP "\t$set\$" testdata/zoo/families.tsv; then
    zgen=(go run ./cmd/genfixtures -zoo -families "$set" -matters "$matters" -zoo-out "ZOO_DIR/$set")
    echo "running: ${zgen[*]}" >&2
    "${zgen[@]/ZOO_DIR/$zoo}" >&2 || exit 1
    zgens+=("${zgen[*]}")
  fi
done
zcmd=(medchron eval --truth ZOO_DIR --extractor "$extractor")
# The third column: the hand-labelled real documents of testdata/real, read
# from ../shared/data (skipped without it).
if [ -d ../shared/data ]; then
  zcmd+=(--with-real)
fi
echo "running: ${zcmd[*]}" >&2
{
  echo
  echo "### Layout families (internal/fixture/zoo): development, held-out and real documents"
  echo
  echo "Families and their status: \`testdata/zoo/families.tsv\`. A family is held out when written and moves to development only after its held-out figure is recorded below (Held-out record). Each set has $matters matters, each rendered born-digital and scanned as a fax (200 dpi black and white), a copier scan (300 dpi, dust, edge shadow) and a greyscale scan (200 dpi); per family, the truth and the chronology are restricted to the family's pages (entries by their cited pages, bill lines by the page of their first citation). Matter-level figures (specials, gaps, duplicates, missing records, providers) are per matter rendering."
  echo
  echo '```'
  printf '%s\n' "${zgens[@]}"
  echo "${zcmd[*]}"
  echo '```'
  echo
  echo "Metrics that wait for the chronology: page classes (Result.Pages is not carried into chronology.json), and the kind of a missing-records flag (read from its message until flags carry a kind)."
  echo
} >> "$frag"
zargs=("${zcmd[@]:1}")
"$tmp/medchron" "${zargs[@]/ZOO_DIR/$zoo}" | sed 's/^### /#### /' >> "$frag" || status=1

run_eval "Small bundle (testdata/bundles/small, born-digital and scanned)" testdata/bundles/small
run_eval "Generated $pages-page bundle (born-digital and scanned)" "$tmp/bench-$pages"

# Records unlike the fixtures (../shared/data: Synthea notes and MTSamples
# transcriptions rendered to PDF, clean and scanned); skipped without ../shared.
if [ -d ../shared/data ] && [ "$extractor" = rules ]; then
  gcmd=(go test -count=1 -run Generality -v ./internal/cli/)
  echo "running: ${gcmd[*]}" >&2
  {
    echo
    echo "### Records unlike the fixtures (../shared/data)"
    echo
    echo '```'
    echo "${gcmd[*]}"
    echo '```'
    echo
    echo '```'
    "${gcmd[@]}" 2>&1 | grep -E '^\s+eval_test.go:[0-9]+: (Synthea|clean|scanned)' | sed -E 's/^\s+eval_test.go:[0-9]+: //; s/^(clean|scanned):/MTSamples, \1:/'
    echo '```'
  } >> "$frag" || status=1
fi

# The held-out record is appended to by scripts/record-heldout.sh and never
# rewritten: carry it over from the current ACCURACY.md.
if grep -q '^<!-- heldout-record -->$' ACCURACY.md 2>/dev/null; then
  echo >> "$frag"
  awk '/^## Held-out record$/ { on = 1 } on { print } /^<!-- \/heldout-record -->$/ { on = 0 }' ACCURACY.md >> "$frag"
fi
cp "$frag" ACCURACY.md
touch BENCHMARKS.md
awk -v frag="$frag" '
  /^<!-- accuracy -->$/ { skip = 1; done = 1; print; while ((getline l < frag) > 0) print l; next }
  /^<!-- \/accuracy -->$/ { skip = 0 }
  !skip { print }
  END { if (!done) { print ""; print "<!-- accuracy -->"; while ((getline l < frag) > 0) print l; print "<!-- /accuracy -->" } }
' BENCHMARKS.md > "$tmp/b.md" && mv "$tmp/b.md" BENCHMARKS.md
echo "wrote ACCURACY.md and the Accuracy section of BENCHMARKS.md" >&2
exit $status
