#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests and the benchmarks: its own data directory, port and
# socket directory under <dir>, trust authentication on 127.0.0.1 only, fsync off. Nothing else on the machine is
# touched. initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
#   throwaway-postgres.sh start <dir>   prints the connection string of the `postgres` database
#   throwaway-postgres.sh stop <dir>
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a directory for the cluster}

if command -v initdb > /dev/null; then
  bin=$(dirname "$(readlink -f "$(command -v initdb)")")
else
  bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 1
fi

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "$port"; return; fi
  done
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync > "$dir/initdb.log"
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500" start > /dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop > /dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop <dir>" >&2
    exit 2
    ;;
esac
