# shellcheck shell=bash
# A throwaway PostgreSQL server for the archive benchmarks, started as build/test.sh starts the tests' one: Debian's
# postgresql package (installed when missing), a temporary folder, a free port on 127.0.0.1, run as the postgres user
# when this runs as root (the server refuses root), durability off, stopped and removed by stop_postgres.
# Sets pg_connection (Npgsql form, for the app) and pg_port/pg_password (for psql).
# shellcheck disable=SC2034

pg_folder=""
pg_bin=""

postgres_bin() {
  local candidates
  shopt -s nullglob
  candidates=(/usr/lib/postgresql/*/bin/pg_ctl)
  shopt -u nullglob
  [[ ${#candidates[@]} -gt 0 ]] || return 1
  pg_bin="$(dirname "$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)")"
}

install_postgres() {
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || return 1
    as_root=(sudo)
  fi
  echo "bench: PostgreSQL is missing; installing Debian's postgresql with apt-get..."
  "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    && postgres_bin
}

as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  { postgres_bin || install_postgres; } || { echo "bench: PostgreSQL is not installed and could not be." >&2; return 1; }
  pg_folder="$(mktemp -d "${TMPDIR:-/tmp}/umeeting-bench-postgres.XXXXXX")"
  [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$pg_folder"
  pg_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$pg_password" >"$pg_folder/password")
  [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$pg_folder/password"
  as_postgres "$pg_bin/initdb" -D "$pg_folder/data" -U postgres --pwfile="$pg_folder/password" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_folder/initdb.log" 2>&1 || { tail -n 3 "$pg_folder/initdb.log" >&2; return 1; }
  for _ in 1 2 3; do
    pg_port="$(pg_free_port)" || break
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 -s \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start; then
      pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres;Pooling=true"
      return 0
    fi
  done
  tail -n 3 "$pg_folder/server.log" >&2
  return 1
}

stop_postgres() {
  [[ -n "$pg_folder" ]] || return 0
  if [[ -f "$pg_folder/data/postmaster.pid" ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -m immediate -w -t 30 -s stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_folder"
  pg_folder=""
}

# psql_run: psql on the throwaway server, reading its commands from stdin.
psql_run() {
  PGPASSWORD="$pg_password" psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"
}
