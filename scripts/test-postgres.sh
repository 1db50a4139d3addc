#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the hub tests and prints the
# SQLAlchemy URL to use (PAINBRIDGE_TEST_POSTGRES_URL). Needs root (apt-get, su); CI runs
# it from .ci/run. Usage: url=$(scripts/test-postgres.sh start) ... scripts/test-postgres.sh stop
set -euo pipefail
action=${1:-start}
port=${PAINBRIDGE_TEST_POSTGRES_PORT:-54329}
data=${PAINBRIDGE_TEST_POSTGRES_DATA:-/tmp/painbridge-test-postgres}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ "$action" = "stop" ]; then
  bin=$(pg_bin)
  [ -n "$bin" ] && [ -d "$data" ] && su postgres -c "$bin/pg_ctl -D $data stop -m fast" >/dev/null 2>&1 || true
  exit 0
fi

if [ -z "$(pg_bin)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin=$(pg_bin)
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
su postgres -c "$bin/pg_ctl -D $data stop -m fast" >/dev/null 2>&1 || true
rm -rf "$data"
mkdir -p "$data"
chown postgres "$data"
su postgres -c "$bin/initdb -D $data -A trust -U postgres --no-sync" >/dev/null
su postgres -c "$bin/pg_ctl -D $data -w -l $data/server.log \
  -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start" >/dev/null
su postgres -c "$bin/createdb -h 127.0.0.1 -p $port painbridge_test"
echo "postgresql+psycopg://postgres@127.0.0.1:$port/painbridge_test"
