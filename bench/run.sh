#!/usr/bin/env bash
# Runs every benchmark of bench/ once (bench/README.md says what each measures and its goal) and appends the figures
# to bench/RESULTS.md under one header with the date, the machine and the commit. About 15 minutes on 2 cores.
# Installs wrk with apt-get when it is missing. Everything it starts listens on 127.0.0.1 and stops by itself.
# Exits non-zero when a benchmark could not run or saw errors; a goal missed is a figure, not a failure.
set -uo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

started=$SECONDS
status=0

# step NAME COMMAND...: runs one benchmark; a benchmark that breaks is recorded as such and the others still run.
step() {
  local name="$1" code
  shift
  echo
  echo "== $name"
  "$@"
  code=$?
  if ((code != 0)); then
    record "$name: did not complete (exit $code); its output above says why"
    status=1
  fi
}

gather() {
  local log="$out_dir/gather.txt" code
  dotnet build "$bench_dir/Gather/Gather.Bench.csproj" -c Release >"$out_dir/gather-build.log" 2>&1 \
    || { tail -n 30 "$out_dir/gather-build.log" >&2; return 1; }
  dotnet "$bench_dir/Gather/bin/Release/net10.0/UMeetingReports.Gather.Bench.dll" | tee "$log"
  code="${PIPESTATUS[0]}"
  local line
  while IFS= read -r line; do
    printf -- '- %s\n' "$line" >>"$results_file"
  done < <(grep '^P2 ' "$log")
  return "$code"
}

# P3 belongs to bench/Export (its own section of bench/README.md); its program appends its own lines.
export_bench() {
  local project="$bench_dir/Export/Export.Bench.csproj"
  if [[ ! -f "$project" ]]; then
    record "P3 export: skipped, bench/Export/Export.Bench.csproj is not there"
    return 0
  fi
  dotnet build "$project" -c Release >"$out_dir/export-build.log" 2>&1 \
    || { tail -n 30 "$out_dir/export-build.log" >&2; return 1; }
  dotnet run --no-build -c Release --project "$project" -- --results "$results_file"
}

ensure_wrk || exit 1
results_header
publish_app || exit 1

step "P4 start" "$bench_dir/start/run.sh"
step "P1 page cost" "$bench_dir/pages/run.sh"
step "Load" "$bench_dir/load/run.sh"
step "P2 gathering a period" gather
step "P3 export" export_bench
step "A1-A3 archive" "$bench_dir/archive/run.sh"
step "A4 memory" "$bench_dir/memory/run.sh"

echo
echo "bench: the run took $((SECONDS - started)) s; its figures are at the end of ${results_file#"$repo_root/"}."
exit "$status"
