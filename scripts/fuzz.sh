#!/usr/bin/env bash
# Runs every fuzz target briefly (FUZZTIME each, 2s by default): make test
# calls it as a smoke run, so that a target that no longer builds or fails
# at once is seen; finding new inputs takes minutes, not seconds (see
# below). Each target's corpus is committed under its package's
# testdata/fuzz/<Target>; "go test" (without -fuzz) replays it every time.
# To grow a corpus: FUZZTIME=5m scripts/fuzz.sh, then copy what the fuzzer
# found from $(go env GOCACHE)/fuzz into testdata/fuzz (scripts/fuzz.sh --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-2s}"
targets=(
  "./extract/dates FuzzDates"
  "./extract/rules FuzzRulesExtract"
  "./extract/rules FuzzBillAmounts"
  "./extract FuzzFindQuote"
  "./extract FuzzGroundedLines"
  "./internal/pdfsafe FuzzInspect"
  "./pipeline FuzzCleanName"
)
cache="$(go env GOCACHE)/fuzz/github.com/medchron/medchron"
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  echo "fuzz: $name in $pkg for $fuzztime" >&2
  # Quiet when it passes; its whole output (the failing input, the crash
  # or the hang) when it does not.
  if ! out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
    # Go before 1.27 can end a duration-limited run with "context deadline
    # exceeded" and no failing input when the deadline races a busy worker
    # (go.dev/issue/75804): that is no finding. A real failure writes its
    # input under testdata/fuzz and says so.
    if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written to' <<<"$out"; then
      echo "fuzz: $name: the fuzzing deadline raced a worker (go.dev/issue/75804); no failing input, not a failure" >&2
      continue
    fi
    echo "$out" >&2
    echo "fuzz: $name in $pkg failed" >&2
    exit 1
  fi
  if [ "${1:-}" = "--keep" ] && [ -d "$cache/${pkg#./}/$name" ]; then
    mkdir -p "${pkg}/testdata/fuzz/$name"
    cp -n "$cache/${pkg#./}/$name"/* "${pkg}/testdata/fuzz/$name/" 2>/dev/null || true
  fi
done
