#!/usr/bin/env bash
# Where a page's cost goes (bench/README.md, "What we learned"): the same wrk run (16 connections, signed in, warm
# cache) on a ladder of pages that each add one thing to the one before: the middleware alone (/healthz), a redirect
# from a page model (/account/login while signed in), the layout (/error), the meetings form without a report (a bad
# date, 400), and the report at 10, 30 and 100 rows and over one or three month windows. Prints a table; records
# nothing. BENCH_LADDER_DURATION (default 5s) sets each run's length.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

readonly step_duration="${BENCH_LADDER_DURATION:-5s}"
readonly ladder=(
  "healthz|/healthz"
  "login-redirect|/account/login"
  "error-page|/error"
  "form-400|/meetings?from=not-a-date"
  "meetings-10|/meetings?from=2025-03-01&to=2025-05-31&page_size=10"
  "meetings-30|/meetings?from=2025-03-01&to=2025-05-31&page_size=30"
  "meetings-100|/meetings?from=2025-03-01&to=2025-05-31&page_size=100"
  "meetings-30-one-month|/meetings?from=2025-05-01&to=2025-05-31&page_size=30"
)

ensure_wrk
publish_app
start_app "$out_dir/ladder-app.log"
sign_in "$app_url" || bench_fail "could not sign in to the app (log: $out_dir/ladder-app.log)."

for rung in "${ladder[@]}"; do
  http_status "$app_url${rung#*|}" >/dev/null
  run_wrk 16 2s "$app_url${rung#*|}" "$out_dir/ladder-warmup.txt"
done

printf '%-24s %9s %9s %9s %9s %8s\n' page "req/s" "p50 ms" "p99 ms" bytes status
for rung in "${ladder[@]}"; do
  name="${rung%%|*}"
  url="$app_url${rung#*|}"
  read -r status bytes < <(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{size_download}\n' -H "Cookie: $auth_cookie" "$url")
  run_wrk 16 "$step_duration" "$url" "$out_dir/ladder-$name.txt"
  printf '%-24s %9s %9s %9s %9s %8s\n' "$name" "$wrk_rps" "$wrk_p50_ms" "$wrk_p99_ms" "$bytes" "$status"
done
stop_app "$app_pid"
