#!/usr/bin/env bash
# P1 page cost (bench/README.md): /meetings (30 rows, warm cache, signed in) against the app's trivial page /error and
# its floor /healthz, each under wrk with 16 connections, in one run. Prints and records the throughput ratios and
# p50/p99 of each. Goal: ratio >= 0.5 against the trivial page, /meetings p99 <= 25 ms.
# BENCH_PAGE_DURATION (default 20s) sets the length of each measured run.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

readonly duration="${BENCH_PAGE_DURATION:-20s}"
readonly connections=16

ensure_wrk
publish_app
results_header

start_app "$out_dir/pages-app.log"
sign_in "$app_url" || bench_fail "could not sign in to the app (log: $out_dir/pages-app.log)."

meetings_url="$app_url$meetings_path"
# The trivial page is /error: a Razor page of the same app that passes the same middleware (security headers, error
# handling, localization, routing, the cookie authentication that decrypts the session cookie) and renders the same
# layout (navigation, user name, the sign-out form with its antiforgery token), with one sentence for a body and no
# report. /healthz passes the same middleware and renders nothing: it is the pipeline's floor, and /meetings against
# it measures Razor rendering as much as the report. Static files are served before routing and authentication, so
# they would measure neither.
trivial_url="$app_url/error"
floor_url="$app_url/healthz"

# Warm up: the first request reads the period's months into the archive (202 with progress until they are in), then
# check each answers 200 to this session.
deadline=$((SECONDS + 120))
until [[ "$(http_status "$meetings_url")" == 200 ]]; do
  ((SECONDS < deadline)) || bench_fail "$meetings_path was not ready within 120 s (log: $out_dir/pages-app.log)."
  sleep 0.5
done
for _ in 1 2 3 4 5; do
  status="$(http_status "$meetings_url")"
  [[ "$status" == 200 ]] || bench_fail "$meetings_path answered HTTP $status to the signed-in session."
done
for url in "$trivial_url" "$floor_url"; do
  status="$(http_status "$url")"
  [[ "$status" == 200 ]] || bench_fail "${url#"$app_url"} answered HTTP $status."
done

# A short unrecorded run of each lets tiered compilation promote the hot paths before anything is measured.
for url in "$meetings_url" "$trivial_url" "$floor_url"; do
  run_wrk "$connections" 3s "$url" "$out_dir/pages-warmup.txt"
done

run_wrk "$connections" "$duration" "$floor_url" "$out_dir/pages-healthz.txt"
floor=("$wrk_rps" "$wrk_p50_ms" "$wrk_p99_ms" "$((wrk_failed + wrk_socket_errors))")
run_wrk "$connections" "$duration" "$trivial_url" "$out_dir/pages-error.txt"
trivial=("$wrk_rps" "$wrk_p50_ms" "$wrk_p99_ms" "$((wrk_failed + wrk_socket_errors))")
run_wrk "$connections" "$duration" "$meetings_url" "$out_dir/pages-meetings.txt"
meetings=("$wrk_rps" "$wrk_p50_ms" "$wrk_p99_ms" "$((wrk_failed + wrk_socket_errors))")

# wrk counts 4xx and 5xx itself (see lib/wrk-report.lua); a session that lapsed mid-run would show as redirects instead.
session="$(http_status "$meetings_url")"
stop_app "$app_pid"

ratio="$(awk -v a="${meetings[0]}" -v b="${trivial[0]}" 'BEGIN { printf "%.2f", a / b }')"
floor_ratio="$(awk -v a="${meetings[0]}" -v b="${floor[0]}" 'BEGIN { printf "%.2f", a / b }')"
errors=$((meetings[3] + trivial[3] + floor[3]))
record "P1 page cost ($connections connections, $duration each, wrk $wrk_threads threads):" \
  "/meetings ${meetings[0]} req/s, p50 ${meetings[1]} ms, p99 ${meetings[2]} ms;" \
  "/error (trivial page) ${trivial[0]} req/s, p50 ${trivial[1]} ms, p99 ${trivial[2]} ms;" \
  "/healthz (no page) ${floor[0]} req/s, p50 ${floor[1]} ms, p99 ${floor[2]} ms;" \
  "ratio to the trivial page $ratio (goal >= 0.5: $(verdict at_least "$ratio" 0.5)), to /healthz $floor_ratio;" \
  "/meetings p99 ${meetings[2]} ms (goal <= 25 ms: $(verdict at_most "${meetings[2]}" 25)); errors $errors"
((errors == 0)) || bench_fail "$errors requests failed (4xx, 5xx or socket errors); see bench/out/pages-*.txt."
[[ "$session" == 200 ]] || bench_fail "after the runs /meetings answered HTTP $session: the session did not hold."
