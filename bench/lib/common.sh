# shellcheck shell=bash
# Shared by the scripts of bench/ (sourced, not run): publishing and starting the app, signing in, wrk runs, and
# the lines appended to bench/RESULTS.md. Everything it starts listens on 127.0.0.1 only and is stopped on exit.
# The variables it sets (app_url, auth_cookie, wrk_rps, ...) are read by the scripts that source it:
# shellcheck disable=SC2034

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_root="$(cd "$bench_dir/.." && pwd)"
readonly bench_dir repo_root
readonly out_dir="$bench_dir/out"
readonly web_out="$out_dir/web"
readonly results_file="${BENCH_RESULTS:-$bench_dir/RESULTS.md}"
readonly wrk_script="$bench_dir/lib/wrk-report.lua"

# The simulator's calendar, pinned as in the tests, so every run reads the same meetings. The app's own "today" is
# the real one, so every window of the periods below lies in the past and is cached for UMeeting:PastWindowCacheDuration.
readonly simulator_today="${BENCH_SIMULATOR_TODAY:-2025-06-15}"
# 30 rows of a three-month period: the report composes its page from three month windows, as "Last 90 days" does.
readonly meetings_path="${BENCH_MEETINGS_PATH:-/meetings?from=2025-03-01&to=2025-05-31&page_size=30}"
readonly wrk_threads="${BENCH_WRK_THREADS:-2}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$out_dir"

bench_fail() {
  echo "bench: $*" >&2
  exit 1
}

# Installs Debian's wrk with apt-get when it is missing, as build/test.sh does for chromium.
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || bench_fail "wrk is missing, and without root or sudo it cannot be installed (apt-get install wrk)."
    as_root=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || bench_fail "wrk is missing and apt-get is not available to install it."
  echo "bench: wrk is missing; installing Debian's wrk with apt-get..."
  "${as_root[@]}" apt-get update -qq || bench_fail "apt-get update failed."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null \
    || bench_fail "apt-get install wrk failed."
  command -v wrk >/dev/null 2>&1 || bench_fail "the wrk package did not put wrk on PATH."
}

# Publishes src/Web in Release to bench/out/web once per run (bench/run.sh exports BENCH_PUBLISHED=1 after it).
publish_app() {
  if [[ "${BENCH_PUBLISHED:-}" == 1 && -f "$web_out/UMeetingReports.Web.dll" ]]; then
    return 0
  fi
  # As the Dockerfile publishes it: for this machine's runtime identifier, so ReadyToRun (src/Web/Web.csproj) applies.
  local rid
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) bench_fail "no .NET runtime identifier known for $(uname -m)." ;;
  esac
  echo "bench: publishing src/Web (Release, $rid, ReadyToRun) to bench/out/web..."
  rm -rf "$web_out"
  if ! dotnet publish "$repo_root/src/Web/Web.csproj" -c Release -r "$rid" --self-contained false -o "$web_out" >"$out_dir/publish.log" 2>&1; then
    tail -n 30 "$out_dir/publish.log" >&2
    bench_fail "dotnet publish src/Web failed (whole log in bench/out/publish.log)."
  fi
  export BENCH_PUBLISHED=1
}

started_pids=()

# start_app LOG [--Key=value ...]: starts the published app in demo mode on 127.0.0.1 at a port the kernel picks,
# in Production with warnings only, and waits until it listens. Sets app_pid and app_url (http://127.0.0.1:PORT).
# The port is read from the app's own "ready at" line, so no port is guessed and none can be taken meanwhile.
# Each app gets a new archive file of its own with the background schedule off: a benchmark measures what it asks
# for, not a fill of 13 months running beside it.
start_app() {
  local log="$1" archive
  shift
  # A log left by an earlier run would announce that run's port before this process has written a line.
  rm -f "$log"
  archive="$out_dir/archive-$RANDOM$RANDOM.db"
  (
    cd "$web_out" || exit 1
    exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
      dotnet UMeetingReports.Web.dll --urls http://127.0.0.1:0 \
      --UMeeting:Mode=Demo --UMeeting:BaseUrl= --Simulator:Today="$simulator_today" \
      --Archive:Schedule=false --ConnectionStrings:Archive="Data Source=$archive" \
      --Logging:LogLevel:Default=Warning \
      --Logging:LogLevel:UMeetingReports.Web.Hosting.StartupAnnouncement=Information "$@"
  ) >"$log" 2>&1 &
  app_pid=$!
  started_pids+=("$app_pid")
  # BENCH_APP_START_SECONDS: longer for a simulator that generates a large account when it starts.
  wait_for_app_url "$log" "${BENCH_APP_START_SECONDS:-60}"
}

# Polls LOG every 10 ms for the app's "ready at http://127.0.0.1:PORT" line; sets app_url.
wait_for_app_url() {
  local log="$1" seconds="$2" deadline
  deadline=$((SECONDS + seconds))
  app_url=""
  while [[ -z "$app_url" ]]; do
    # The background shell may not have created the log yet.
    [[ -f "$log" ]] && app_url="$(sed -n 's|.*ready at \(http://127\.0\.0\.1:[0-9][0-9]*\).*|\1|p' "$log" | head -n 1)"
    [[ -n "$app_url" ]] && return 0
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      bench_fail "the app stopped before it listened (log: $log)."
    fi
    ((SECONDS < deadline)) || bench_fail "the app did not say where it listens within $seconds s (log: $log)."
    sleep 0.01
  done
}

stop_app() {
  local pid="$1"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_started_apps() {
  local pid
  for pid in "${started_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && stop_app "$pid"
  done
  return 0
}
trap stop_started_apps EXIT

# sign_in BASE_URL: signs in as the demo's admin the way a browser does (the form's antiforgery token and cookie,
# then the POST) and sets auth_cookie to the "Cookie:" value that carries the session.
sign_in() {
  local base="$1" jar form token status
  jar="$(mktemp)"
  form="$(curl -sS --max-time 30 -c "$jar" -b "$jar" "$base/account/login")" || { rm -f "$jar"; return 1; }
  token="$(sed -n 's/.*__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)"
  if [[ -z "$token" ]]; then
    rm -f "$jar"
    echo "bench: the sign-in page carried no antiforgery token." >&2
    return 1
  fi
  status="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "username=admin" --data-urlencode "password=admin" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login")"
  # Every cookie the app set, as a browser sends them: the session and the antiforgery cookie (without the latter each
  # page would mint a new antiforgery cookie for its sign-out form, work a browser's requests do not cause). curl marks
  # HttpOnly cookies with a "#HttpOnly_" prefix on the domain field; the name is field 6 either way.
  auth_cookie="$(awk -F'\t' '$6 ~ /^UMeetingReports\./ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")"
  rm -f "$jar"
  if [[ "$status" != 302 || "$auth_cookie" != *UMeetingReports.Auth* ]]; then
    echo "bench: signing in as admin answered HTTP $status without a session cookie." >&2
    return 1
  fi
}

# http_status URL: the status of a signed-in GET.
http_status() {
  curl -sS --max-time 60 -o /dev/null -w '%{http_code}' -H "Cookie: $auth_cookie" "$1" || echo 000
}

# run_wrk CONNECTIONS DURATION URL LOG: a signed-in wrk run. Sets wrk_requests, wrk_rps, wrk_p50_ms, wrk_p99_ms,
# wrk_failed (responses not 200, or only 4xx and 5xx: see lib/wrk-report.lua) and wrk_socket_errors (connect, read,
# write and time-out errors together).
run_wrk() {
  local wrk_connections="$1" wrk_duration="$2" url="$3" log="$4" line threads="$wrk_threads"
  ((threads > wrk_connections)) && threads="$wrk_connections"
  wrk -t "$threads" -c "$wrk_connections" -d "$wrk_duration" --timeout 10s --latency -s "$wrk_script" \
    -H "Cookie: $auth_cookie" "$url" >"$log" 2>&1 || { cat "$log" >&2; bench_fail "wrk failed on $url."; }
  line="$(grep '^bench-wrk ' "$log")" || { cat "$log" >&2; bench_fail "wrk printed no figures for $url."; }
  local -A figure=()
  local pair
  for pair in ${line#bench-wrk }; do
    figure["${pair%%=*}"]="${pair#*=}"
  done
  wrk_requests="${figure[requests]}"
  wrk_failed="${figure[failed]}"
  wrk_socket_errors=$((figure[connect] + figure[read] + figure[write] + figure[timeout]))
  wrk_rps="$(awk -v n="${figure[requests]}" -v us="${figure[duration_us]}" 'BEGIN { printf "%.0f", n / (us / 1e6) }')"
  wrk_p50_ms="$(awk -v us="${figure[p50_us]}" 'BEGIN { printf "%.2f", us / 1000 }')"
  wrk_p99_ms="$(awk -v us="${figure[p99_us]}" 'BEGIN { printf "%.2f", us / 1000 }')"
}

# The header of one run in bench/RESULTS.md: when, on what, at which commit, and how busy the machine was.
results_header() {
  [[ "${BENCH_RESULTS_HEADER:-}" == 1 ]] && return 0
  local commit dirty="" memory cpu load
  commit="$(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  # --no-optional-locks: reading the status must not take the index lock from someone committing meanwhile.
  if [[ -n "$(git -C "$repo_root" --no-optional-locks status --porcelain 2>/dev/null)" ]]; then
    dirty=" with uncommitted changes"
  fi
  memory="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  load="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  {
    [[ -s "$results_file" ]] || printf '# Benchmark results\n\nAppended by bench/run.sh and the scripts it runs, newest last; what each line measures is in bench/README.md.\n'
    printf '\n## %s · %s cores · %s · commit %s%s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$memory" "$commit" "$dirty"
    printf '%s; load average at the start %s (above %s means other work shared the cores).\n\n' "${cpu:-unknown CPU}" "$load" "$(nproc)"
  } >>"$results_file"
  export BENCH_RESULTS_HEADER=1
}

# record LINE: prints LINE and appends it to bench/RESULTS.md as a list item.
record() {
  echo "$*"
  printf -- '- %s\n' "$*" >>"$results_file"
}

verdict() {
  if "$@"; then echo met; else echo MISSED; fi
}

# at_most VALUE LIMIT / at_least VALUE LIMIT, for decimals.
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
