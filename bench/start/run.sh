#!/usr/bin/env bash
# P4 start (bench/README.md): from starting the published app's process to the first /meetings page served to a
# signed-in user on a cold cache. Each start: launch `dotnet UMeetingReports.Web.dll`, wait until it listens (its
# "ready at" line), poll the sign-in page until it answers 200, sign in, and time the first /meetings 200.
# Reports the median of BENCH_START_RUNS (default 5) starts, and where the time went. Goal: <= 3 s.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

readonly runs="${BENCH_START_RUNS:-5}"

now_ms() {
  local nanoseconds
  nanoseconds="$(date +%s%N)"
  echo $((nanoseconds / 1000000))
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ value[NR] = $1 } END { print (NR % 2) ? value[(NR + 1) / 2] : int((value[NR / 2] + value[NR / 2 + 1]) / 2) }'
}

publish_app
results_header

totals=() listening=() login=() signed=() firsts=()
for run in $(seq 1 "$runs"); do
  started="$(now_ms)"
  start_app "$out_dir/start-app-$run.log"
  listened="$(now_ms)"

  deadline=$((SECONDS + 30))
  login_status=000
  until [[ "$login_status" == 200 ]]; do
    ((SECONDS < deadline)) \
      || bench_fail "the sign-in page did not answer 200 within 30 s, last HTTP $login_status (log: $out_dir/start-app-$run.log)."
    login_status="$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$app_url/account/login" || true)"
    [[ "$login_status" == 200 ]] || sleep 0.01
  done
  answered="$(now_ms)"

  sign_in "$app_url" || bench_fail "could not sign in (log: $out_dir/start-app-$run.log)."
  signed_in="$(now_ms)"

  status="$(http_status "$app_url$meetings_path")"
  served="$(now_ms)"
  [[ "$status" == 200 ]] || bench_fail "the first $meetings_path answered HTTP $status (log: $out_dir/start-app-$run.log)."
  stop_app "$app_pid"

  totals+=($((served - started)))
  listening+=($((listened - started)))
  login+=($((answered - listened)))
  signed+=($((signed_in - answered)))
  firsts+=($((served - signed_in)))
  echo "start $run: ${totals[-1]} ms (listening ${listening[-1]} ms, sign-in page ${login[-1]} ms, signing in ${signed[-1]} ms, first /meetings ${firsts[-1]} ms)"
done

total="$(median "${totals[@]}")"
record "P4 start (median of $runs): $total ms from process start to the first /meetings served, cold cache" \
  "(goal <= 3000 ms: $(verdict test "$total" -le 3000)); medians: listening $(median "${listening[@]}") ms," \
  "sign-in page $(median "${login[@]}") ms, signing in $(median "${signed[@]}") ms, first /meetings $(median "${firsts[@]}") ms;" \
  "all starts: ${totals[*]} ms"
