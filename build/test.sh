#!/usr/bin/env bash
# Runs every test of the solution: the core tests and the browser tests (Playwright driving Debian's chromium).
# Installs chromium when /usr/bin/chromium is missing. Ends, whatever happened, with one plain line:
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
  echo
  print_failures
  print_summary
  exit "$status"
}
trap on_exit EXIT

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

rm -rf "$results"
mkdir -p "$results"

# --timeout asks a hung test run to stop; a test that ignores the request would keep its process alive, so the whole
# command is also killed (with every process it started) a minute later. A missing report then shows the run broke.
# One test project at a time: the browser tests and the core tests each load both cores on their own.
readonly run_limit=10m hard_limit=11m
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
