#!/usr/bin/env bash
# Sets up PostgreSQL 15 + pgvector on Debian 12 for medchron's server mode
# and its PostgreSQL tests, then prints the DSN to use:
#
#   eval "$(scripts/setup-postgres.sh)"    # exports MEDCHRON_TEST_DATABASE_URL
#   scripts/setup-postgres.sh stop         # stops the test cluster
#
# Idempotent; run as root or as a user with sudo (it re-runs itself with
# sudo). Progress goes to stderr, only the export line to stdout.
#
# 1. Installs postgresql-15, postgresql-server-dev-15, build-essential and
#    dpkg-dev when missing.
# 2. pgvector: Debian 12 has no package. Unless vector.control is already in
#    PostgreSQL's extension folder, it downloads Debian's pgvector source
#    package from the NEXT Debian suite's source index, through a throwaway
#    apt configuration (own source list, lists, cache; no other source
#    parts) that reuses the mirror and Signed-By keyring of this machine's
#    main Debian source, then builds and installs it with an empty OPTFLAGS
#    (portable: no -march=native).
# 3. The cluster: a throwaway one, not the system's "main" cluster. initdb
#    (as the postgres OS user: PostgreSQL refuses to run as root) a data
#    folder under $MEDCHRON_PG_DIR (default /var/tmp/medchron-postgres),
#    listening on 127.0.0.1:$MEDCHRON_PG_PORT (default 55432, or the next
#    free port) and on a Unix socket in that folder, with durability turned
#    off (fsync, synchronous_commit, full_page_writes) because it only
#    holds test data. This leaves the system cluster's configuration alone,
#    works the same on a fresh CI machine and on a developer's, and a rerun
#    reuses (and if needed restarts) the same cluster. The server is left
#    running. A superuser role "medchron" with a random password (kept in
#    the folder, mode 600) is what the tests connect as: they create and
#    drop their own databases and need CREATE EXTENSION vector.
# 4. Verifies that CREATE EXTENSION vector works in a scratch database.
set -euo pipefail

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
ROOT=${MEDCHRON_PG_DIR:-/var/tmp/medchron-postgres}
PORT=${MEDCHRON_PG_PORT:-55432}

log() { echo "setup-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "run as root or install sudo"
  exec sudo MEDCHRON_PG_DIR="$ROOT" MEDCHRON_PG_PORT="$PORT" "$0" "$@"
fi

as_postgres() { runuser -u postgres -- "$@"; }

if [ "${1:-}" = "stop" ]; then
  if [ -f "$ROOT/data/PG_VERSION" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$ROOT/data" -m fast stop >&2 || true
  fi
  exit 0
fi

# --- 1. packages ------------------------------------------------------------
need=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR build-essential dpkg-dev)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. pgvector --------------------------------------------------------------

# main_debian_source prints "URI KEYRING" of the machine's main Debian source
# (the one carrying the release's own suite, not -security or -updates),
# from deb822 .sources files, else from one-line .list files.
main_debian_source() {
  local codename=$1 files=() f
  for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && files+=("$f"); done
  if [ ${#files[@]} -gt 0 ]; then
    awk -v want="$codename" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && uri != "") { print uri, key; done = 1 }
        types = ""; suites = ""; uri = ""; key = ""
      }
      done { exit }
      FNR == 1 { flush() }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      tolower($1) == "types:"     { $1 = ""; types = $0 }
      tolower($1) == "suites:"    { $1 = ""; suites = $0 }
      tolower($1) == "uris:"      { uri = $2 }
      tolower($1) == "signed-by:" { key = $2 }
      END { if (!done) flush() }
    ' "${files[@]}" | head -n 1
  fi
  files=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && files+=("$f"); done
  [ ${#files[@]} -gt 0 ] || return 0
  # One-line format: deb [opt=v signed-by=K] URI SUITE COMPONENTS...
  awk -v want="$codename" '
    $1 != "deb" { next }
    {
      key = ""; i = 2
      if ($2 ~ /^\[/) {
        for (; i <= NF; i++) {
          if ($i ~ /signed-by=/) { key = $i; sub(/.*signed-by=/, "", key); sub(/\]$/, "", key) }
          if ($i ~ /\]$/) { i++; break }
        }
      }
      if ($(i + 1) == want) { print $i, key; exit }
    }' "${files[@]}" | head -n 1
}

next_suite() {
  case "$1" in
    bookworm) echo trixie ;;
    trixie) echo forky ;;
    *) die "no known next Debian suite after '$1'; set PGVECTOR_SUITE" ;;
  esac
}

install_pgvector() {
  local codename suite src uri key tmp
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || die "cannot read VERSION_CODENAME from /etc/os-release"
  suite=${PGVECTOR_SUITE:-$(next_suite "$codename")}
  src=$(main_debian_source "$codename" | head -n 1)
  [ -n "$src" ] || die "no Debian '$codename' source found in /etc/apt"
  uri=${src%% *}
  key=${src#* }
  [ "$key" != "$uri" ] || key=""
  [ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$key" ] || die "keyring $key not found"

  tmp=$(mktemp -d /tmp/medchron-pgvector.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/parts" "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/src"
  echo "deb-src [signed-by=$key] $uri $suite main" >"$tmp/sources.list"
  local apt_opts=(
    -o "Dir::Etc::SourceList=$tmp/sources.list"
    -o "Dir::Etc::SourceParts=$tmp/parts"
    -o "Dir::State::Lists=$tmp/lists"
    -o "Dir::Cache=$tmp/cache"
    -o "Dir::Cache::pkgcache="
    -o "Dir::Cache::srcpkgcache="
    -o "APT::Sandbox::User=root"
  )
  log "fetching pgvector source from Debian $suite"
  apt-get "${apt_opts[@]}" update -qq
  (cd "$tmp/src" && apt-get "${apt_opts[@]}" source --download-only -qq pgvector >/dev/null)
  local dsc
  dsc=$(ls "$tmp/src"/pgvector_*.dsc | head -n 1)
  [ -n "$dsc" ] || die "pgvector source package not found in $suite"
  # apt checked the files against the signed source index; dpkg-source
  # only warns that it has no key for the uploader's signature.
  dpkg-source -x "$dsc" "$tmp/build" >"$tmp/dpkg-source.log" 2>&1 || { cat "$tmp/dpkg-source.log" >&2; die "dpkg-source failed"; }
  log "building $(basename "$dsc" .dsc)"
  make -s -C "$tmp/build" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" -j"$(nproc)" >/dev/null
  make -s -C "$tmp/build" PG_CONFIG="$PG_CONFIG" install >/dev/null
  rm -rf "$tmp"
  trap - EXIT
}

ext_dir="$("$PG_CONFIG" --sharedir)/extension"
if [ -f "$ext_dir/vector.control" ]; then
  log "pgvector already installed"
else
  install_pgvector
  [ -f "$ext_dir/vector.control" ] || die "pgvector install did not produce $ext_dir/vector.control"
fi

# --- 3. the test cluster ------------------------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

DATA=$ROOT/data
install -d -o postgres -g postgres -m 0755 "$ROOT"
if [ ! -f "$DATA/PG_VERSION" ]; then
  for _ in $(seq 20); do port_free "$PORT" && break; PORT=$((PORT + 1)); done
  port_free "$PORT" || die "no free port found"
  log "creating cluster in $DATA on port $PORT"
  rm -rf "$DATA"
  as_postgres "$PG_BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >>"$DATA/postgresql.conf" <<EOF

# medchron test cluster (scripts/setup-postgres.sh): throwaway data only.
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$ROOT'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  echo "$PORT" >"$ROOT/port"
fi
PORT=$(cat "$ROOT/port")

start_cluster() {
  log "starting cluster on port $PORT"
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 60 start >/dev/null
}
ready() { as_postgres "$PG_BIN/pg_isready" -h "$ROOT" -p "$PORT" -q; }
if ! as_postgres "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  start_cluster
fi
# A server killed hard (a session's end, a crash) can leave processes that
# pass "status" but accept nothing: wait a little, then restart it.
for _ in $(seq 50); do ready && break; sleep 0.2; done
if ! ready; then
  log "cluster not answering: restarting it"
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  start_cluster
  ready || die "PostgreSQL did not start: see $ROOT/server.log"
fi

psql_su() { as_postgres "$PG_BIN/psql" -h "$ROOT" -p "$PORT" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 "$@"; }

if [ ! -s "$ROOT/password" ]; then
  (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$ROOT/password")
fi
PASSWORD=$(cat "$ROOT/password")
if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname = 'medchron'")" != 1 ]; then
  psql_su -c "CREATE ROLE medchron LOGIN SUPERUSER PASSWORD '$PASSWORD'"
else
  psql_su -c "ALTER ROLE medchron LOGIN SUPERUSER PASSWORD '$PASSWORD'"
fi

dsn() { echo "postgres://medchron:$PASSWORD@127.0.0.1:$PORT/$1?sslmode=disable"; }
DSN=$(dsn postgres)

# --- 4. verify ----------------------------------------------------------------
export PGOPTIONS="-c client_min_messages=warning"
check_db=medchron_setup_check
psql "$DSN" -qAtX -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $check_db" -c "CREATE DATABASE $check_db" >/dev/null
got=$(psql "$(dsn $check_db)" -qAtX -v ON_ERROR_STOP=1 \
  -c "CREATE EXTENSION IF NOT EXISTS vector" \
  -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
psql "$DSN" -qAtX -v ON_ERROR_STOP=1 -c "DROP DATABASE $check_db" >/dev/null
[ -n "$got" ] || die "CREATE EXTENSION vector failed"
log "ready: PostgreSQL $PG_MAJOR with pgvector $got on 127.0.0.1:$PORT (data in $DATA; server left running)"

echo "export MEDCHRON_TEST_DATABASE_URL='$DSN'"
