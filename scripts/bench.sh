#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: builds connectlite, starts the reference ceiling
# and connectlite (embedded store, and PostgreSQL when one is reachable) as
# separate processes, loads each with SigV4-signed requests and writes
# BENCHMARKS.md with the machine, every figure and its ratio to the targets.
#
#   scripts/bench.sh                     default size (50,000 users for T4), ~10 min
#   scripts/bench.sh --users 1000000 --store-users 50000
#                                        T4 at its full size on the embedded store
#                                        (~30 min, most of it loading the million)
#   scripts/bench.sh --smoke             seconds-long run that writes nothing (CI)
#
# Other flags go to `connectlite bench run` (see `connectlite bench run -h`);
# the server's CPU profiles are summarized in BENCHMARKS.md (add
# --profile-dir DIR to keep the .pprof files).
# PostgreSQL: BENCH_POSTGRES=postgres://... uses that database; unset, a
# local server (psql on 127.0.0.1:5432, user postgres) gets a throwaway
# database; BENCH_POSTGRES=none skips PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
pgdb=""
cleanup() {
	if [[ -n $pgdb ]]; then
		dropdb -h 127.0.0.1 -U postgres --if-exists "$pgdb" >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/connectlite" ./cmd/connectlite

args=(--command "scripts/bench.sh${*:+ $*}" --profile-dir "$work/profiles")
if [[ ${1:-} == --smoke ]]; then
	shift
	args=(--users 300 --clients 4 --duration 1s --warmup 200ms --out "")
fi

store=${BENCH_POSTGRES:-}
if [[ -z $store ]] && command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -qAtc 'select 1' >/dev/null 2>&1; then
	pgdb="connectlite_bench_$$"
	createdb -h 127.0.0.1 -U postgres "$pgdb"
	store="postgres://postgres@127.0.0.1:5432/$pgdb?sslmode=disable"
fi
if [[ -n $store && $store != none ]]; then
	args+=(--store "$store")
fi

"$work/connectlite" bench run --binary "$work/connectlite" --work-dir "$work/run" "${args[@]}" "$@"
