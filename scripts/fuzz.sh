#!/usr/bin/env bash
# Runs every fuzz target briefly (FUZZTIME each, 2s by default): make test
# calls it as a smoke run, so that a target that no longer builds or fails
# at once is seen; finding new inputs takes minutes, not seconds. The
# targets run side by side, one fuzzing worker each, as many at a time as
# there are cores (FUZZJOBS): the same CPU as one target at a time with a
# worker per core, in a fraction of the time. make bench runs them longer
# (scripts/security.sh: FUZZTIME=30s). Each target's corpus is committed
# under its package's testdata/fuzz/<Target>; "go test" (without -fuzz)
# replays it every time. To grow a corpus: FUZZTIME=5m scripts/fuzz.sh,
# then copy what the fuzzer found from $(go env GOCACHE)/fuzz into
# testdata/fuzz (scripts/fuzz.sh --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-2s}"
jobs="${FUZZJOBS:-$(nproc)}"
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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fuzz PKG NAME: fuzzes one target; quiet when it passes, its whole output
# (the failing input, the crash or the hang) when it does not.
fuzz() {
  local pkg=$1 name=$2 out
  echo "fuzz: $name in $pkg for $fuzztime" >&2
  if ! out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -parallel 1 "$pkg" 2>&1); then
    # Go before 1.27 can end a duration-limited run with "context deadline
    # exceeded" and no failing input when the deadline races a busy worker
    # (go.dev/issue/75804): that is no finding. A real failure writes its
    # input under testdata/fuzz and says so.
    if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written to' <<<"$out"; then
      echo "fuzz: $name: the fuzzing deadline raced a worker (go.dev/issue/75804); no failing input, not a failure" >&2
      return 0
    fi
    echo "$out" >&2
    echo "fuzz: $name in $pkg failed" >&2
    return 1
  fi
}

failed=0
running=0
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  fuzz "$pkg" "$name" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
[ "$failed" = 0 ] || exit 1

if [ "${1:-}" = "--keep" ]; then
  for t in "${targets[@]}"; do
    read -r pkg name <<<"$t"
    if [ -d "$cache/${pkg#./}/$name" ]; then
      mkdir -p "${pkg}/testdata/fuzz/$name"
      cp -n "$cache/${pkg#./}/$name"/* "${pkg}/testdata/fuzz/$name/" 2>/dev/null || true
    fi
  done
fi
