#!/usr/bin/env bash
# Runs the whole test suite under the address sanitizer, then the thread sanitizer,
# each in its own build folder. Usage: Tests/run-sanitizers.sh [address|thread]…
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
# Leaks inside the toolchain's own libraries are suppressed; any other leak still fails.
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-suppressions.txt:print_suppressions=0"
sanitizers=("$@"); if [ ${#sanitizers[@]} -eq 0 ]; then sanitizers=(address thread); fi
for sanitizer in "${sanitizers[@]}"; do
  echo "== swift test --sanitize=$sanitizer"
  start=$(date +%s)
  swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
  echo "== $sanitizer: passed in $(( $(date +%s) - start )) s"
done
