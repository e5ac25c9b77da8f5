#!/usr/bin/env bash
# Measures held-out layout families (internal/fixture/zoo) with "medchron
# eval" and appends one row per family to the "Held-out record" table of
# ACCURACY.md, labelled with the date, the commit and the extractor. Only
# after its row is recorded may a family move from heldout to dev in
# testdata/zoo/families.tsv (TestDevFamiliesHaveHeldOutRecord checks it).
# Rows are never edited: a re-measurement appends rows.
#   scripts/record-heldout.sh [FAMILIES]
# FAMILIES selects as "genfixtures -families" does (default: heldout).
# EXTRACTOR=llm measures the LLM extractor; ZOO_MATTERS sets the number of
# matters (default 3); ZOO_SCANS the scanned renderings (default all three).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
families=${1:-heldout}
extractor=${EXTRACTOR:-rules}
if [ -n "$(git status --porcelain)" ]; then
  echo "record-heldout: commit first, the record names the commit" >&2
  exit 1
fi
commit=$(git rev-parse --short HEAD)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/medchron" ./cmd/medchron
gen=(go run ./cmd/genfixtures -zoo -zoo-out "$tmp/zoo" -families "$families" -matters "${ZOO_MATTERS:-3}" -scans "${ZOO_SCANS:-fax,copier,grey}")
echo "running: ${gen[*]}" >&2
"${gen[@]}" >&2
cmd=("$tmp/medchron" eval --truth "$tmp/zoo" --extractor "$extractor" --heldout-record "$commit")
echo "running: ${cmd[*]}" >&2
"${cmd[@]}" > "$tmp/eval.md" || echo "record-heldout: eval reported failures (see below); rows are recorded all the same" >&2
cat "$tmp/eval.md"
awk '/^### Held-out record rows/ { on = 1; next } on && /^\| [a-z0-9_]+ \|/ && !/^\| family \|/ { print }' "$tmp/eval.md" > "$tmp/rows"
if [ ! -s "$tmp/rows" ]; then
  echo "record-heldout: no held-out family measured" >&2
  exit 1
fi
grep -q '^<!-- /heldout-record -->$' ACCURACY.md || { echo "record-heldout: ACCURACY.md has no <!-- /heldout-record --> marker" >&2; exit 1; }
awk -v rows="$tmp/rows" '/^<!-- \/heldout-record -->$/ { while ((getline l < rows) > 0) print l } { print }' ACCURACY.md > "$tmp/acc.md"
mv "$tmp/acc.md" ACCURACY.md
echo "record-heldout: $(wc -l < "$tmp/rows") row(s) appended to the Held-out record of ACCURACY.md (commit $commit)" >&2
