#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for newsprism's tests and print its URL.
#
#   url=$(scripts/start_postgres.sh)           # just the URL on stdout
#   eval "$(scripts/start_postgres.sh --export)" # sets NEWSPRISM_TEST_PG in this shell
#   scripts/start_postgres.sh --stop           # stop it (the data stays for the next start)
#
# Installs Debian's postgresql with apt-get when no server binaries are found (root only),
# keeps its own cluster in $NEWSPRISM_PG_DIR (default: /tmp/newsprism-pg-<uid>) so it never
# touches a system cluster, listens on 127.0.0.1 only (first free port from 55432, or
# $NEWSPRISM_PG_PORT) with a random password, and trades durability for speed
# (fsync off): a TEST server, not a place for data you want to keep.
# Idempotent: when the server is already up it only prints the URL (well under a second).
set -euo pipefail

STATE=${NEWSPRISM_PG_DIR:-${TMPDIR:-/tmp}/newsprism-pg-$(id -u)}
DBNAME=${NEWSPRISM_PG_DB:-newsprism_test}
MODE=url
case "${1:-}" in
  --export) MODE=export ;;
  --stop) MODE=stop ;;
  "") ;;
  *) echo "usage: $0 [--export|--stop]" >&2; exit 2 ;;
esac

log() { echo "start_postgres: $*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
  if command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; fi
}

BIN=$(find_bindir)
if [[ -z "$BIN" ]]; then
  [[ $MODE == stop ]] && exit 0
  [[ $(id -u) -eq 0 ]] || die "no PostgreSQL server found and not root: install postgresql (apt-get install postgresql)"
  command -v apt-get >/dev/null || die "no PostgreSQL server found and no apt-get to install one"
  log "installing postgresql with apt-get (first run only)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
  BIN=$(find_bindir)
  [[ -n "$BIN" ]] || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
fi

# The server refuses to run as root: as root, run its tools as the postgres user.
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

mkdir -p "$STATE"
chmod 711 "$STATE"
exec 9>"$STATE/lock"
flock -w 120 9 || die "another start_postgres.sh holds $STATE/lock"

DATA=$STATE/data
RUN=$STATE/run
PASSFILE=$STATE/password

running() { [[ -f "$DATA/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

if [[ $MODE == stop ]]; then
  if running; then as_pg "$BIN/pg_ctl" stop -D "$DATA" -m fast -w >&2; fi
  exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "creating a cluster in $DATA"
  rm -rf "$DATA" "$RUN"
  mkdir -p "$DATA" "$RUN"
  umask 077
  head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$PASSFILE"
  umask 022
  pwtmp=$(mktemp "$STATE/pw.XXXXXX")
  cp "$PASSFILE" "$pwtmp"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$DATA" "$RUN" "$pwtmp"; fi
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwtmp" --auth-local=scram-sha-256 \
    --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync >"$STATE/initdb.log" 2>&1 \
    || { rm -f "$pwtmp"; cat "$STATE/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwtmp"
  cat >>"$DATA/postgresql.conf" <<EOF
# newsprism test server: local only, fast, not durable
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RUN'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
fi
[[ -s "$PASSFILE" ]] || die "$PASSFILE is missing: remove $STATE and run again"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_on() {  # start on port $1; 0 when up
  : >"$STATE/server.log"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$STATE/server.log"; fi
  log "starting PostgreSQL ($BIN) on 127.0.0.1:$1"
  as_pg "$BIN/pg_ctl" start -D "$DATA" -o "-p $1" -l "$STATE/server.log" -w -t 60 >/dev/null 9>&-
}

if ! running; then
  if [[ -n "${NEWSPRISM_PG_PORT:-}" ]]; then
    start_on "$NEWSPRISM_PG_PORT" \
      || { tail -n 20 "$STATE/server.log" >&2; die "the server did not start on port $NEWSPRISM_PG_PORT"; }
  else
    started=
    for p in $(seq 55432 55531); do
      port_free "$p" || continue
      if start_on "$p"; then started=1; break; fi
      grep -q "could not bind\|could not create listen socket" "$STATE/server.log" || break  # not a port race
    done
    [[ -n "$started" ]] || { tail -n 20 "$STATE/server.log" >&2; die "the server did not start (log: $STATE/server.log)"; }
  fi
fi

port=$(sed -n 4p "$DATA/postmaster.pid")
[[ "$port" =~ ^[0-9]+$ ]] || die "cannot read the port from $DATA/postmaster.pid"
PGPASSWORD=$(cat "$PASSFILE")
export PGPASSWORD
psql_q() { "$BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }
if [[ -z "$(psql_q -c "select 1 from pg_database where datname = '$DBNAME'")" ]]; then
  psql_q -c "create database \"$DBNAME\"" >/dev/null || die "cannot create database $DBNAME"
fi

url="postgresql://postgres:$PGPASSWORD@127.0.0.1:$port/$DBNAME"
if [[ $MODE == export ]]; then
  echo "export NEWSPRISM_TEST_PG='$url'"
else
  echo "$url"
fi
