#!/usr/bin/env bash
# Measures what SECURITY.md promises and writes the figures into its
# "Figures" section (between the figures markers), each with its command:
# the hostile corpus file by file, the loopback load test at bench scale,
# the issue's attacks on "medchron serve", and a kill -9 chaos run in
# server mode (PostgreSQL: MEDCHRON_TEST_DATABASE_URL, as make bench sets).
# Before them it runs every fuzz target for 30 s (make test: 2 s).
# Called by scripts/bench.sh; runs alone as well.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME ENV... -- CMD...: runs CMD with ENV, its verbose output to $tmp/NAME.
run() {
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  echo "security: running ${envs[*]} $*" >&2
  env "${envs[@]}" "$@" >"$tmp/$name" 2>&1 || echo "(exit status $?)" >>"$tmp/$name"
  echo "${envs[*]} $*" >"$tmp/$name.cmd"
}

# The fuzz targets longer than make test's smoke run; a finding stops here.
FUZZTIME=30s scripts/fuzz.sh
run hostile MEDCHRON_HOSTILE=bench -- go test -count=1 -timeout 3h -run '^TestHostileCorpus$' -v ./internal/cli/
run load MEDCHRON_LOAD=bench -- go test -count=1 -timeout 30m -run '^TestLoopbackLoad$' -v ./web/
run attack MEDCHRON_ATTACK=1 -- go test -count=1 -timeout 2h -run '^TestServeUnderAttack$' -v ./internal/cli/
if [ -n "${MEDCHRON_TEST_DATABASE_URL:-}" ]; then
  run chaos MEDCHRON_CHAOS=1 MEDCHRON_CHAOS_PAGES="${MEDCHRON_CHAOS_PAGES:-500}" MEDCHRON_CHAOS_KILLS="${MEDCHRON_CHAOS_KILLS:-20}" -- \
    go test -count=1 -timeout 4h -run '^TestChaosKill9$' -v ./internal/cli/
else
  echo "MEDCHRON_TEST_DATABASE_URL is not set: the chaos run was skipped" >"$tmp/chaos"
  echo "(skipped)" >"$tmp/chaos.cmd"
fi

# block NAME PATTERN: the command and the matching lines of its output.
block() {
  echo '```'
  cat "$tmp/$1.cmd"
  grep -aE "$2" "$tmp/$1" | sed -E 's/^ +[a-z_]+\.go:[0-9]+: //' || true
  echo '```'
}

figures=$tmp/figures.md
{
  echo "Measured on $(date -u +%Y-%m-%d), $(nproc --all) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg) when done."
  echo
  echo "**Hostile corpus**, one \`medchron process\` run per file, one run at a time (peak memory: the largest process of the run — medchron,"
  echo "a reader process, poppler or Tesseract; CPU: all of them together). Files over a bound and the summary first, then every file:"
  echo
  block hostile 'known over|MB at peak|of CPU|still running|failed without|want (processed|refused)|all [0-9]+ files|^(--- |ok|FAIL)'
  echo
  echo "<details><summary>every file</summary>"
  echo
  block hostile '\.pdf +(refused|accepted|either) '
  echo
  echo "</details>"
  echo
  echo "**Loopback load** (in-process server; heap and RSS of the test process):"
  echo
  block load 'load: |^(--- |ok|FAIL)'
  echo
  echo "**Attacks on \`medchron serve\`** (embedded, one OCR worker; peak resident memory of the server process, and of the largest reader process still alive when the step ended — 0 MB when the readers had already exited, which is not a measurement of their peak):"
  echo
  block attack 'attack: |^(--- |ok|FAIL)'
  echo
  echo "**\`kill -9\` chaos**, server mode on PostgreSQL (serve and two workers, one replaced after each kill):"
  echo
  block chaos 'chaos: |differs|pages stored|only [0-9]+ of|^(--- |ok|FAIL)|skipped'
} >"$figures"

awk -v f="$figures" '
  /<!-- figures:begin -->/ { print; while ((getline line < f) > 0) print line; skip = 1; next }
  /<!-- figures:end -->/ { skip = 0 }
  !skip { print }
' SECURITY.md >"$tmp/SECURITY.md"
cp "$tmp/SECURITY.md" SECURITY.md
echo "wrote the figures into SECURITY.md" >&2
