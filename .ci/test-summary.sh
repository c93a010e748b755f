#!/usr/bin/env bash
# Adds up the JUnit XML reports of all modules (unit tests and integration tests) and prints
# them per module, then one closing line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

total_tests=0 total_fail=0 total_skip=0
echo
echo "Test summary"
for dir in */target/surefire-reports */target/failsafe-reports; do
  [ -d "$dir" ] || continue
  t=0 f=0 s=0
  for xml in "$dir"/*.xml; do
    [ -f "$xml" ] || continue
    head=$(grep -m1 -o '<testsuite [^>]*>' "$xml") || continue
    num() { echo "$head" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    t=$((t + $(num tests))); f=$((f + $(num failures) + $(num errors))); s=$((s + $(num skipped)))
  done
  [ "$t" -gt 0 ] || continue
  printf '  %-40s %5d tests, %4d failed, %4d skipped\n' "$dir" "$t" "$f" "$s"
  total_tests=$((total_tests + t)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
done
echo "Tests: $((total_tests - total_fail - total_skip)) passed, $total_fail failed, $total_skip skipped"
