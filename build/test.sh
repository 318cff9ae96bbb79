#!/usr/bin/env bash
# Runs every test of the solution: the core tests and the browser tests (Playwright driving Debian's chromium).
# Installs chromium when /usr/bin/chromium is missing, and Debian's postgresql when it is missing: the archive's tests
# run against a throwaway PostgreSQL server started here and stopped at exit. Ends, whatever happened, with one plain line:
#   N passed, N failed, N skipped
# and exits non-zero when a test failed or the run itself broke (build error, crashed or hung test process).
# Extra arguments go to `dotnet test`, e.g. ./build/test.sh --filter-method "*Sign*".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

readonly chromium=/usr/bin/chromium
readonly results="$root/TestResults/test-sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

in_ci() {
  case "${CI:-}" in
    [Tt][Rr][Uu][Ee] | 1) return 0 ;;
    *) return 1 ;;
  esac
}

# Sums the xUnit.net XML reports, one per test project, into the closing line.
print_summary() {
  local passed=0 failed=0 skipped=0 report tag
  shopt -s nullglob
  for report in "$results"/*.xml; do
    while read -r tag; do
      passed=$((passed + $(count_of passed "$tag")))
      # "errors" are failures outside a test (a fixture that threw, a cleanup that failed): they fail the run too.
      failed=$((failed + $(count_of failed "$tag") + $(count_of errors "$tag")))
      skipped=$((skipped + $(count_of skipped "$tag")))
    done < <(grep -o '<assembly [^>]*>' "$report" || true)
  done
  shopt -u nullglob
  echo "$passed passed, $failed failed, $skipped skipped"
}

# The number in attribute $1 of the XML start tag $2, or 0 when absent.
count_of() {
  local value
  value="$(sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$2")"
  echo "${value:-0}"
}

# Names each failed test with the first lines of its message, so that the tail of a log says what broke.
print_failures() {
  local report
  shopt -s nullglob
  for report in "$results"/*.xml; do
    python3 - "$report" <<'PY' 2>/dev/null || grep -o '<test [^>]*result="Fail"' "$report" | sed -E 's/.* name="([^"]*)".*/FAILED \1/' || true
import sys, xml.etree.ElementTree as tree
for test in tree.parse(sys.argv[1]).iter("test"):
    if test.get("result") == "Fail":
        message = (test.findtext("failure/message") or "").strip().splitlines()
        print("FAILED " + test.get("name", "?"))
        for line in message[:6]:
            print("    " + line)
PY
  done
  shopt -u nullglob
}

on_exit() {
  local status=$?
  trap - EXIT
  stop_postgres
  echo
  print_failures
  print_summary
  exit "$status"
}
trap on_exit EXIT
# A signal ends the script through on_exit too, so the throwaway PostgreSQL server never outlives it.
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "test.sh: $*" >&2
  exit 1
}

# Sets install_failure to a reason when chromium cannot be installed.
install_failure=""
install_chromium() {
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { install_failure="not root and sudo is not installed"; return 1; }
    as_root=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || { install_failure="apt-get is not available"; return 1; }
  echo "test.sh: $chromium is missing; installing Debian's chromium with apt-get for the browser tests..."
  "${as_root[@]}" apt-get update -qq || { install_failure="apt-get update failed"; return 1; }
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || { install_failure="apt-get install chromium failed"; return 1; }
  [[ -x "$chromium" ]] || { install_failure="the chromium package did not provide $chromium"; return 1; }
}

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is not on PATH; install .NET SDK 10 first."
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH; the build restores the browser libraries with npm: install Node.js with npm first."

if [[ ! -x "$chromium" ]] && ! install_chromium; then
  in_ci && fail "chromium could not be installed ($install_failure), and in CI the browser tests must run."
  echo "test.sh: chromium could not be installed ($install_failure); the browser tests will be skipped." >&2
fi

# The archive's tests run against SQLite and against a throwaway PostgreSQL server from Debian's postgresql package:
# installed when missing, started in a temporary folder on a free port of 127.0.0.1 with a random password, and
# stopped and removed at exit whatever happens (on_exit). The tests find it through UMEETING_TEST_POSTGRES.
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
    command -v sudo >/dev/null 2>&1 || { install_failure="not root and sudo is not installed"; return 1; }
    as_root=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || { install_failure="apt-get is not available"; return 1; }
  echo "test.sh: PostgreSQL is missing; installing Debian's postgresql with apt-get for the archive tests..."
  "${as_root[@]}" apt-get update -qq || { install_failure="apt-get update failed"; return 1; }
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || { install_failure="apt-get install postgresql failed"; return 1; }
  postgres_bin || { install_failure="the postgresql package did not provide /usr/lib/postgresql/*/bin/pg_ctl"; return 1; }
}

# Runs a server command as the postgres user when this script runs as root (the server refuses to run as root).
as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
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
  local started port password
  started=$(date +%s%N)
  pg_folder="$(mktemp -d "${TMPDIR:-/tmp}/umeeting-postgres.XXXXXX")"
  [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$pg_folder"
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$password" >"$pg_folder/password")
  [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$pg_folder/password"
  as_postgres "$pg_bin/initdb" -D "$pg_folder/data" -U postgres --pwfile="$pg_folder/password" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_folder/initdb.log" 2>&1 \
    || { install_failure="initdb failed: $(tail -n 3 "$pg_folder/initdb.log" | tr '\n' ' ')"; return 1; }
  for _ in 1 2 3; do
    port="$(free_port)" || break
    # A throwaway server: durability switched off, so the archive tests are not slowed by fsync.
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 -s \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start; then
      export UMEETING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Pooling=true"
      echo "test.sh: PostgreSQL $(basename "$(dirname "$pg_bin")") started on 127.0.0.1:$port in $(( ($(date +%s%N) - started) / 1000000 )) ms for the archive tests."
      return 0
    fi
  done
  install_failure="the server did not start: $(tail -n 3 "$pg_folder/server.log" 2>/dev/null | tr '\n' ' ')"
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

install_failure=""
if { postgres_bin || install_postgres; } && start_postgres; then
  :
else
  stop_postgres
  in_ci && fail "PostgreSQL could not be started ($install_failure), and in CI the archive's PostgreSQL tests must run."
  echo "test.sh: PostgreSQL could not be started ($install_failure); the archive's PostgreSQL tests will be skipped." >&2
fi

rm -rf "$results"
mkdir -p "$results"

# --timeout asks a hung test run to stop; a test that ignores the request would keep its process alive, so the whole
# command is also killed (with every process it started) a minute later. A missing report then shows the run broke.
# One test project at a time: the browser tests and the core tests each load both cores on their own.
readonly run_limit=12m hard_limit=13m
options=(--results-directory "$results" --report-xunit-xml --timeout "$run_limit" --max-parallel-test-modules 1)
# A filter given on the command line may leave a whole project without a test to run (exit code 8): not a failure then.
# Without arguments (CI) every project must run tests.
if [[ $# -gt 0 ]]; then
  options+=(--ignore-exit-code 8)
fi

set +e
timeout --kill-after=30s "$hard_limit" dotnet test --solution UMeetingReports.sln "${options[@]}" "$@"
status=$?
set -e
if [[ $status -eq 124 || $status -eq 137 ]]; then
  echo "test.sh: the tests did not finish within $hard_limit and were stopped; a test hangs." >&2
fi

# Every test project must have reported: a project whose process crashed or hung leaves no report behind.
shopt -s nullglob
reports=("$results"/*.xml)
shopt -u nullglob
projects=(tests/*/*.csproj)
if [[ $status -eq 0 && ${#reports[@]} -lt ${#projects[@]} ]]; then
  echo "test.sh: ${#projects[@]} test projects but only ${#reports[@]} reports in $results; the run broke." >&2
  status=1
fi
exit "$status"
