#!/usr/bin/env bash
# Runs the storage tests against PostgreSQL: sets up (or reuses) the test
# cluster with scripts/setup-postgres.sh, then tests the store packages.
# Extra arguments go to go test, e.g. scripts/pgtest.sh -count=1 -v
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/setup-postgres.sh)"
export MEDCHRON_TEST_DATABASE_URL
go test "$@" ./store/...
