#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `start DIR PORT` makes a cluster in DIR (owned by
# the `postgres` user, trust on loopback only, no fsync) and starts it on 127.0.0.1:PORT
# with TLS offered under a certificate of a test CA (DIR/ca.pem, for 127.0.0.1); prints
# the address (TLS not asked for: sslmode=disable). `stop DIR` stops it. Needs Debian's
# postgresql package (.ci/run installs it), which brings openssl.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cmd=$1 dir=$2
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 -U postgres >"$dir/initdb.log"
    # A test CA and the server's certificate for 127.0.0.1 (what a kommun's own CA does).
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Test-CA Trygghetstavlan" \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
      -keyout "$dir/data/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/san.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
      -days 2 -extfile "$dir/san.ext" -out "$dir/data/server.crt" 2>/dev/null
    chmod 600 "$dir/data/server.key"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/data/server.key" "$dir/data/server.crt"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c ssl=on" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
esac
