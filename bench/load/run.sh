#!/usr/bin/env bash
# Load (issue 6 §5, bench/README.md): 50 connections for 60 s on /meetings and then on /telephony, signed in, warm
# cache, against the published app on 127.0.0.1. Every response that is not 200 counts as an error (a redirect to
# sign-in, or an analytics page's 202 "still gathering" on what should be a warm cache), and so does every socket
# error or time-out. Goal: 0 errors; p50 and p99 reported. A page that answers 404 (not built yet) is skipped
# with a line that says so. BENCH_LOAD_DURATION (default 60s) and BENCH_LOAD_CONNECTIONS (default 50) change the run.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

readonly load_duration="${BENCH_LOAD_DURATION:-60s}"
readonly load_connections="${BENCH_LOAD_CONNECTIONS:-50}"
# The analytics page over the same three months as the meetings page; its parameters are those of the meetings report.
readonly telephony_path="${BENCH_TELEPHONY_PATH:-/telephony?from=2025-03-01&to=2025-05-31}"

ensure_wrk
publish_app
results_header

start_app "$out_dir/load-app.log"
sign_in "$app_url" || bench_fail "could not sign in to the app (log: $out_dir/load-app.log)."

# The response callback of the wrk script counts 3xx too (a lapsed session redirects to sign-in).
export BENCH_WRK_COUNT_STATUS=1
failures=0

load_page() {
  local name="$1" path="$2" status
  # Warm the cache: the first request reads the simulator. An analytics page answers 202 while it gathers the
  # period in the background; it is asked again until it answers with its report (for at most two minutes).
  local deadline=$((SECONDS + 120)) warmed=0
  while ((warmed < 3)); do
    status="$(http_status "$app_url$path")"
    if [[ "$status" == 200 ]]; then
      warmed=$((warmed + 1))
    elif [[ "$status" != 202 ]] || ((SECONDS >= deadline)); then
      break
    else
      sleep 0.5
    fi
  done
  if [[ "$status" == 404 ]]; then
    record "Load $name: skipped, ${path%%\?*} answers 404 (the page does not exist yet)"
    return 0
  fi
  if [[ "$status" != 200 ]]; then
    record "Load $name: ${path%%\?*} answered HTTP $status before the load (goal 0 errors: MISSED)"
    failures=$((failures + 1))
    return 0
  fi

  run_wrk "$load_connections" "$load_duration" "$app_url$path" "$out_dir/load-$name.txt"
  local errors=$((wrk_failed + wrk_socket_errors))
  record "Load $name ($load_connections connections, $load_duration, warm cache): $wrk_requests requests, $wrk_rps req/s," \
    "p50 $wrk_p50_ms ms, p99 $wrk_p99_ms ms; errors $errors ($wrk_failed not 200, $wrk_socket_errors socket errors or time-outs)" \
    "(goal 0: $(verdict test "$errors" -eq 0))"
  ((errors == 0)) || failures=$((failures + 1))
}

load_page meetings "$meetings_path"
load_page telephony "$telephony_path"

stop_app "$app_pid"
((failures == 0)) || bench_fail "$failures page(s) had errors under load; see bench/out/load-*.txt and bench/out/load-app.log."
