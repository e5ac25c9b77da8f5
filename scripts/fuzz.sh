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

# binary PKG: where the fuzzing test binary of PKG is built.
binary() { echo "$tmp/$(tr / _ <<<"${1#./}").test"; }

# build PKG: builds PKG's test binary instrumented for fuzzing (go test
# -c -fuzz), once for all of its targets: a "go test -fuzz" per target
# linked the package's test binary again for each, and those started side
# by side compiled the same instrumented packages twice after a change.
build() {
  local pkg=$1 out
  if ! out=$(go test -c -fuzz . -o "$(binary "$pkg")" "$pkg" 2>&1); then
    echo "$out" >&2
    echo "fuzz: building $pkg failed" >&2
    return 1
  fi
}

# fuzz PKG NAME: fuzzes one target with PKG's binary, as "go test -fuzz"
# would (in the package's folder, the same corpus cache, timeout and
# flags); quiet when it passes, its whole output (the failing input, the
# crash or the hang) when it does not.
fuzz() {
  local pkg=$1 name=$2 out
  echo "fuzz: $name in $pkg for $fuzztime" >&2
  if ! out=$(cd "$pkg" && "$(binary "$pkg")" -test.paniconexit0 -test.timeout 10m -test.run '^$' -test.fuzz "^${name}\$" \
    -test.fuzztime "$fuzztime" -test.parallel 1 -test.fuzzcachedir "$cache/${pkg#./}" 2>&1); then
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

# The packages, each once: ./pipeline first, whose build compiles most of
# the instrumented packages the others share (its tests import most of
# them); the others then mostly link, side by side.
pkgs=()
for t in "${targets[@]}"; do
  read -r pkg _ <<<"$t"
  [[ " ${pkgs[*]} " == *" $pkg "* ]] || pkgs+=("$pkg")
done
if [[ " ${pkgs[*]} " == *" ./pipeline "* ]]; then
  rest=()
  for pkg in "${pkgs[@]}"; do [ "$pkg" = ./pipeline ] || rest+=("$pkg"); done
  pkgs=(./pipeline "${rest[@]}")
fi
build "${pkgs[0]}"
running=0
for pkg in "${pkgs[@]:1}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || exit 1
    running=$((running - 1))
  fi
  build "$pkg" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || exit 1
  running=$((running - 1))
done

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
