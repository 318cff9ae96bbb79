#!/usr/bin/env bash
# The archive's figures of issue 11 (bench/README.md, "Archive"), each measured in one run:
#   A1  /rooms, /telephony and /meetings (whose KPIs are the KPI service) over 24 months of demo data, warm archive,
#       p50 of the page against p50 of the same aggregate as one plain SQL statement on the same database (sqlite3 /
#       psql), on SQLite and on PostgreSQL. Goal: <= 2 x the statement and <= 150 ms.
#   A2  /meetings?q=... over the same 24 months. Goal: p50 <= 50 ms.
#   A3  the first fill of 13 months into an empty archive with 100 ms injected latency. Goal: <= 1.15 x
#       ceil(requests / MaxConcurrency) x 100 ms, and every page requested once.
#   A4  tenfold: A1's /rooms, /telephony and /meetings again with the simulator's meetings per room per day x 10
#       (Simulator:MeetingsPerRoomPerDay 30 against its default 3), after the same at 1 x in the same run. Goal: <= 1.5 s,
#       and the 10 x time over the 1 x time no more than the 10 x meetings over the 1 x meetings.
# Arguments: the parts to run (fill sqlite postgresql tenfold; default the first three). BENCH_ARCHIVE_RUNS (default
# 21) requests per page and statements per query; BENCH_TENFOLD_PROVIDERS (default "sqlite postgresql").
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
# shellcheck source=SCRIPTDIR/../lib/postgres.sh
source "$bench_dir/lib/postgres.sh"
trap 'stop_started_apps; stop_postgres' EXIT

readonly runs="${BENCH_ARCHIVE_RUNS:-21}"
parts=("$@")
((${#parts[@]} > 0)) || parts=(fill sqlite postgresql)

# The simulator's calendar ends today, so the synchroniser's months (up to today) hold meetings.
today="$(date -u +%F)"
this_month="$(date -u +%Y-%m-01)"
since24="$(date -u -d "$this_month -24 months" +%F)"
until24="$(date -u -d "$this_month -1 day" +%F)"
since13="$(date -u -d "$this_month -12 months" +%F)"
readonly today this_month since24 until24 since13
readonly from_ts="$since24 00:00:00" until_ts="$this_month 00:00:00"
readonly period="from=$since24&to=$until24"

# cpu_seconds PID: user + system CPU time the process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# archive_windows: "month state records" per window of /archive.
archive_windows() {
  curl -sS --max-time 30 -H "Cookie: $auth_cookie" "$app_url/archive" | tr '\n' ' ' \
    | grep -o '<tr data-testid="archive-window"[^>]*>' \
    | sed -E 's/.*data-month="([^"]*)".*data-state="([^"]*)".*data-records="([^"]*)".*/\1 \2 \3/'
}

upstream_requests() {
  curl -sS --max-time 30 -H "Cookie: $auth_cookie" "$app_url/archive" \
    | sed -n 's/.*data-testid="upstream-requests" data-value="\([0-9]*\)".*/\1/p' | head -n 1
}

# wait_synced COUNT SECONDS: until /archive shows at least COUNT windows, all synced.
wait_synced() {
  local want="$1" deadline=$((SECONDS + $2)) rows synced
  while :; do
    rows="$(archive_windows || true)"
    synced="$(grep -c ' synced ' <<<"$rows" || true)"
    if ((synced >= want)) && ! grep -qv ' synced ' <<<"$rows"; then
      return 0
    fi
    ((SECONDS < deadline)) || { echo "$rows" >&2; bench_fail "the archive did not show $want synced months within $2 s."; }
    sleep 0.2
  done
}

# jit_seconds: the seconds the app's JIT has spent compiling since it started (the runtime's own counter on /metrics).
jit_seconds() {
  curl -sS --max-time 30 "$app_url/metrics" | awk '/^system_runtime_dotnet_jit_compilation_time / { print $2; found = 1 } END { if (!found) print "nan" }'
}

# warm_up URL_OF: asks URL_OF's URLs (`URL_OF n` prints the n-th) until four rounds of five requests in a row each
# compiled under 20 ms of code (the runtime's tiered compilation settled on the page's code), or 600 requests. A page's
# methods are compiled again as they grow hot, in bursts, on the tiering thread that shares the two cores with the
# requests: on 2026-12-06 /rooms over 24 months compiled 0.6-1.5 s of code per ten requests for its first 130
# requests, so a p50 taken after three requests timed the compiler as much as the page. Sets warm_requests.
warm_up() {
  local url_of="$1" before after quiet=0
  warm_requests=0
  while ((warm_requests < 600 && quiet < 4)); do
    before="$(jit_seconds)"
    for _ in 1 2 3 4 5; do
      warm_requests=$((warm_requests + 1))
      curl -sS --max-time 60 -o /dev/null -H "Cookie: $auth_cookie" "$("$url_of" "$warm_requests")"
    done
    after="$(jit_seconds)"
    if awk -v a="$after" -v b="$before" 'BEGIN { exit !(a - b < 0.02) }'; then
      quiet=$((quiet + 1))
    else
      quiet=0
    fi
  done
}

# page_p50 PATH: p50 in ms of RUNS sequential signed-in GETs (curl's time_total on 127.0.0.1), after the app is warm
# (warm_up).
page_p50() {
  local url="$app_url$1" status
  status="$(http_status "$url")"
  [[ "$status" == 200 ]] || bench_fail "$1 answered HTTP $status on a warm archive."
  same_url() { echo "$url"; }
  warm_up same_url
  echo "bench: $1 warm after $warm_requests requests" >&2
  echo "${1%%\?*} $warm_requests" >>"$warm_log"
  for _ in $(seq 1 "$runs"); do
    curl -sS --max-time 60 -o /dev/null -w '%{time_total}\n' -H "Cookie: $auth_cookie" "$url"
  done | awk '{ print $1 * 1000 }' | median
}

# kpi_p50: p50 in ms of /meetings over the 24 months with the KPIs counted by every request: /meetings keeps a
# period's KPIs while its months' copies are unchanged, so request i asks the period that ends i days earlier (the
# same months, a key of its own; a day fewer of 730 is the same work within noise).
# Its warm-up asks periods of its own (each a day shorter at either end, from 40 days before the end on), so that each
# counts the KPIs too.
kpi_p50() {
  local to
  earlier_period() { echo "$app_url/meetings?from=$(date -u -d "$since24 +$(($1 / 2)) days" +%F)&to=$(date -u -d "$until24 -$((40 + ($1 + 1) / 2)) days" +%F)"; }
  warm_up earlier_period
  echo "bench: /meetings with its KPIs warm after $warm_requests requests" >&2
  echo "/meetings+KPIs $warm_requests" >>"$warm_log"
  for i in $(seq 1 "$runs"); do
    to="$(date -u -d "$until24 -$((i - 1)) days" +%F)"
    curl -sS --max-time 60 -o /dev/null -w '%{time_total}\n' -H "Cookie: $auth_cookie" "$app_url/meetings?from=$since24&to=$to"
  done | awk '{ print $1 * 1000 }' | median
}

# The aggregates, one statement each, written the way a person would write them by hand. $day is the provider's
# "date of a timestamp"; both databases store the service's wall-clock times, compared as the app compares them.
# The names come from the participant rows (NAMES "rows", the default: the statements the goal was set against) or from
# room_day_names (NAMES "day_names": the distinct start day, room and name that the synchroniser writes with each month,
# which the app reads since 2026-12-06, as a person would write the statement on today's schema). The lines record the
# pages against both; the goal's verdict stays on "rows".

# names_sql NAMES SELECTION: SELECTION (of host_id and name) over the participants of the period's meetings.
names_sql() {
  if [[ "$1" == day_names ]]; then
    echo "SELECT $2 FROM room_day_names WHERE day >= '${from_ts%% *}' AND day < '${until_ts%% *}'"
  else
    echo "SELECT $2 FROM participant_sessions p JOIN meetings n ON n.uuid = p.meeting_uuid
    WHERE n.start_time >= '$from_ts' AND n.start_time < '$until_ts'"
  fi
}
kpi_sql() {
  cat <<SQL
SELECT count(*), sum(CASE WHEN end_time IS NULL THEN 1 ELSE 0 END), sum(scheduled_minutes), sum(coalesce(actual_minutes, 0)),
  sum(participant_rows), sum(distinct_participants), sum(CASE WHEN is_extra THEN 1 ELSE 0 END), sum(phone_calls),
  sum(phone_minutes), sum(phone_cost),
  ($(names_sql "${1:-rows}" "count(DISTINCT name)"))
FROM meetings WHERE start_time >= '$from_ts' AND start_time < '$until_ts';
SQL
}
# /rooms shows each room's sums and distinct names and, in its totals row, the names counted once across rooms: the
# distinct (room, name) pairs once, then counted both ways (a correlated count per room reads the participant rows
# once per room, which PostgreSQL plans badly; this form is the faster one on both databases).
rooms_sql() {
  cat <<SQL
WITH names AS ($(names_sql "${1:-rows}" "DISTINCT host_id, name"))
SELECT m.host_id, count(*), sum(CASE WHEN m.end_time IS NULL THEN 1 ELSE 0 END), sum(m.scheduled_minutes),
  sum(coalesce(m.actual_minutes, 0)), sum(m.participant_rows), sum(m.distinct_participants),
  sum(CASE WHEN m.is_extra THEN 1 ELSE 0 END), sum(m.phone_calls), sum(m.phone_minutes), sum(m.phone_cost),
  (SELECT count(*) FROM names WHERE names.host_id = m.host_id)
FROM meetings m WHERE m.start_time >= '$from_ts' AND m.start_time < '$until_ts' GROUP BY m.host_id
UNION ALL
SELECT NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (SELECT count(DISTINCT name) FROM names);
SQL
}
# /telephony: the legs grouped by day, type, room and number (every table and chart of the page is a sum of these
# groups), and each room's meetings, calls or none (its room table counts them).
telephony_sql() {
  local day="$1"
  cat <<SQL
SELECT $day, l.type, m.host_id, l.phone_number, count(*), sum(l.minutes), sum(l.cost)
FROM telephony_legs l JOIN meetings m ON m.uuid = l.meeting_uuid
WHERE m.start_time >= '$from_ts' AND m.start_time < '$until_ts' GROUP BY 1, 2, 3, 4
UNION ALL
SELECT NULL, NULL, m.host_id, NULL, count(*), 0, 0 FROM meetings m
WHERE m.start_time >= '$from_ts' AND m.start_time < '$until_ts' GROUP BY m.host_id;
SQL
}

# sql_p50 PROVIDER SQL: p50 in ms of RUNS runs of SQL in one sqlite3 / psql session (the client's own timer, results
# read and discarded), after 3 unrecorded runs.
sql_p50() {
  local provider="$1" sql="$2"
  if [[ "$provider" == sqlite ]]; then
    {
      echo ".output /dev/null"
      for _ in 1 2 3; do echo "$sql"; done
      echo ".timer on"
      for _ in $(seq 1 "$runs"); do echo "$sql"; done
    } | sqlite3 "$archive_file" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | awk '{ print $1 * 1000 }' | median
  else
    {
      echo '\o /dev/null'
      for _ in 1 2 3; do echo "$sql"; done
      echo '\timing on'
      for _ in $(seq 1 "$runs"); do echo "$sql"; done
    } | psql_run 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
  fi
}

# goal_line NAME PAGE STATEMENT [ROLLUP_STATEMENT]: the page against the statement (the goal), and against the same
# aggregate over room_day_names when given.
goal_line() {
  local name="$1" page="$2" statement="$3" rollup="${4:-}" ratio also=""
  ratio="$(awk -v a="$page" -v b="$statement" 'BEGIN { printf "%.2f", a / b }')"
  if [[ -n "$rollup" ]]; then
    also=" (against the same with its names from room_day_names, $rollup ms: $(awk -v a="$page" -v b="$rollup" 'BEGIN { printf "%.2f", a / b }') ×)"
  fi
  echo "$name p50 $page ms against the plain statement's $statement ms = $ratio ×$also (goal <= 2 ×: $(verdict at_most "$ratio" 2)), (goal <= 150 ms: $(verdict at_most "$page" 150))"
}

# measure PROVIDER PER_DAY: fills a 24-month archive of the provider with PER_DAY meetings per room per weekday and
# times the pages and statements of A1 and A2 on it. Sets m_data (meetings/participant rows/telephony legs), m_meetings,
# m_fill_s, m_fill_cpu, m_q, and p50s m_rooms_page m_rooms_stmt m_rooms_rollup m_tel_page m_tel_stmt m_meet_page
# m_kpi_stmt m_kpi_rollup m_q_page.
measure() {
  local provider="$1" per_day="$2" day q_enc
  local -a db_args
  if [[ "$provider" == sqlite ]]; then
    archive_file="$out_dir/archive-bench-24.db"
    rm -f "$archive_file" "$archive_file-wal" "$archive_file-shm"
    db_args=(--ConnectionStrings:Archive="Data Source=$archive_file")
    day="substr(m.start_time, 1, 10)"
  else
    start_postgres || bench_fail "could not start a throwaway PostgreSQL server."
    db_args=(--Archive:Provider=PostgreSQL --ConnectionStrings:Archive="$pg_connection")
    day="CAST(m.start_time AS date)"
  fi
  local started=$SECONDS
  warm_log="$out_dir/archive-$provider-$per_day-warm-ups.txt"
  : >"$warm_log"
  # 24 months of demo data (12 rooms), filled by the schedule before any timing; RequestsPerSecond 200 so the fill is
  # quick (the politeness limit is not what this measures).
  # The simulator generates its whole account as it starts: at 10 x that takes minutes on a busy machine.
  BENCH_APP_START_SECONDS=$((per_day > 3 ? 900 : 60)) start_app "$out_dir/archive-$provider-$per_day-app.log" --Simulator:Today="$today" --Simulator:Days=760 \
    --Simulator:MeetingsPerRoomPerDay="$per_day" \
    --Archive:Schedule=true --Archive:Since="$since24" --UMeeting:RequestsPerSecond=200 "${db_args[@]}"
  sign_in "$app_url" || bench_fail "could not sign in (log: $out_dir/archive-$provider-$per_day-app.log)."
  wait_synced 25 $((per_day > 3 ? 5400 : 600))
  m_fill_s=$((SECONDS - started))
  m_fill_cpu="$(cpu_seconds "$app_pid")"
  local counts="SELECT count(*) FROM meetings WHERE start_time >= '$from_ts' AND start_time < '$until_ts'; SELECT count(*) FROM participant_sessions; SELECT count(*) FROM telephony_legs;"
  if [[ "$provider" == sqlite ]]; then
    m_data="$(sqlite3 "$archive_file" "$counts" | paste -sd/)"
    m_q="$(sqlite3 "$archive_file" "SELECT substr(topic, 1, 4) FROM meetings ORDER BY uuid LIMIT 1")"
  else
    m_data="$(psql_run -At -c "$counts" | paste -sd/)"
    m_q="$(psql_run -At -c "SELECT substr(topic, 1, 4) FROM meetings ORDER BY uuid LIMIT 1")"
  fi
  m_meetings="${m_data%%/*}"
  echo "bench: $provider archive at $per_day meetings per room per day filled in ${m_fill_s} s: meetings in the period/participant rows/telephony legs $m_data"

  m_rooms_page="$(page_p50 "/rooms?$period")"
  m_rooms_stmt="$(sql_p50 "$provider" "$(rooms_sql)")"
  m_rooms_rollup="$(sql_p50 "$provider" "$(rooms_sql day_names)")"
  m_tel_page="$(page_p50 "/telephony?$period")"
  m_tel_stmt="$(sql_p50 "$provider" "$(telephony_sql "$day")")"
  m_meet_page="$(kpi_p50)"
  m_kpi_stmt="$(sql_p50 "$provider" "$(kpi_sql)")"
  m_kpi_rollup="$(sql_p50 "$provider" "$(kpi_sql day_names)")"
  q_enc="$(jq -rn --arg q "$m_q" '$q | @uri' 2>/dev/null || python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$m_q")"
  m_q_page="$(page_p50 "/meetings?$period&q=$q_enc")"
  stop_app "$app_pid"
  [[ "$provider" == sqlite ]] || stop_postgres
}

# reports PROVIDER: A1 and A2 on a 24-month archive of the given provider.
reports() {
  local provider="$1"
  measure "$provider" 3
  record "A1 $provider, 24 months warm ($m_data meetings in the period/participant rows/telephony legs; filled in $m_fill_s s using $m_fill_cpu s of CPU; p50 of $runs sequential requests, curl's time_total on 127.0.0.1, after warm-up requests until four rounds of five in a row each compiled under 20 ms of code: $(awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }' "$warm_log")):" \
    "$(goal_line /rooms "$m_rooms_page" "$m_rooms_stmt" "$m_rooms_rollup");" \
    "$(goal_line /telephony "$m_tel_page" "$m_tel_stmt");" \
    "$(goal_line "/meetings (first page and KPIs, KPIs counted by each request)" "$m_meet_page" "$m_kpi_stmt" "$m_kpi_rollup")"
  record "A2 $provider /meetings?q=$m_q over 24 months: p50 $m_q_page ms (goal <= 50 ms: $(verdict at_most "$m_q_page" 50))"
  one_fold[$provider]="$m_rooms_page $m_tel_page $m_meet_page $m_meetings $m_data"
}

# The 1 x figures of each provider measured by this run's A1, which tenfold compares with rather than filling again.
declare -A one_fold=()

# tenfold_line NAME PAGE_1X PAGE_10X DATA_RATIO: the 10 x page against 1.5 s and its growth against the data's.
tenfold_line() {
  local growth
  growth="$(awk -v a="$3" -v b="$2" 'BEGIN { printf "%.2f", a / b }')"
  echo "$1 p50 $3 ms at 10 × against $2 ms at 1 × = $growth × for $4 × the meetings (goal <= 1.5 s: $(verdict at_most "$3" 1500)), (goal growth <= data: $(verdict at_most "$growth" "$4"))"
}

# tenfold PROVIDER: A1 at the simulator's default 3 meetings per room per weekday (this run's A1 when it ran), then at 30.
tenfold() {
  local provider="$1" rooms1 tel1 meet1 meetings1 data1 ratio
  if [[ -z "${one_fold[$provider]:-}" ]]; then
    measure "$provider" 3
    one_fold[$provider]="$m_rooms_page $m_tel_page $m_meet_page $m_meetings $m_data"
  fi
  read -r rooms1 tel1 meet1 meetings1 data1 <<<"${one_fold[$provider]}"
  measure "$provider" 30
  ratio="$(awk -v a="$m_meetings" -v b="$meetings1" 'BEGIN { printf "%.2f", a / b }')"
  record "A4 $provider tenfold, 24 months warm (Simulator:MeetingsPerRoomPerDay 30 against 3: $m_data against $data1 meetings in the period/participant rows/telephony legs, $ratio × the meetings; the 10 × archive filled in $m_fill_s s; p50 of $runs sequential requests):" \
    "$(tenfold_line /rooms "$rooms1" "$m_rooms_page" "$ratio") (its statement at 10 ×: $m_rooms_stmt ms);" \
    "$(tenfold_line /telephony "$tel1" "$m_tel_page" "$ratio") (its statement at 10 ×: $m_tel_stmt ms);" \
    "$(tenfold_line "/meetings (first page and KPIs)" "$meet1" "$m_meet_page" "$ratio") (its statement at 10 ×: $m_kpi_stmt ms)"
}

# span_ms FROM TO: milliseconds between two HH:MM:SS.mmm times of one day.
span_ms() {
  awk -v s="$1" -v e="$2" 'function ms(t, a) { split(t, a, ":"); return (a[1] * 3600 + a[2] * 60 + a[3]) * 1000 } BEGIN { printf "%.0f", ms(e) - ms(s) }'
}

# A3: the first fill of 13 months with 100 ms injected latency. Timed from the migrator's line ("was created" on the
# empty archive; the schedule starts after it) to the last month's "Archived" line, by the app's own log timestamps.
fill() {
  local log="$out_dir/archive-fill-app.log" concurrency=4 latency=100 rows requests minimum launch start schedule end wall whole fill_only limit ratio fill_ratio
  # The launch, on the same UTC clock as the log's timestamps: the span from it adds the runtime's start, the
  # migration and, in demo mode, the simulator generating its account, which the fill itself does not pay.
  launch="$(date -u +%H:%M:%S.%3N)"
  start_app "$log" --Simulator:Today="$today" --Simulator:LatencyMilliseconds=$latency \
    --Archive:Schedule=true --Archive:Since="$since13" --UMeeting:MaxConcurrency=$concurrency --UMeeting:RequestsPerSecond=200 \
    --Logging:LogLevel:UMeetingReports.Core.Archive=Information \
    --Logging:Console:FormatterName=simple --Logging:Console:FormatterOptions:TimestampFormat="HH:mm:ss.fff " \
    --Logging:Console:FormatterOptions:UseUtcTimestamp=true
  # The app's log says when the 13th month is in: the bench asks nothing of the app while it fills (signing in, and
  # /archive every 0.2 s, rendered pages on the same 2 cores inside the timed span until 2026-12-06), and checks the
  # months on /archive afterwards. BENCH_FILL_POLL=1 waits as before, by asking /archive throughout.
  local cpu deadline=$((SECONDS + 300))
  if [[ "${BENCH_FILL_POLL:-}" == 1 ]]; then
    sign_in "$app_url" || bench_fail "could not sign in (log: $log)."
    wait_synced 13 300
    cpu="$(cpu_seconds "$app_pid")"
  else
    until (($(grep -c 'Archived ' "$log" || true) >= 13)); do
      kill -0 "$app_pid" 2>/dev/null || bench_fail "the app stopped during the fill (log: $log)."
      ((SECONDS < deadline)) || bench_fail "the log did not show 13 archived months within 300 s (log: $log)."
      sleep 0.05
    done
    cpu="$(cpu_seconds "$app_pid")"
    sign_in "$app_url" || bench_fail "could not sign in (log: $log)."
    wait_synced 13 30
  fi
  rows="$(archive_windows)"
  requests="$(upstream_requests)"
  # The fewest detail requests: every month's records in pages of 300, an empty month one request.
  minimum="$(awk '{ n = int(($3 + 299) / 300); if (n < 1) n = 1; s += n } END { print s }' <<<"$rows")"
  start="$(grep -m1 -E 'is up to date|was upgraded|was created' -B1 "$log" | grep -o '^[0-9:.]*' | head -n 1)"
  # The schedule starts once the app serves (in demo mode the meeting service is the app itself): the fill proper.
  schedule="$(grep -m1 "runs the archive's schedule" -B1 "$log" | grep -o '^[0-9:.]*' | head -n 1)"
  end="$(grep 'Archived ' -B1 "$log" | grep -o '^[0-9:.]*' | tail -n 1)"
  wall="$(span_ms "$start" "$end")"
  whole="$(span_ms "$launch" "$end")"
  fill_only="$(span_ms "$schedule" "$end")"
  limit=$(( (requests + concurrency - 1) / concurrency * latency ))
  ratio="$(awk -v a="$wall" -v b="$limit" 'BEGIN { printf "%.2f", a / b }')"
  fill_ratio="$(awk -v a="$fill_only" -v b="$limit" 'BEGIN { printf "%.2f", a / b }')"
  # The months as they were written: the first after the schedule's start, then the spacing of the rest (the one
  # writer's cadence, which paced the fill in bench/README.md, "The first fill's calls on the wire").
  local first_month spacing
  first_month="$(span_ms "$schedule" "$(grep -m1 'Archived ' -B1 "$log" | grep -o '^[0-9:.]*' | head -n 1)")"
  spacing="$(grep 'Archived ' -B1 "$log" | grep -o '^[0-9:.]*' \
    | awk 'function ms(t, a) { split(t, a, ":"); return (a[1] * 3600 + a[2] * 60 + a[3]) * 1000 }
        NR > 1 { printf "%.0f\n", ms($1) - last } { last = ms($1) }' | sort -g \
    | awk '{ d[NR] = $1 } END { printf "median %.0f ms, %.0f-%.0f ms", (NR % 2) ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2, d[1], d[NR] }')"
  record "A3 first fill of 13 months (empty SQLite archive, 100 ms latency, MaxConcurrency $concurrency, RequestsPerSecond 200, Archive:ConcurrentWindows default; $([[ "${BENCH_FILL_POLL:-}" == 1 ]] && echo "signed in and /archive asked every 0.2 s during the fill" || echo "nothing asked of the app during the fill")):" \
    "$wall ms = $ratio × limit $limit ms for $requests upstream requests (goal <= 1.15 ×: $(verdict at_most "$ratio" 1.15));" \
    "requests $requests against $minimum detail pages of the 13 months (the rest: room list) (goal every page once: $(verdict at_most "$requests" $((minimum + 2))));" \
    "the process used $cpu s of CPU from its start to the last month in, and took $whole ms from its launch (before the migrator: the runtime's start, the migration, the demo simulator's account);" \
    "from the schedule's start, once the app serves, $fill_only ms = $fill_ratio × (information: timed from the migrator's line the goal cannot be met in demo mode, where the host's start, $(span_ms "$start" "$schedule") ms here, comes before $limit ms of waiting);" \
    "the first month written $first_month ms after the schedule's start, the next twelve apart by $spacing"
  stop_app "$app_pid"
}

ensure_wrk
publish_app
results_header
for part in "${parts[@]}"; do
  case "$part" in
    fill) fill ;;
    sqlite | postgresql) reports "$part" ;;
    tenfold) for provider in ${BENCH_TENFOLD_PROVIDERS:-sqlite postgresql}; do tenfold "$provider"; done ;;
    *) bench_fail "unknown part $part (fill, sqlite, postgresql, tenfold)" ;;
  esac
done
