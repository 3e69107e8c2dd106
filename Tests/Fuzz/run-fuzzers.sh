#!/usr/bin/env bash
# Builds each libFuzzer target in Tests/Fuzz/Targets with the engine and codec sources
# (address sanitizer on) and runs it for SECONDS (default 60). A crash or hang is saved
# under .build-fuzz/<target>/ and the script exits non-zero.
# Usage: Tests/Fuzz/run-fuzzers.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(Decimal Rational CaseFile Cohort); fi
export SWIFT_BACKTRACE=enable=no
sources=$(find Sources/PHBEngine Sources/PHBCodec -name '*.swift' | sort)
status=0
for target in "${targets[@]}"; do
  dir=".build-fuzz/$target"; mkdir -p "$dir/corpus"
  # Seed the corpus with the project's own inputs.
  case "$target" in
    CaseFile) cp Fixtures/bottom-up/*.json Fixtures/top-down/*.json Fixtures/bad-input/cases/*.json "$dir/corpus/" 2>/dev/null || true ;;
    Cohort) cp Fixtures/cohorts/cohort-with-bad-rows.csv Fixtures/cohorts/small-cohort.jsonl Fixtures/bad-input/cohorts/* "$dir/corpus/" ;;
    Decimal) printf '13.75' > "$dir/corpus/a"; printf '£1,234.50' > "$dir/corpus/b"; printf '2025-04-06' > "$dir/corpus/c" ;;
  esac
  echo "== $target: building"
  # One module: the sources' own 'import PHBEngine' is then ignored with a warning.
  swiftc -O -parse-as-library -module-name PHBEngine -sanitize=fuzzer,address -suppress-warnings \
    $sources "Tests/Fuzz/Targets/Fuzz$target.swift" -o "$dir/fuzz-$target" > "$dir/build.txt" 2>&1 \
    || { cat "$dir/build.txt"; exit 2; }
  echo "== $target: running for $seconds s"
  if ! "$dir/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
       -artifact_prefix="$dir/" "$dir/corpus" > "$dir/log.txt" 2>&1; then
    echo "!! $target found a problem: see $dir/log.txt and the crash- or timeout- file in $dir"; status=1
  fi
  grep -E "^#[0-9]+.*(DONE|pulse)" "$dir/log.txt" | tail -1 || true
done
exit $status
