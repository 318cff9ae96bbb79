#!/usr/bin/env bash
# A4's memory figure (bench/README.md, "Memory"): the app's resident set after BENCH_MEMORY_DURATION (60 s) of
# BENCH_MEMORY_CLIENTS (16) signed-in clients each asking a random past period of the archive on every report
# (/meetings, /participants, /telephony, /rooms, and /meeting for a random record), then after BENCH_MEMORY_IDLE
# (60 s) without requests. Goal: RSS <= 400 MiB at the end of the load and again once idle. The archive (13 months of
# demo data, SQLite) is filled by the schedule before the load starts. RSS is VmRSS of /proc/PID/status, sampled
# every second; the peak is VmHWM. The app ships with the workstation GC (src/Web/Web.csproj);
# BENCH_MEMORY_GC=server runs it with ASP.NET Core's usual server GC (DOTNET_gcServer=1) to show what that collector's
# own reserve costs.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

readonly duration="${BENCH_MEMORY_DURATION:-60}"
readonly clients="${BENCH_MEMORY_CLIENTS:-16}"
readonly idle="${BENCH_MEMORY_IDLE:-60}"
readonly limit_mib=400
readonly gc_mode="${BENCH_MEMORY_GC:-workstation}"
case "$gc_mode" in
  workstation) ;;
  server) export DOTNET_gcServer=1 ;;
  *) bench_fail "BENCH_MEMORY_GC is server or workstation, not $gc_mode." ;;
esac

# The simulator's calendar ends today, so that the archive's months (which end today) hold meetings.
today="$(date -u +%F)"
this_month="$(date -u +%Y-%m-01)"
since13="$(date -u -d "$this_month -12 months" +%F)"
readonly today this_month since13
archive_file="$out_dir/archive-memory.db"
readonly archive_file

# status_kib PID FIELD: a field of /proc/PID/status in KiB (VmRSS, VmHWM).
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# wait_filled SECONDS: until /archive shows 13 month windows, every one synced.
wait_filled() {
  local deadline=$((SECONDS + $1)) rows
  while :; do
    rows="$(curl -sS --max-time 30 -H "Cookie: $auth_cookie" "$app_url/archive" | tr '\n' ' ' \
      | grep -o '<tr data-testid="archive-window"[^>]*>' | grep -o 'data-state="[^"]*"' || true)"
    if (($(grep -c synced <<<"$rows" || true) >= 13)) && ! grep -qv synced <<<"$rows"; then
      return 0
    fi
    ((SECONDS < deadline)) || bench_fail "the archive did not show 13 synced months within $1 s."
    sleep 1
  done
}

ensure_wrk
publish_app
results_header
rm -f "$archive_file" "$archive_file-wal" "$archive_file-shm"
log="$out_dir/memory-app.log"
start_app "$log" --Simulator:Today="$today" --Archive:Schedule=true --Archive:Since="$since13" \
  --UMeeting:RequestsPerSecond=200 --ConnectionStrings:Archive="Data Source=$archive_file"
sign_in "$app_url" || bench_fail "could not sign in (log: $log)."
wait_filled 600
after_fill="$(status_kib "$app_pid" VmRSS)"
echo "bench: archive filled; RSS $(mib "$after_fill") MiB"

# The requests: a random period of 1 to 92 days inside the archive's past days, on a random report; /meeting asks a
# random archived record in its own day. The records are taken from the archive file itself.
lua="$out_dir/memory-requests.lua"
{
  echo "local first_day = os.time({ year = ${since13:0:4}, month = ${since13:5:2} + 0, day = 1, hour = 12 })"
  echo "local days = $(( ($(date -u -d "$today" +%s) - $(date -u -d "$since13" +%s)) / 86400 ))"
  echo "local records = {"
  sqlite3 "$archive_file" "SELECT uuid, substr(start_time, 1, 10) FROM meetings ORDER BY random() LIMIT 500" \
    | awk -F'|' '{ printf "  { \"%s\", \"%s\" },\n", $1, $2 }'
  echo "}"
  cat <<'LUA'
local reports = { "/meetings", "/participants", "/telephony", "/rooms" }

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function day(offset)
  return os.date("!%Y-%m-%d", first_day + offset * 86400)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local pick = math.random(#reports + 1)
  if pick > #reports then
    local record = records[math.random(#records)]
    return wrk.format("GET", "/meeting?uuid=" .. encode(record[1]) .. "&from=" .. record[2] .. "&to=" .. record[2])
  end
  local length = math.random(1, 92)
  local from = math.random(0, math.max(0, days - length - 1))
  return wrk.format("GET", reports[pick] .. "?from=" .. day(from) .. "&to=" .. day(from + length - 1))
end

function done(summary, latency, requests)
  io.write(string.format("bench-memory requests=%d p50_ms=%.1f p99_ms=%.1f socket_errors=%d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
} >"$lua"

# RSS every second through the load and the idle time after it.
samples="$out_dir/memory-rss.txt"
: >"$samples"
sample() {
  local until=$((SECONDS + $1)) phase="$2"
  while ((SECONDS < until)); do
    echo "$phase $(status_kib "$app_pid" VmRSS)" >>"$samples"
    sleep 1
  done
}

wrk_log="$out_dir/memory-wrk.txt"
threads="$wrk_threads"
((threads > clients)) && threads="$clients"
wrk -t "$threads" -c "$clients" -d "${duration}s" --timeout 30s -s "$lua" -H "Cookie: $auth_cookie" "$app_url" >"$wrk_log" 2>&1 &
wrk_pid=$!
sample "$duration" load
wait "$wrk_pid" || { cat "$wrk_log" >&2; bench_fail "wrk failed."; }
after_load="$(status_kib "$app_pid" VmRSS)"
peak="$(status_kib "$app_pid" VmHWM)"
sample "$idle" idle
after_idle="$(status_kib "$app_pid" VmRSS)"
# Where the resident set is, once idle: anonymous memory against mapped files, the managed heap as the runtime counts
# it (its size after the last collection, and what it has committed), and the threads.
rollup_kib() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$app_pid/smaps_rollup"; }
gc_mib() {
  curl -sS --max-time 30 "$app_url/metrics" | awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $2 } END { printf "%.0f", s / 1048576 }'
}
breakdown="anonymous $(mib "$(rollup_kib Anonymous)") MiB, file-backed $(mib "$(( $(rollup_kib Rss) - $(rollup_kib Anonymous) ))") MiB;"
breakdown+=" managed heap $(gc_mib system_runtime_dotnet_gc_last_collection_heap_size) MiB after the last collection,"
breakdown+=" $(gc_mib system_runtime_dotnet_gc_last_collection_memory_committed_size) MiB committed; $(status_kib "$app_pid" Threads) threads"
line="$(grep '^bench-memory ' "$wrk_log")" || { cat "$wrk_log" >&2; bench_fail "wrk printed no figures."; }
non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$wrk_log")"
cat "$wrk_log"
stop_app "$app_pid"

load_max="$(awk '$1 == "load" && $2 > m { m = $2 } END { print m + 0 }' "$samples")"
record "A4 memory, $gc_mode GC, $clients clients for $duration s on random past periods of a 13-month SQLite archive (${line#bench-memory }, ${non2xx:-0} responses 4xx/5xx):" \
  "RSS after the fill $(mib "$after_fill") MiB, highest sampled during the load $(mib "$load_max") MiB, at its end $(mib "$after_load") MiB (goal <= $limit_mib MiB: $(verdict at_most "$(mib "$after_load")" $limit_mib))," \
  "after $idle s idle $(mib "$after_idle") MiB (goal <= $limit_mib MiB: $(verdict at_most "$(mib "$after_idle")" $limit_mib)); peak (VmHWM) $(mib "$peak") MiB;" \
  "idle: $breakdown"
